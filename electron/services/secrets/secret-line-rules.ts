// Gemba's own line reader for credentials that rule sets miss, in any text: assignments in code
// (Python, JS/TS, Go, Ruby, PHP define(), Java/Kotlin, C#, shell, dict and environ subscripts) and
// config (dotenv, INI/properties/TOML with their sections, HCL and tfvars `default =`), URLs with a
// password (also with an empty user), `curl -u`, `Authorization:` headers, CLI password flags, netrc
// lines in any file, connection strings (`Password=`, `AccountKey=`), and multi-line values (heredocs,
// triple-quoted strings). A value counts only when its name says secret and it looks real
// (secret-values.ts). Returns spans of the values alone, so the rest of the line stays readable.
// Pure; patterns are anchored and bounded, so a line is read in linear time.
import { fileKind, type FileKind } from './file-kind.ts'
import { lineAt, lineStarts, mergeSpans, type SecretSpan } from './secret-spans.ts'
import { isStringTypeWord, looksLikeInlinePassword, looksLikeSecret, secretNameClass, type SecretNameClass } from './secret-values.ts'
import { findTokenSpans } from './token-patterns.ts'

export { shannonEntropy } from './secret-values.ts'

export interface SecretLine {
  /** 1-based line number. */
  readonly line: number
  readonly rule: string
}

