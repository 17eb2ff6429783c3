// Gemba's own reader for credentials that rule sets miss, in any text: values held under a name that
// says credential, in any syntax (credential-pairs.ts), table columns whose header says so
// (credential-tables.ts), password hashes and vendor token shapes (token-patterns.ts), long random
// tokens that no context explains (stray-tokens.ts); and, line by line, URLs with a password (also
// with an empty user), query-string secrets, `curl -u`, `Authorization:` headers, CLI password flags,
// netrc lines in any file, connection strings (`Password=`, `AccountKey=`), and multi-line values
// (heredocs, triple-quoted strings). A value counts only when it looks real (secret-values.ts).
// Returns spans of the values alone, so the rest of the line stays readable. Pure; every pattern is
// anchored and bounded, so a text is read in linear time.
import { isStringTypeWord, secretNameClass } from './credential-names.ts'
import { findCredentialPairs } from './credential-pairs.ts'
import { findTableSpans } from './credential-tables.ts'
import { fileKind, type FileKind } from './file-kind.ts'
import { lineAt, lineStarts, mergeSpans, type SecretSpan } from './secret-spans.ts'
import { looksLikeInlinePassword, looksLikeSecret } from './secret-values.ts'
import { findStrayTokens, isHashList } from './stray-tokens.ts'
import { findTokenSpans } from './token-patterns.ts'

export { shannonEntropy } from './secret-values.ts'

export interface SecretLine {
  /** 1-based line number. */
  readonly line: number
  readonly rule: string
}

const SECRET_WORD = /pass|pwd|secret|token|key|cred|auth|dsn|salt|private|sig|seed|jwt|bearer|hmac|otp/i
/**
 * What a line must hold for any line rule here to fire on it. Every alternative stays on its line
 * (`[ \t]`, never `\s`): a match that ran on over a line break would mark only the line it started on.
 */
const CANDIDATE =
  /pass|pwd|secret|token|key|cred|auth|dsn|salt|private|sig|seed|jwt|bearer|hmac|otp|:\/\/|[ \t]--?[up]|machine|;[ \t]*[A-Za-z][A-Za-z ]{0,30}=/gi
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
const MULTILINE_OPEN = /(?:"""|'''|`|<<[-~]?\s*(["']?)([A-Za-z_]\w{0,30})\1)\s*$/
const OPERATORS = ['===', '!==', '==', '!=', ':=', '=>', '??=', '||=', '+=', '=', ':', ',', '(']

interface LineContext {
  readonly kind: FileKind
  readonly netrc: boolean
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

function pushGroup(spans: SecretSpan[], offset: number, match: RegExpExecArray, group: number, kind: string): void {
  const value = match[group]
  if (value === undefined || value.length === 0) return
  const at = match.index + match[0].lastIndexOf(value)
  spans.push({ start: offset + at, end: offset + at + value.length, kind })
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

/** Every credential value Gemba's own rules find in `text`, as spans (token shapes included). */
export function findLineSecretSpans(path: string, text: string, kind: FileKind = fileKind(path)): SecretSpan[] {
  // A lockfile's names are package names and its random strings hashes: only shapes and URLs with credentials count there.
  const hashList = isHashList(path)
  const spans: SecretSpan[] = hashList
    ? findTokenSpans(text)
    : [...findTokenSpans(text), ...findCredentialPairs(text, kind), ...findTableSpans(text, kind), ...findStrayTokens(path, text)]
  const context: LineContext = {
    kind,
    netrc: text.includes('machine') && /^\s*machine\s+\S+/m.test(text) && /\b(password|passwd)\s/.test(text),
  }
  const starts = lineStarts(text)
  // One pass over the whole text finds the lines any line rule could fire on; the rest are skipped.
  const candidates = new Set<number>()
  for (const match of text.matchAll(CANDIDATE)) candidates.add(lineAt(starts, match.index))
  if (candidates.size === 0) return spans
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    if (!candidates.has(index)) continue
    const line = lines[index]!
    inlineCredentials(line, starts[index]!, context, spans)
    if (hashList || !SECRET_WORD.test(line)) continue
    const opener = MULTILINE_OPEN.exec(line)
    const name = opener ? nameBefore(line.slice(0, opener.index)) : null
    const nameClass = name === null ? null : secretNameClass(name)
    if (opener && nameClass) {
      const end = multilineEnd(text, lines, index, opener)
      const bodyEnd = end === null ? text.length : starts[end]! - 1
      const bodyStart = starts[index + 1] ?? text.length
      // A value over several lines is a key or a token wrapped at some width: no spaces inside its lines
      // (a script or a paragraph held under such a name is not one).
      const body = text.slice(bodyStart, Math.max(bodyStart, bodyEnd))
      const parts = body
        .split('\n')
        .map((part) => part.trim())
        .filter(Boolean)
      if (parts.length > 0 && parts.every((part) => !/\s/.test(part)) && looksLikeSecret(nameClass, parts.join('')))
        spans.push({ start: bodyStart, end: bodyEnd, kind: 'multiline-secret' })
      if (end !== null) index = end
    }
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
