// Reads config by its structure, for what a line cannot show: YAML (Kubernetes env `name`/`value`
// pairs, Secret `data`/`stringData` decoded from base64, block scalars), JSON and JSONC (the same
// pairs, ECS-style environment lists), Jupyter notebooks (each cell's source read as the code it is,
// though the file holds it JSON-escaped) and XML (Maven/NuGet settings, Web.config, Spring beans,
// Android strings: element text and attributes, `key`/`value` pairs). Parsed with `yaml`,
// `jsonc-parser` and `fast-xml-parser`; a file that does not parse is left to the line rules. Values
// nested in a value (a properties file in a ConfigMap, a base64 blob) are read with the line rules
// and mapped back to the raw text; where that fails the whole value goes. Pure.
import { XMLParser } from 'fast-xml-parser'
import { parseTree, type Node as JsonNode } from 'jsonc-parser'
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode, type Scalar } from 'yaml'
import { fileKind, type FileKind } from './file-kind.ts'
import { findLineSecretSpans } from './secret-line-rules.ts'
import { isHashList } from './stray-tokens.ts'
import type { SecretSpan } from './secret-spans.ts'
import { isDescriptiveName, isPublicName } from './credential-names.ts'
import { decodeBase64Text, isPlaceholder, looksLikeSecret, secretNameClass, type SecretNameClass } from './secret-values.ts'

export const MAX_STRUCTURED_BYTES = 512 * 1024
const PAIR_NAMES = ['name', 'key', 'id', 'variable', 'parameter']
const PAIR_VALUES = ['value', 'defaultvalue', 'default']

/** One string value found in a structure, where it sits in the raw text, and the name it is held under. */
interface FoundValue {
  readonly name: string | null
  readonly value: string
  /** Raw span of the value (inside its quotes). */
  readonly start: number
  readonly end: number
  /** Held in a Kubernetes Secret's data: a secret whatever its name. */
  readonly secretData?: 'base64' | 'plain'
}

function kindFor(name: string | null, value: string): string {
  const nameClass = name ? secretNameClass(name) : null
  return nameClass === 'password' ? 'password-value' : /PRIVATE KEY/.test(value) ? 'private-key' : 'secret-value'
}

/** The raw spans of the secrets inside a decoded value (found by the line rules), or the whole value. */
function nestedSpans(text: string, found: FoundValue, decoded: string, kind: FileKind): SecretSpan[] {
  const inner = findLineSecretSpans('(value)', decoded, kind)
  if (inner.length === 0) return []
  const raw = text.slice(found.start, found.end)
  const spans: SecretSpan[] = []
  for (const span of inner) {
    const secret = decoded.slice(span.start, span.end)
    const forms = [
      ...new Set([secret, JSON.stringify(secret).slice(1, -1), ...secret.split('\n').filter((part) => part.trim().length >= 4)]),
    ]
    let located = false
    for (const form of forms) {
      for (let at = raw.indexOf(form); form.length > 0 && at !== -1; at = raw.indexOf(form, at + form.length)) {
        spans.push({ start: found.start + at, end: found.start + at + form.length, kind: span.kind })
        located = true
      }
      if (located && form === secret) break
    }
    if (!located) return [{ start: found.start, end: found.end, kind: span.kind }]
  }
  return spans
}