const SECRET_WORD = /pass|pwd|secret|token|key|cred|auth|dsn|salt|private|sig|seed|jwt|bearer|hmac|otp/i
/** What a line must hold for any rule here to fire on it. */
const CANDIDATE =
  /pass|pwd|secret|token|key|cred|auth|dsn|salt|private|sig|seed|jwt|bearer|hmac|otp|:\/\/|\s--?[up]|machine|;\s*[A-Za-z][A-Za-z ]{0,30}=/gi
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]{1,30}:\/\/([^\s:@/'"`<>()[\]{}]{0,200})(?::([^\s@/'"`<>]{0,400}))?@(?=[\w[])/gi
const AUTH_HEADER =
  /\b(Authorization|Proxy-Authorization|X-[\w-]{0,40}(?:Key|Token|Secret|Auth)[\w-]{0,20}|Api-?Key|Private-Token|X-Auth-Token)\s*:\s*(?:(?:Bearer|Basic|Token|token|Bot|Digest|OAuth|ApiKey|Splunk|SSWS|GenieKey)\s+)?([A-Za-z0-9][^\s"'\\,;]{5,2000})/gi
const CURL_USER = /(?:^|\s)(?:-u|--user|--proxy-user)(?:\s+|=)(["']?)([^\s:"']{0,100}):([^\s"'/][^\s"']{0,399})\1/g
const CLI_FLAG = /(?:^|\s)--([A-Za-z][\w-]{0,40})(?:=|\s+)(["']?)([^\s"']{3,400})\2/g
const SHORT_PASSWORD_FLAG =
  /\b(?:mysql|mysqldump|mysqladmin|mariadb|sshpass|docker\s+login|podman\s+login|helm\s+repo\s+add)\b[^\n]{0,400}?\s-p\s?(["']?)([^\s"'-][^\s"']{2,400})\1/g
const QUERY_PARAMETER = /[?&;]([A-Za-z][\w.-]{0,40})=([^&;\s"'#<>()]{1,400})/g
/** A connection string's shape: at least two `Key=value;` parts on the line. */
const CONNECTION_STRING = /(?:[A-Za-z][A-Za-z ]{0,30}=[^;=\s][^;=]*;\s*){2,}/
/** A CLI flag names a secret only with one of these words (`--recv-keys` is not one). */
const CLI_SECRET_WORD = /pass|pwd|token|secret|api-?key|access-?key|private-?key|auth|credential/i
/** netrc's own grammar: `machine h login u password p` on one line, or `password p` alone on its line. */
const NETRC = /(?:^\s*|\blogin\s+\S+\s+)(password|passwd)\s+(\S{1,400})\s*$/g
const CONNECTION_PART = /(?:^|[;"'\s{(])([A-Za-z][A-Za-z ]{0,30}?)\s*=\s*([^;"'\r\n<>]{1,400})/g
const DOUBLE_QUOTED = /"((?:\\.|[^"\\\n]){0,4000})"/g
const SINGLE_QUOTED = /'((?:\\.|[^'\\\n]){0,4000})'/g
const BACKTICK_QUOTED = /`([^`\n]{0,4000})`/g
/** `\"value\"` inside another string (a notebook's JSON, code quoted in YAML). */
const ESCAPED_QUOTED = /\\(["'])((?:(?!\\\1)[^\n]){0,4000}?)\\\1/g
const UNQUOTED_ASSIGNMENT =
  /^\s*(?:-\s+)?(?:export\s+|set\s+|setx\s+|ENV\s+|ARG\s+|declare\s+(?:-\w+\s+)?|local\s+|readonly\s+)?([A-Za-z_][\w.\-[\]]{0,100}?)\s*(=|:)\s*(?!["'`])([^\s#;]{1,2000})(?:\s+[#;].*|\s*)$/
const DOCKER_ENV = /^\s*ENV\s+([A-Za-z_]\w*)\s+(?!["'])(\S{1,2000})\s*$/
const SECTION = /^\s*\[+\s*([^\]]{1,100}?)\s*\]+\s*$/
const HCL_VARIABLE = /^\s*variable\s+"([^"]{1,100})"\s*\{/
const MULTILINE_OPEN = /(?:"""|'''|`|<<[-~]?\s*(["']?)([A-Za-z_]\w{0,30})\1)\s*$/
/** The few characters before a literal that can make it a value: an operator, a comma, a paren. */
const ASSIGNED_BEFORE = /[=:,(>]\s*\\?$/
const OPERATORS = ['===', '!==', '==', '!=', ':=', '=>', '??=', '||=', '+=', '=', ':', ',', '(']

interface LineContext {
  readonly kind: FileKind
  readonly netrc: boolean
  section: SecretNameClass | null
  hclVariable: string | null
  hclDepth: number
}

/** The name a value at the end of `prefix` is assigned to (`x = `, `"x": `, `d["x"] = `, `define('x', `), or null. */
export function nameBefore(prefix: string): string | null {
  // Only the end of the prefix can hold the name; `$`-anchored patterns on a long line would be quadratic.
  let rest = prefix.slice(-240).replace(/\\$/, '').trimEnd()
  const op = OPERATORS.find((candidate) => rest.endsWith(candidate))
  if (op === undefined) return null
  rest = rest.slice(0, -op.length).trimEnd()
  if (op === ',') {
    // define('NAME', …), setenv("NAME", …), put("name", …): the name is a call's first argument.
    const first = /(["'])([^"'\n]{1,80})\1$/.exec(rest)
    return first && /\(\s*$/.test(rest.slice(Math.max(0, first.index - 16), first.index)) ? first[2]! : null
  }
  if (op === '(') return /([A-Za-z_$][\w$.]{0,100})$/.exec(rest)?.[1] ?? null
  const subscript = /\[\s*(["']?)([\w.-]{1,80})\1\s*\]$/.exec(rest)
  if (subscript) return subscript[2]!
  const quoted = /\\?(["'`])([^"'`\n]{1,80})\\?\1$/.exec(rest)
  if (quoted) return quoted[2]!
  const identifier = /[:@$]?([A-Za-z_$][\w$.-]{0,100})$/.exec(rest)
  if (!identifier) return null
  const name = identifier[1]!
  if (!isStringTypeWord(name.split('.').at(-1) ?? name)) return name
  // A type between the name and the operator: `apiKey string =`, `token: String =`, `API_KEY: &str =`.
  const before = rest.slice(0, identifier.index).replace(/[\s&*:<>[\]']+$/, '')
  return /([A-Za-z_$][\w$.-]{0,100})$/.exec(before)?.[1] ?? null
}

function valueIsSecret(nameClass: SecretNameClass, value: string): boolean {
  return looksLikeSecret(nameClass, value)
}

function classOf(name: string | null, context: LineContext): SecretNameClass | null {
  if (name === null) return null
  if (context.hclVariable && name === 'default') return secretNameClass(context.hclVariable)
  return secretNameClass(name) ?? context.section
}

function pushGroup(spans: SecretSpan[], offset: number, match: RegExpExecArray, group: number, kind: string): void {
  const value = match[group]
  if (value === undefined || value.length === 0) return
  const at = match.index + match[0].lastIndexOf(value)
  spans.push({ start: offset + at, end: offset + at + value.length, kind })
}

function quotedValues(line: string, offset: number, context: LineContext, spans: SecretSpan[]): void {
  const patterns: RegExp[] = []
  if (line.includes('"')) patterns.push(DOUBLE_QUOTED)
  if (line.includes("'")) patterns.push(SINGLE_QUOTED)
  if ((context.kind === 'code' || context.kind === 'shell') && line.includes('`')) patterns.push(BACKTICK_QUOTED)
  if (line.includes('\\"') || line.includes("\\'")) patterns.push(ESCAPED_QUOTED)
  for (const pattern of patterns) {
    pattern.lastIndex = 0
    for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
      const escaped = pattern === ESCAPED_QUOTED
      const value = escaped ? match[2]! : match[1]!
      // Only a value after an operator can be assigned: skip the rest before reading names.
      if (value.length < 6 || !ASSIGNED_BEFORE.test(line.slice(Math.max(0, match.index - 4), match.index))) continue
      const nameClass = classOf(nameBefore(line.slice(0, match.index)), context)
      if (nameClass && valueIsSecret(nameClass, value.replace(/\\(.)/g, '$1'))) {
        const start = offset + match.index + (escaped ? 2 : 1)
        spans.push({ start, end: start + value.length, kind: nameClass === 'password' ? 'password-assignment' : 'secret-assignment' })
      }
    }
  }
}

function unquotedValue(line: string, offset: number, context: LineContext, spans: SecretSpan[]): void {
  const docker = context.kind === 'shell' ? DOCKER_ENV.exec(line) : null
  const match = docker ?? UNQUOTED_ASSIGNMENT.exec(line)
  if (!match) return
  const name = match[1]!
  const value = docker ? match[2]! : match[3]!
  // In code an unquoted value is a reference to something else; in text only `NAME=value` reads as an assignment.
  if (!docker && context.kind === 'text' && match[2] === ':' && !/^[A-Z][A-Z0-9_]{2,}$/.test(name)) return
  const nameClass = classOf(name.replace(/^\[|\]$/g, ''), context)
  if (nameClass && valueIsSecret(nameClass, value)) {
    const at = line.lastIndexOf(value)
    spans.push({
      start: offset + at,
      end: offset + at + value.length,
      kind: nameClass === 'password' ? 'password-assignment' : 'secret-assignment',
    })
  }
}

function inlineCredentials(line: string, offset: number, context: LineContext, spans: SecretSpan[]): void {
  if (line.includes('://') && line.includes('@')) {
    URL_CREDENTIALS.lastIndex = 0
    for (let match = URL_CREDENTIALS.exec(line); match !== null; match = URL_CREDENTIALS.exec(line)) {
      const [, user = '', password] = match
      if (password !== undefined && looksLikeInlinePassword(decodeURIComponentSafe(password)))
        pushGroup(spans, offset, match, 2, 'url-password')
      else if (password === undefined && looksLikeSecret('secret', user)) pushGroup(spans, offset, match, 1, 'url-token')
    }
  }
  if (line.includes('=') && /[?&;][A-Za-z]/.test(line)) {
    QUERY_PARAMETER.lastIndex = 0
    for (let match = QUERY_PARAMETER.exec(line); match !== null; match = QUERY_PARAMETER.exec(line)) {
      const nameClass = CLI_SECRET_WORD.test(match[1]!) || /^(sig|signature|key)$/i.test(match[1]!) ? secretNameClass(match[1]!) : null
      const value = decodeURIComponentSafe(match[2]!)
      if (nameClass && (nameClass === 'password' ? looksLikeInlinePassword(value) : looksLikeSecret(nameClass, value)))
        pushGroup(spans, offset, match, 2, 'url-query-secret')
    }
  }
  if (/authorization|-key|token|api-?key|auth/i.test(line)) {
    AUTH_HEADER.lastIndex = 0
    for (let match = AUTH_HEADER.exec(line); match !== null; match = AUTH_HEADER.exec(line)) {
      const value = match[2]!
      if (looksLikeSecret('secret', value)) pushGroup(spans, offset, match, 2, 'authorization-header')
    }
  }
  if (/(^|\s)(-u|--user|--proxy-user)[\s=]/.test(line)) {
    CURL_USER.lastIndex = 0
    for (let match = CURL_USER.exec(line); match !== null; match = CURL_USER.exec(line)) {
      // `--user="${USER}" --password="${PASS}"` is a template, not credentials.
      if (!/[${}]/.test(match[2]! + match[3]!) && looksLikeInlinePassword(match[3]!))
        pushGroup(spans, offset, match, 3, 'basic-auth-credentials')
    }
  }
  if (line.includes('--')) {
    CLI_FLAG.lastIndex = 0
    for (let match = CLI_FLAG.exec(line); match !== null; match = CLI_FLAG.exec(line)) {
      const nameClass = CLI_SECRET_WORD.test(match[1]!) ? secretNameClass(match[1]!) : null
      if (nameClass && (nameClass === 'password' ? looksLikeInlinePassword(match[3]!) : looksLikeSecret(nameClass, match[3]!)))
        pushGroup(spans, offset, match, 3, 'command-line-secret')
    }
  }
  if (line.includes(' -p')) {
    SHORT_PASSWORD_FLAG.lastIndex = 0
    for (let match = SHORT_PASSWORD_FLAG.exec(line); match !== null; match = SHORT_PASSWORD_FLAG.exec(line)) {
      if (looksLikeInlinePassword(match[2]!)) pushGroup(spans, offset, match, 2, 'command-line-secret')
    }
  }
  if (context.netrc) {
    NETRC.lastIndex = 0
    for (let match = NETRC.exec(line); match !== null; match = NETRC.exec(line)) {
      if (looksLikeInlinePassword(match[2]!) || looksLikeSecret('secret', match[2]!)) pushGroup(spans, offset, match, 2, 'netrc-password')
    }
  }
  if (line.includes(';') && line.includes('=') && CONNECTION_STRING.test(line)) {
    CONNECTION_PART.lastIndex = 0
    for (let match = CONNECTION_PART.exec(line); match !== null; match = CONNECTION_PART.exec(line)) {
      const nameClass = secretNameClass(match[1]!.trim())
      const value = match[2]!.trim()
      if (nameClass && (nameClass === 'password' ? looksLikeInlinePassword(value) : looksLikeSecret(nameClass, value))) {
        const at = match.index + match[0].lastIndexOf(value)
        spans.push({ start: offset + at, end: offset + at + value.length, kind: 'connection-string-secret' })
      }
    }
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** A heredoc or triple-quoted value opened at the end of this line: where it ends, or null. */
function multilineEnd(text: string, lines: readonly string[], index: number, opener: RegExpExecArray): number | null {
  const marker = opener[0].trim()
  const terminator = opener[2] ? new RegExp(`^\\s*${opener[2]}\\s*$`) : null
  for (let next = index + 1; next < lines.length && next < index + 2000; next++) {
    const line = lines[next]!
    if (terminator ? terminator.test(line) : line.includes(marker.startsWith('<<') ? '\0' : marker)) return next
  }
  return null
}

/** Every credential value Gemba's line rules find in `text`, as spans (token shapes included). */
export function findLineSecretSpans(path: string, text: string, kind: FileKind = fileKind(path)): SecretSpan[] {
  const spans: SecretSpan[] = findTokenSpans(text)
  const context: LineContext = {
    kind,
    netrc: text.includes('machine') && /^\s*machine\s+\S+/m.test(text) && /\b(password|passwd)\s/.test(text),
    section: null,
    hclVariable: null,
    hclDepth: 0,
  }
  const starts = lineStarts(text)
  const lines = text.split('\n')
  // One pass over the whole text finds the lines any rule could fire on; the rest are skipped.
  const candidates = new Set<number>()
  for (const match of text.matchAll(CANDIDATE)) candidates.add(lineAt(starts, match.index))
  if (candidates.size === 0) return spans
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const offset = starts[index]!
    if (
      !candidates.has(index) &&
      context.section === null &&
      context.hclVariable === null &&
      !((kind === 'config' || kind === 'text') && line.trimStart().startsWith('['))
    )
      continue
    if (kind === 'config' || kind === 'text') {
      const section = SECTION.exec(line)
      if (section) {
        context.section = secretNameClass(
          section[1]!
            .split(/[.\s"]/)
            .filter(Boolean)
            .at(-1) ?? '',
        )
        continue
      }
    }
    if (context.hclVariable === null) {
      const variable = HCL_VARIABLE.exec(line)
      if (variable) {
        context.hclVariable = variable[1]!
        context.hclDepth = 0
      }
    }
    if (context.hclVariable !== null) {
      for (const char of line) context.hclDepth += char === '{' ? 1 : char === '}' ? -1 : 0
    }
    inlineCredentials(line, offset, context, spans)
    if (SECRET_WORD.test(line) || (context.hclVariable !== null && SECRET_WORD.test(context.hclVariable)) || context.section) {
      quotedValues(line, offset, context, spans)
      if (kind !== 'code') unquotedValue(line, offset, context, spans)
      const opener = MULTILINE_OPEN.exec(line)
      if (opener && classOf(nameBefore(line.slice(0, opener.index)), context)) {
        const end = multilineEnd(text, lines, index, opener)
        const bodyEnd = end === null ? text.length : starts[end]! - 1
        const bodyStart = starts[index + 1] ?? text.length
        if (bodyEnd > bodyStart && text.slice(bodyStart, bodyEnd).trim())
          spans.push({ start: bodyStart, end: bodyEnd, kind: 'multiline-secret' })
        if (end !== null) index = end
      }
    }
    if (context.hclVariable !== null && context.hclDepth <= 0 && line.includes('}')) context.hclVariable = null
  }
  return spans
}

/** Lines of `text` that hold a credential, by Gemba's line rules (what the log writer needs). */
export function findSecretLines(path: string, text: string): SecretLine[] {
  const starts = lineStarts(text)
  const found = new Map<number, string>()
  for (const span of mergeSpans(findLineSecretSpans(path, text))) {
    for (let line = lineAt(starts, span.start); line <= lineAt(starts, Math.max(span.start, span.end - 1)); line++) {
      if (!found.has(line + 1)) found.set(line + 1, span.kind)
    }
  }
  return [...found].sort(([a], [b]) => a - b).map(([line, rule]) => ({ line, rule }))
}
