// Files that exist to hold credentials, known by what they hold whatever their name: a private key
// and nothing else (PEM, OpenSSH, PuTTY, age), and the credential stores of common tools — netrc,
// pgpass, htpasswd / shadow / htdigest, git-credentials, AWS credentials, a Docker config with auths,
// a GCP service-account key, a kubeconfig with users. Such a file never leaves the machine at all,
// not even redacted: what is not a credential in it says where the credentials work. Pure; reads only
// the text it is given, at most its first 256 kB.

const MAX_READ = 256 * 1024
const COMMENT = /^(#|;|\/\/)/

/** The file's meaningful lines: trimmed, without blank and comment lines (in Markdown, `#` starts a heading). */
function meaningfulLines(text: string, prose = false): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && (prose || !COMMENT.test(line)))
}

const KEY_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)/g
const AGE_KEY = /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/
const NETRC_LINE =
  /^(machine\s+\S+|default|login\s+\S+|password\s+\S+|account\s+\S+|macdef\s+\S+)(\s+(machine|login|password|account|port)\s+\S+)*$/
/** host:port:database:user:password, each of the first four possibly `*`. */
const PGPASS_LINE = /^([\w.-]+|\*):(\d{1,5}|\*):[^:\s]+:[^:\s]+:\S.*$/
const PASSWORD_FILE_LINE = /^[\w.@+-]{1,64}:(\$[\w$./=+,-]{10,}|\{[A-Z0-9]+\}\S{8,}|[A-Za-z0-9./]{13}|[^:\s]+:[0-9a-f]{32}|!|\*)(:[^\n]*)?$/
const GIT_CREDENTIAL_LINE = /^[a-z][\w+.-]*:\/\/[^\s:@/]+:[^\s@/]+@\S+$/
const AWS_LINE =
  /^(\[[^\]]+\]|(aws_access_key_id|aws_secret_access_key|aws_session_token|region|output|role_arn|source_profile|mfa_serial)\s*=\s*\S*)$/

/** The reason a file's content withholds it whole, or null when it is an ordinary file to redact. */
export function credentialFileRule(content: string, path = ''): string | null {
  const text = content.length > MAX_READ ? content.slice(0, MAX_READ) : content
  const lines = meaningfulLines(text)
  if (lines.length === 0) return null
  // A private key and at most one line besides (a label) and comments.
  if (text.includes('PRIVATE KEY')) {
    const outside = meaningfulLines(text.replace(KEY_BLOCK, ''), /\.(md|markdown|mdx|rst|adoc|txt)$/i.test(path))
    if (outside.length <= 1 && outside.length < lines.length) return 'private-key-file'
  }
  if (/^PuTTY-User-Key-File-\d+:/m.test(text) && /^Private-Lines:/m.test(text)) return 'private-key-file'
  if (lines.every((line) => AGE_KEY.test(line))) return 'private-key-file'
  if (
    lines.every((line) => NETRC_LINE.test(line)) &&
    /^(machine|default)\b/.test(lines[0]!) &&
    lines.some((line) => /\bpassword\s/.test(line))
  )
    return 'credentials-file'
  if (lines.every((line) => GIT_CREDENTIAL_LINE.test(line))) return 'credentials-file'
  if (lines.every((line) => PASSWORD_FILE_LINE.test(line)) && lines.some((line) => /:(\$|\{[A-Z])/.test(line))) return 'password-file'
  if (lines.every((line) => PGPASS_LINE.test(line) && line.split(':').length >= 5 && !line.includes('://'))) return 'credentials-file'
  // The AWS credentials file: profiles in sections, holding keys.
  if (
    lines.every((line) => AWS_LINE.test(line)) &&
    lines[0]!.startsWith('[') &&
    lines.some((line) => /^aws_secret_access_key\s*=\s*\S/.test(line))
  )
    return 'credentials-file'
  if (/^kind:\s*Config\s*$/m.test(text) && /^users:/m.test(text) && /^\s+(token|client-key-data|password):\s*\S/m.test(text))
    return 'credentials-file'
  if (text.trimStart().startsWith('{')) return jsonCredentialRule(text)
  return null
}

/** A Docker config with auths, or a GCP service-account key. */
function jsonCredentialRule(text: string): string | null {
  if (!/"auths"|"service_account"/.test(text)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const record = parsed as Record<string, unknown>
  if (record['type'] === 'service_account' && typeof record['private_key'] === 'string') return 'credentials-file'
  const auths = record['auths']
  if (typeof auths === 'object' && auths !== null) {
    const entries = Object.values(auths as Record<string, unknown>)
    if (
      entries.some(
        (entry) => typeof entry === 'object' && entry !== null && ('auth' in entry || 'identitytoken' in entry || 'password' in entry),
      )
    )
      return 'credentials-file'
  }
  return null
}