/** Judges one found value: by its name, as Secret data, as base64 hiding a secret, or as text holding one. */
function judge(text: string, found: FoundValue, nestedKind: FileKind): SecretSpan[] {
  const { name, value } = found
  if (value.length === 0) return []
  if (found.secretData) {
    const decoded = found.secretData === 'base64' ? decodeBase64Text(value) : value
    if (isPlaceholder(value) || (decoded !== null && isPlaceholder(decoded))) return []
    return [{ start: found.start, end: found.end, kind: decoded && /PRIVATE KEY/.test(decoded) ? 'private-key' : 'kubernetes-secret' }]
  }
  const nameClass = name ? secretNameClass(name) : null
  if (nameClass && !value.includes('\n') && looksLikeSecret(nameClass, value))
    return [{ start: found.start, end: found.end, kind: kindFor(name, value) }]
  if (nameClass && value.includes('\n') && isMultilineSecret(nameClass, value))
    return [{ start: found.start, end: found.end, kind: kindFor(name, value) }]
  const decoded = value.length >= 24 ? decodeBase64Text(value) : null
  if (decoded !== null && findLineSecretSpans('(value)', decoded, 'config').length > 0)
    return [{ start: found.start, end: found.end, kind: 'base64-secret' }]
  if (value.includes('\n')) return nestedSpans(text, found, value, name ? fileKindOrConfig(name, nestedKind) : nestedKind)
  return []
}

/** A value over several lines under a credential name: a private key, or a token wrapped at some width (no spaces in its lines). */
function isMultilineSecret(nameClass: SecretNameClass, value: string): boolean {
  if (/PRIVATE KEY/.test(value)) return true
  if (isPlaceholder(value) || value.includes('-----BEGIN')) return false
  const parts = value
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean)
  return parts.length > 0 && parts.every((part) => !/\s/.test(part)) && looksLikeSecret(nameClass, parts.join(''))
}

function fileKindOrConfig(name: string, fallback: FileKind): FileKind {
  const kind = fileKind(name)
  return kind === 'text' ? fallback : kind === 'yaml' || kind === 'json' || kind === 'xml' ? 'config' : kind
}

// --- YAML ---------------------------------------------------------------------------------------

function yamlValueSpan(text: string, node: Scalar): { start: number; end: number } | null {
  const range = node.range
  if (!range) return null
  const [start, end] = range
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return { start: start + 1, end: Math.max(start + 1, end - 1) }
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const body = text.indexOf('\n', start)
    return body === -1 || body >= end ? null : { start: body + 1, end }
  }
  return { start, end }
}

function scalarText(node: unknown): string | null {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : null
}

/** The section of a map named public: nothing under it is held under a credential name. */
const PUBLIC = '\0public'

/** The name a value is held under: its own key, or a neutral key's section named for credentials (`secrets:` → `github:`). */
function heldUnder(key: string | null, section: string | null): string | null {
  if (section === PUBLIC) return null
  if (key !== null && (secretNameClass(key) || isDescriptiveName(key))) return key
  return section ?? key
}

/** The section a map under `key` passes to its children. */
function sectionOf(key: string | null, section: string | null): string | null {
  if (key === null || section === PUBLIC) return section
  // Under a name that says public (`public_keys:`, `pub:`), nothing is secret.
  if (isPublicName(key)) return PUBLIC
  // Only a plain name makes a section (not a package path such as `node_modules/@x/private-y`).
  if (!/^[\w.-]{1,80}$/.test(key)) return null
  if (secretNameClass(key)) return key
  return isDescriptiveName(key) ? null : section
}

