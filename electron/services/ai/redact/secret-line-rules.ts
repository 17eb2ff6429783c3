// Gemba's own credential rules, for what secretlint's preset misses: passwords and secrets assigned in
// config, connection strings with passwords, high-entropy values under key/token names, JWTs, bearer
// tokens, and well-known token prefixes as a second net. Line-based and pure; returns rule names only.

export interface SecretLine {
  /** 1-based line number. */
  readonly line: number
  readonly rule: string
}

const PATTERNS: readonly { readonly rule: string; readonly pattern: RegExp }[] = [
  { rule: 'aws-access-key-id', pattern: /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b/ },
  { rule: 'aws-secret-access-key', pattern: /aws.{0,24}(secret|private).{0,24}[:=]\s*["']?[A-Za-z0-9/+=]{40}\b/i },
  { rule: 'github-token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { rule: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { rule: 'slack-token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}|hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/ },
  { rule: 'stripe-key', pattern: /\b[rsp]k_(live|test)_[A-Za-z0-9]{16,}/ },
  { rule: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { rule: 'anthropic-or-openai-key', pattern: /\bsk-(ant-|proj-)?[A-Za-z0-9_-]{24,}/ },
  { rule: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { rule: 'sendgrid-key', pattern: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/ },
  { rule: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { rule: 'bearer-token', pattern: /\b(Bearer|Token)\s+[A-Za-z0-9\-._~+/]{20,}=*/ },
  { rule: 'basic-auth-header', pattern: /\bBasic\s+[A-Za-z0-9+/]{16,}={0,2}/ },
  // scheme://user:password@host, unless the password is a template (${DB_PASS}, <password>, %s…).
  { rule: 'url-with-password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/'"`]+:(?![$<{%])[^\s@/'"`]+@[^\s'"`]+/i },
]

const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/
const PRIVATE_KEY_END = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/

const ASSIGNMENT = /(?<name>[A-Za-z_][\w.-]*)["']?\s*(?::|=>?|:=)\s*(?<value>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|[^\s,;#]+)/g
const PASSWORD_NAME = /(pass(word|wd|phrase)?|pwd|secret|credential)s?$|^(pass(word)?|secret)[_.-]/i
const KEY_NAME = /(api[_.-]?key|apikey|access[_.-]?key|secret[_.-]?key|private[_.-]?key|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|client[_.-]?(secret|key)|auth[_.-]?key|token|salt|signature|auth)s?$/i
const CODE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs|py|rb|go|java|kt|kts|scala|cs|c|cc|cpp|h|hpp|rs|swift|php|m|dart|lua|ex|exs|clj|vue|svelte)$/i
const PLACEHOLDER = /^(|\$.*|<.*|\{\{.*\}\}|%.*|[*x.•-]+|null|none|nil|true|false|undefined|changeme_?|your[_-].*|xxx.*|\.\.\.)$/i
const UNQUOTED_NON_VALUES = /^(process\.env|os\.environ|env\(|env\[|ENV\[|System\.getenv|getenv|config\.|settings\.|self\.|this\.|[A-Za-z_]+\(|string|str|number|int|bool|boolean|required|optional)/

/** Bits per character; a random token scores around 4+, English words and identifiers below 3.5. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>()
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1)
  let entropy = 0
  for (const count of counts.values()) {
    const p = count / value.length
    entropy -= p * Math.log2(p)
  }
  return entropy
}

function unquote(value: string): { text: string; quoted: boolean } {
  const first = value[0]
  if ((first === '"' || first === "'" || first === '`') && value.endsWith(first) && value.length >= 2) {
    return { text: value.slice(1, -1), quoted: true }
  }
  return { text: value, quoted: false }
}

function assignmentRule(line: string, isCode: boolean): string | null {
  for (const match of line.matchAll(ASSIGNMENT)) {
    const name = match.groups?.name ?? ''
    const { text, quoted } = unquote(match.groups?.value ?? '')
    if (!quoted && (isCode || UNQUOTED_NON_VALUES.test(text))) continue
    if (PLACEHOLDER.test(text.trim()) || /^\d{1,5}$/.test(text)) continue
    if (PASSWORD_NAME.test(name) && text.length >= 3) return 'password-assignment'
    if (KEY_NAME.test(name) && /^[A-Za-z0-9+/=_\-.~:]{16,}$/.test(text) && shannonEntropy(text) >= 3) return 'high-entropy-secret'
  }
  return null
}

/** Lines of `text` that look like credentials, by Gemba's own rules. */
export function findSecretLines(path: string, text: string): SecretLine[] {
  const found: SecretLine[] = []
  const isCode = CODE_FILE.test(path)
  let inPrivateKey = false
  for (const [index, line] of text.split('\n').entries()) {
    const number = index + 1
    if (inPrivateKey || PRIVATE_KEY_BEGIN.test(line)) {
      found.push({ line: number, rule: 'private-key' })
      inPrivateKey = !PRIVATE_KEY_END.test(line)
      continue
    }
    if (line.length > 10_000) {
      // Minified or generated: too long to reason about line by line, and too risky to send as is.
      found.push({ line: number, rule: 'overlong-line' })
      continue
    }
    const known = PATTERNS.find(({ pattern }) => pattern.test(line))
    const rule = known?.rule ?? assignmentRule(line, isCode)
    if (rule) found.push({ line: number, rule })
  }
  return found
}
