// Turns one syntax tree into imports and definitions by running a language's query. Pure: it
// never frees the tree (the caller owns it) and never throws on odd trees, it skips what it can't read.
import type { Node, Query } from 'web-tree-sitter'
import type { LanguageSpec } from './language-spec.ts'
import { lineOf, unquote } from './language-spec.ts'
import type { Definition, DefinitionKind, ImportKind, ImportRef } from './parsed-file.ts'

const IMPORT_KINDS = new Set<string>([
  'import',
  'from',
  'require',
  'require_relative',
  'autoload',
  'dynamic',
  'reexport',
  'static',
  'mod',
  'include',
])
const DEFINITION_KINDS = new Set<string>(['class', 'interface', 'type', 'enum', 'function', 'method', 'module', 'object', 'constant'])
const MAX_SIGNATURE = 400

export interface ExtractedFile {
  readonly imports: ImportRef[]
  readonly definitions: Definition[]
  readonly package?: string
  readonly references?: string[]
  readonly supertypes?: string[]
}

const MAX_REFERENCES = 2000

export function extractFile(root: Node, query: Query, spec: LanguageSpec, source: string): ExtractedFile {
  const imports: ImportRef[] = []
  const definitions: Definition[] = []
  const seenDefinitions = new Set<number>()
  let pkg: string | undefined
  const references = new Set<string>()
  const supertypes = new Set<string>()
  for (const match of query.matches(root)) {
    let name: string | undefined
    let body: Node | undefined
    let definition: { node: Node; kind: DefinitionKind } | undefined
    for (const capture of match.captures) {
      const [head, tail] = splitCapture(capture.name)
      if (head === 'import' && tail !== undefined && IMPORT_KINDS.has(tail)) {
        imports.push(...readImport(capture.node, tail as ImportKind, spec))
      } else if (head === 'definition' && tail !== undefined && DEFINITION_KINDS.has(tail)) {
        definition = { node: capture.node, kind: tail as DefinitionKind }
      } else if (head === 'name') {
        name = capture.node.text
      } else if (head === 'body') {
        body = capture.node
      } else if (head === 'reference') {
        if (references.size < MAX_REFERENCES) references.add(capture.node.text)
      } else if (head === 'supertype') {
        if (supertypes.size < MAX_REFERENCES) supertypes.add(capture.node.text)
        if (references.size < MAX_REFERENCES) references.add(capture.node.text)
      } else if (head === 'package' && pkg === undefined) {
        pkg = capture.node.text.replace(/\s+/g, '')
      }
    }
    if (definition === undefined || name === undefined || name === '') continue
    if (seenDefinitions.has(definition.node.id)) continue
    seenDefinitions.add(definition.node.id)
    definitions.push(toDefinition(definition.node, definition.kind, name, body, spec, source))
  }
  imports.sort((a, b) => a.line - b.line)
  definitions.sort((a, b) => a.line - b.line || a.endLine - b.endLine)
  return {
    imports,
    definitions,
    ...(pkg === undefined ? {} : { package: pkg }),
    ...(references.size === 0 ? {} : { references: [...references].sort() }),
    ...(supertypes.size === 0 ? {} : { supertypes: unaliased(supertypes, imports) }),
  }
}

/**
 * Supertypes by the names their declarations have: `implements KernelContract` after `use
 * Illuminate\Contracts\Http\Kernel as KernelContract` builds on Kernel (PHP's `use … as`, C#'s `using X = …`).
 */
function unaliased(supertypes: ReadonlySet<string>, imports: readonly ImportRef[]): string[] {
  const real = new Map<string, string>()
  for (const ref of imports) {
    if (ref.alias === undefined) continue
    const name = ref.specifier.split(/\\|\.|::/).at(-1)
    if (name) real.set(ref.alias, name)
  }
  return [...new Set([...supertypes].map((name) => real.get(name) ?? name))].sort()
}

function splitCapture(name: string): [string, string | undefined] {
  const dot = name.indexOf('.')
  return dot < 0 ? [name, undefined] : [name.slice(0, dot), name.slice(dot + 1)]
}

function readImport(node: Node, kind: ImportKind, spec: LanguageSpec): ImportRef[] {
  if (spec.readImports !== undefined) return spec.readImports(node, kind)
  const specifier = unquote(node.text.trim())
  return specifier === '' ? [] : [{ specifier, line: lineOf(node), kind }]
}

function toDefinition(
  node: Node,
  captured: DefinitionKind,
  name: string,
  body: Node | undefined,
  spec: LanguageSpec,
  source: string,
): Definition {
  const kind = spec.refineKind?.(node, captured) ?? captured
  const outer = wrapperOf(node, spec)
  const custom = spec.signature?.(node, name, kind)
  const cut = custom ?? cutBeforeBody(outer, body ?? findBody(node, spec), source)
  // A constant's signature is its name and type, never its value: the value may be a credential, and
  // parses are cached on disk and read into the AI context as signatures.
  const signature = kind === 'constant' ? withoutValue(cut) : cut
  return {
    name,
    kind,
    line: lineOf(outer),
    endLine: outer.endPosition.row + 1,
    signature: tidy(signature),
  }
}

function wrapperOf(node: Node, spec: LanguageSpec): Node {
  let outer = node
  const wrappers = spec.wrapperTypes ?? []
  while (outer.parent !== null && wrappers.includes(outer.parent.type)) outer = outer.parent
  return outer
}

function findBody(node: Node, spec: LanguageSpec): Node | undefined {
  const field = node.childForFieldName('body')
  if (field !== null) return field
  for (const child of node.namedChildren) {
    if (child !== null && spec.bodyTypes.includes(child.type)) return child
  }
  return undefined
}

/** The declaration's text up to its body, without leading annotations or decorators. */
function cutBeforeBody(outer: Node, body: Node | undefined, source: string): string {
  const start = firstNonAnnotation(outer)
  if (body !== undefined && body.startIndex > start) return source.slice(start, Math.min(body.startIndex, start + 4 * MAX_SIGNATURE))
  const end = Math.min(outer.endIndex, start + 4 * MAX_SIGNATURE)
  const newline = source.indexOf('\n', start)
  return source.slice(start, newline < 0 || newline > end ? end : newline)
}

const ANNOTATIONS = new Set(['annotation', 'marker_annotation', 'decorator'])

function firstNonAnnotation(node: Node): number {
  for (const child of node.children) {
    if (child === null) continue
    if (ANNOTATIONS.has(child.type)) continue
    if (child.type === 'modifiers') {
      const first = child.children.find((c) => c !== null && !ANNOTATIONS.has(c.type))
      if (first === undefined || first === null) continue
      return first.startIndex
    }
    return child.startIndex
  }
  return node.startIndex
}

function withoutValue(signature: string): string {
  const assignment = /\s*(?<![=!<>])=(?![=>])/.exec(signature)
  return assignment ? signature.slice(0, assignment.index) : signature
}

function tidy(signature: string): string {
  const flat = signature
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[{=;]\s*$/, '')
    .replace(/\s*:$/, '')
    .trim()
  return flat.length <= MAX_SIGNATURE ? flat : `${flat.slice(0, MAX_SIGNATURE - 1)}…`
}