function yamlValues(text: string): FoundValue[] {
  const found: FoundValue[] = []
  let doc: Document.Parsed | null = null
  const add = (name: string | null, node: unknown, secretData?: 'base64' | 'plain') => {
    // An alias (`*shared`) reuses an anchored value: judged under this name, redacted where it is written.
    const target = isAlias(node) && doc ? node.resolve(doc) : node
    if (!isScalar(target) || typeof target.value !== 'string') return
    const span = yamlValueSpan(text, target)
    if (span) found.push({ name, value: target.value, ...span, ...(secretData ? { secretData } : {}) })
  }
  const visit = (node: YamlNode | null | undefined, secretKind: boolean, depth: number, section: string | null): void => {
    if (!node || depth > 60) return
    if (isMap(node)) {
      const entries = node.items.map((pair) => ({ key: scalarText(pair.key), value: pair.value as YamlNode | null }))
      const lower = new Map(entries.filter((e) => e.key !== null).map((e) => [e.key!.toLowerCase(), e]))
      // `- name: API_TOKEN` / `value: "…"`: the value is held under the name beside it.
      const pairName = PAIR_NAMES.map((n) => scalarText(lower.get(n)?.value)).find((n) => n)
      const pairValue = PAIR_VALUES.map((n) => lower.get(n)?.value).find((v) => isScalar(v))
      if (pairName && pairValue) add(pairName, pairValue)
      for (const { key, value } of entries) {
        if (secretKind && (key === 'data' || key === 'stringData') && isMap(value)) {
          for (const item of value.items) add(scalarText(item.key), item.value, key === 'data' ? 'base64' : 'plain')
          continue
        }
        if (isScalar(value) || isAlias(value)) add(heldUnder(key, section), value)
        else visit(value, false, depth + 1, sectionOf(key, section))
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        // docker-compose `environment: [ "PASSWORD=…" ]`.
        if (isScalar(item) && typeof item.value === 'string' && /^[A-Za-z_][\w.-]*=/.test(item.value)) {
          const span = yamlValueSpan(text, item)
          const at = item.value.indexOf('=')
          if (span && text.slice(span.start, span.end) === item.value)
            found.push({ name: item.value.slice(0, at), value: item.value.slice(at + 1), start: span.start + at + 1, end: span.end })
        } else if (isScalar(item) || isAlias(item)) add(section, item)
        else visit(item as YamlNode, false, depth + 1, section)
      }
    }
  }
  for (const parsed of parseAllDocuments(text, { uniqueKeys: false, strict: false })) {
    if (!('contents' in parsed)) continue
    doc = parsed
    const contents = parsed.contents
    const secretKind = isMap(contents) && String(contents.get('kind') ?? '') === 'Secret'
    visit(contents, secretKind, 0, null)
  }
  return found
}

// --- JSON and notebooks -------------------------------------------------------------------------

function jsonString(node: JsonNode | undefined): string | null {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : null
}

function jsonValues(text: string): FoundValue[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false })
  if (!root) return []
  const found: FoundValue[] = []
  const add = (name: string | null, node: JsonNode | undefined) => {
    const value = jsonString(node)
    if (value !== null && node) found.push({ name, value, start: node.offset + 1, end: node.offset + node.length - 1 })
  }
  const visit = (node: JsonNode, depth: number, section: string | null): void => {
    if (depth > 80) return
    if (node.type === 'object') {
      const properties = (node.children ?? []).map((property) => ({
        key: jsonString(property.children?.[0]),
        value: property.children?.[1],
      }))
      const lower = new Map(properties.filter((p) => p.key !== null).map((p) => [p.key!.toLowerCase(), p.value]))
      const pairName = PAIR_NAMES.map((n) => jsonString(lower.get(n))).find((n) => n)
      const pairValue = PAIR_VALUES.map((n) => lower.get(n)).find((v) => v?.type === 'string')
      if (pairName && pairValue) add(pairName, pairValue)
      for (const { key, value } of properties) {
        if (!value) continue
        if (value.type === 'string') add(heldUnder(key, section), value)
        else visit(value, depth + 1, sectionOf(key, section))
      }
    } else if (node.type === 'array') {
      for (const item of node.children ?? []) {
        if (item.type === 'string') add(section, item)
        else visit(item, depth + 1, section)
      }
    }
  }
  visit(root, 0, null)
  return found
}

/** A notebook's cells read as the code (and output text) they hold, mapped back to the JSON strings. */
function notebookSpans(text: string): SecretSpan[] {
  const root = parseTree(text, [], { allowTrailingComma: true })
  const cells = root?.children?.find((p) => jsonString(p.children?.[0]) === 'cells')?.children?.[1]
  const spans: SecretSpan[] = []
  const readLines = (array: JsonNode | undefined, kind: FileKind) => {
    const parts = (array?.type === 'array' ? (array.children ?? []) : array ? [array] : []).filter((n) => n.type === 'string')
    if (parts.length === 0) return
    const code = parts.map((n) => String(n.value)).join('')
    const found: FoundValue = { name: null, value: code, start: parts[0]!.offset + 1, end: parts.at(-1)!.offset + parts.at(-1)!.length - 1 }
    spans.push(...nestedSpans(text, found, code, kind))
  }
  for (const cell of cells?.children ?? []) {
    const field = (name: string) => cell.children?.find((p) => jsonString(p.children?.[0]) === name)?.children?.[1]
    const type = jsonString(field('cell_type'))
    readLines(field('source'), type === 'code' ? 'code' : 'text')
    // What a cell printed: a stream's text, a result's or a display's plain text, an error's traceback.
    for (const output of field('outputs')?.children ?? []) {
      const member = (node: JsonNode | undefined, name: string) =>
        node?.children?.find((p) => jsonString(p.children?.[0]) === name)?.children?.[1]
      readLines(member(output, 'text'), 'text')
      readLines(member(member(output, 'data'), 'text/plain'), 'text')
      readLines(member(output, 'traceback'), 'text')
    }
  }
  return spans
}

// --- XML ----------------------------------------------------------------------------------------

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@attributes',
  textNodeName: '#text',
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

/** XML values by name; located in the raw text by value (the parser keeps no offsets), near their name. */
function xmlValues(text: string): FoundValue[] {
  let tree: unknown
  try {
    tree = xmlParser.parse(text)
  } catch {
    return []
  }
  const named: { name: string; value: string }[] = []
  const visit = (tag: string, node: unknown, depth: number): void => {
    if (depth > 80 || node === null || node === undefined) return
    if (Array.isArray(node)) return node.forEach((item) => visit(tag, item, depth + 1))
    if (typeof node !== 'object') {
      named.push({ name: tag, value: String(node) })
      return
    }
    const record = node as Record<string, unknown>
    const attributes = (record['@attributes'] ?? {}) as Record<string, unknown>
    const lower = new Map(Object.entries(attributes).map(([k, v]) => [k.toLowerCase(), String(v)]))
    const pairName = PAIR_NAMES.map((n) => lower.get(n)).find((n) => n)
    const pairValue = PAIR_VALUES.map((n) => lower.get(n)).find((v) => v !== undefined)
    if (pairName && pairValue !== undefined) named.push({ name: pairName, value: pairValue })
    for (const [name, value] of Object.entries(attributes)) named.push({ name, value: String(value) })
    const ownText = record['#text']
    // `<key>Password</key>` (a property list) names the next value; it is not one.
    if (ownText !== undefined && !/^(key|name)$/i.test(tag)) named.push({ name: pairName ?? tag, value: String(ownText) })
    for (const [child, value] of Object.entries(record)) if (child !== '@attributes' && child !== '#text') visit(child, value, depth + 1)
  }
  for (const [tag, value] of Object.entries(tree as Record<string, unknown>)) visit(tag, value, 0)
  const found: FoundValue[] = []
  for (const { name, value } of named) {
    if (value.trim().length < 4) continue
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length))
      found.push({ name, value, start: at, end: at + value.length })
  }
  return found
}

/** The secrets the structure of a YAML, JSON, notebook or XML file shows, as raw spans. */
export function findStructuredSecretSpans(path: string, text: string, kind: FileKind = fileKind(path)): SecretSpan[] {
  if (text.length > MAX_STRUCTURED_BYTES || isHashList(path)) return []
  try {
    if (kind === 'notebook') return notebookSpans(text)
    const values = kind === 'yaml' ? yamlValues(text) : kind === 'json' ? jsonValues(text) : kind === 'xml' ? xmlValues(text) : []
    const nested: FileKind = 'config'
    return values.flatMap((found) => judge(text, found, nested))
  } catch {
    return []
  }
}
