// Credentials recognisable by their own shape, wherever they sit: vendor token prefixes, JWTs,
// private-key blocks (plain, JSON-escaped or base64-encoded), bearer and basic credentials, and
// password hashes (crypt's `$1$ $5$ $6$ $apr1$ $y$`, bcrypt, argon2, Django's pbkdf2, LDAP `{SSHA}`):
// a hash in a password file or a seed is crackable offline, so it never leaves either. A second net
// under secretlint's rules (which cover most vendors), and the whole net where secretlint does not
// run (the log). Each pattern has a literal anchor and bounded repeats, so a scan is linear. Pure.
import { decodeBase64Text, isPlaceholder, looksLikeInlinePassword } from './secret-values.ts'
import type { SecretSpan } from './secret-spans.ts'

interface TokenPattern {
  readonly kind: string
  readonly pattern: RegExp
  /** The capture group holding the secret (default: the whole match). */
  readonly group?: number
  /** A further test on the secret, for patterns whose shape alone also fits ordinary words. */
  readonly check?: (secret: string) => boolean
  /** Literal text every match contains: a text without any of them is not scanned at all. */
  readonly hints: readonly string[]
}

/** A hash is never a run of one character (`$6$xxxxxxxx…` in documentation). */
const notFiller = (secret: string) => !/(.)\1{7,}/.test(secret)
const mixed = (secret: string) => /\d/.test(secret) && /[A-Za-z]/.test(secret) && !isPlaceholder(secret)
/** `Basic` credentials decode to user:password; admin:password in a test is no secret. */
const basicCredentials = (secret: string) => {
  const decoded = decodeBase64Text(secret.padEnd(secret.length + ((4 - (secret.length % 4)) % 4), '=')) ?? ''
  const colon = decoded.indexOf(':')
  return colon !== -1 && looksLikeInlinePassword(decoded.slice(colon + 1))
}

const PATTERNS: readonly TokenPattern[] = [
  {
    kind: 'aws-access-key-id',
    pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA)[0-9A-Z]{16}\b/g,
    hints: ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'ANPA', 'ANVA', 'AIPA', 'ABIA', 'ACCA'],
  },
  {
    kind: 'github-token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})/g,
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  { kind: 'gitlab-token', pattern: /\b(?:glpat|gldt|glrt|glptt|glsoat|glft|glimt|glagent|glcbt)-[A-Za-z0-9_-]{20,64}/g, hints: ['gl'] },
  { kind: 'slack-token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,250}/g, hints: ['xox'] },
  {
    kind: 'slack-webhook',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]{20,200}/g,
    hints: ['hooks.slack.com'],
  },
  { kind: 'discord-webhook', pattern: /discord(?:app)?\.com\/api\/webhooks\/\d{5,30}\/[A-Za-z0-9_-]{20,100}/g, hints: ['/api/webhooks/'] },
  { kind: 'stripe-key', pattern: /\b(?:sk|rk|pk|whsec)_(?:live|test)_[A-Za-z0-9]{16,255}/g, hints: ['_live_', '_test_'] },
  { kind: 'stripe-webhook-secret', pattern: /\bwhsec_[A-Za-z0-9]{24,100}/g, hints: ['whsec_'] },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}/g, hints: ['AIza'] },
  { kind: 'google-oauth-secret', pattern: /\bGOCSPX-[A-Za-z0-9_-]{20,40}/g, hints: ['GOCSPX-'] },
  { kind: 'anthropic-key', pattern: /\bsk-ant-[A-Za-z0-9]{3,10}-[A-Za-z0-9_-]{20,255}/g, hints: ['sk-ant-'] },
  { kind: 'openai-key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,255}/g, check: mixed, hints: ['sk-'] },
  { kind: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, hints: ['npm_'] },
  { kind: 'pypi-token', pattern: /\bpypi-AgE[A-Za-z0-9_-]{40,300}/g, hints: ['pypi-AgE'] },
  { kind: 'sendgrid-key', pattern: /\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}/g, hints: ['SG.'] },
  { kind: 'twilio-key', pattern: /\bSK[0-9a-f]{32}\b/g, hints: ['SK'] },
  { kind: 'mailgun-key', pattern: /\bkey-[0-9a-f]{32}\b/g, hints: ['key-'] },
  { kind: 'mailchimp-key', pattern: /\b[0-9a-f]{32}-us\d{1,2}\b/g, hints: ['-us'] },
  { kind: 'digitalocean-token', pattern: /\bdo[opr]_v1_[a-f0-9]{64}\b/g, hints: ['do'] },
  { kind: 'huggingface-token', pattern: /\bhf_[A-Za-z0-9]{30,40}\b/g, hints: ['hf_'] },
  { kind: 'hashicorp-vault-token', pattern: /\bhv[sbr]\.[A-Za-z0-9_-]{24,200}/g, hints: ['hvs.', 'hvb.', 'hvr.'] },
  { kind: 'databricks-token', pattern: /\bdapi[a-f0-9]{32}(?:-\d)?\b/g, hints: ['dapi'] },
  { kind: 'linear-key', pattern: /\blin_(?:api|oauth)_[A-Za-z0-9]{40}\b/g, hints: ['lin_'] },
  { kind: 'grafana-token', pattern: /\b(?:glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2})/g, hints: ['glsa_', 'glc_'] },
  { kind: 'shopify-token', pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g, hints: ['shpat_', 'shpca_', 'shppa_', 'shpss_'] },
  {
    kind: 'square-token',
    pattern: /(?<![A-Za-z0-9+/])(?:sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9+/=])/g,
    hints: ['sq0atp', 'sq0csp', 'EAAA'],
  },
  { kind: 'telegram-bot-token', pattern: /\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b/g, hints: [':AA'] },
  { kind: 'newrelic-key', pattern: /\bNR(?:AK|II|JS)-[A-Za-z0-9]{27,32}\b/g, hints: ['NRAK-', 'NRII-', 'NRJS-'] },
  { kind: 'postman-key', pattern: /\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b/g, hints: ['PMAK-'] },
  { kind: 'doppler-token', pattern: /\bdp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}\b/g, hints: ['dp.'] },
  { kind: 'age-secret-key', pattern: /\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b/g, hints: ['AGE-SECRET-KEY-1'] },
  { kind: 'atlassian-token', pattern: /\bATATT3[A-Za-z0-9_\-=]{100,300}/g, hints: ['ATATT3'] },
  { kind: 'azure-sas-signature', pattern: /[?&]sig=([A-Za-z0-9%+/]{30,120}(?:%3D|=){0,2})/g, group: 1, hints: ['sig='] },
  {
    kind: 'jwt',
    pattern: /\beyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{8,2000}/g,
    check: (secret) => !isPlaceholder(secret),
    hints: ['eyJ'],
  },
  { kind: 'bearer-token', pattern: /\b[Bb]earer\s+([A-Za-z0-9\-._~+/]{16,2000}=*)/g, group: 1, check: mixed, hints: ['earer'] },
  {
    kind: 'password-hash',
    check: notFiller,
    pattern:
      /\$(?:2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|(?:1|5|6|md5|apr1|sha1)\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,64}\$[./A-Za-z0-9]{22,86}|(?:y|gy|7)\$[./A-Za-z0-9]{1,64}\$[./A-Za-z0-9]{1,64}\$[./A-Za-z0-9]{22,86}|argon2(?:id|i|d)\$v=\d{1,4}\$m=\d{1,9},t=\d{1,6},p=\d{1,4}\$[A-Za-z0-9+/]{8,128}\$[A-Za-z0-9+/]{16,256})/g,
    hints: ['$'],
  },
  {
    kind: 'password-hash',
    check: notFiller,
    pattern: /\b(?:pbkdf2_sha\d{1,3}\$\d{3,9}\$[A-Za-z0-9./+]{4,64}\$[A-Za-z0-9+/]{20,128}={0,2}|scrypt\$[\w$./+=]{20,300})/g,
    hints: ['pbkdf2_', 'scrypt$'],
  },
  {
    kind: 'password-hash',
    check: notFiller,
    pattern: /\{(?:SSHA|SSHA256|SSHA512|SHA|SHA256|SHA512|SMD5|MD5|CRYPT)\}[A-Za-z0-9+/.$]{20,200}={0,2}/g,
    hints: ['{S', '{MD5}', '{CRYPT}'],
  },
  {
    kind: 'basic-auth-header',
    pattern: /\bBasic\s+([A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])/g,
    group: 1,
    check: basicCredentials,
    hints: ['Basic'],
  },
]

const PRIVATE_KEY_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/g
/** A base64-encoded "-----BEGIN " (three alignments), as Kubernetes secrets and Helm values hold keys. */
const BASE64_PEM = /(?:LS0tLS1CRUdJTi|tLS0tLUJFR0lO|LLS0tLS1CRUdJT)[A-Za-z0-9+/]{20,}={0,2}/g
const PUTTY_KEY = /^PuTTY-User-Key-File-\d+:/m

function* matches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    yield match
    if (match[0].length === 0) pattern.lastIndex++
  }
}

/** The body of every private-key block: after its BEGIN line, up to its END line (or the end of the key's text). */
function privateKeySpans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = []
  if (!text.includes('PRIVATE KEY') && !text.includes('PuTTY-User-Key')) return spans
  for (const begin of matches(text, PRIVATE_KEY_BEGIN)) {
    const bodyStart = begin.index + begin[0].length
    const endMarker = `-----END ${begin[1]}-----`
    const end = text.indexOf(endMarker, bodyStart)
    // A template that builds a key (`-----BEGIN…\n${base64}\n-----END…`, `append("-----BEGIN…")` then code) holds none:
    // a key's body has runs of base64.
    const body = text.slice(bodyStart, end === -1 ? Math.min(text.length, bodyStart + 400) : end)
    if (!/[A-Za-z0-9+/]{24,}/.test(body)) continue
    if (end !== -1) {
      spans.push({ start: bodyStart, end, kind: 'private-key' })
      continue
    }
    // No END line (cut short, or written another way): everything up to the first line that is not key material.
    let stop = bodyStart
    const lines = text.slice(bodyStart).split('\n')
    for (const [index, line] of lines.entries()) {
      if (index > 0 && !/^[\s"',\\A-Za-z0-9+/=:-]*$/.test(line)) break
      stop += line.length + 1
    }
    spans.push({ start: bodyStart, end: Math.min(stop, text.length), kind: 'private-key' })
  }
  if (PUTTY_KEY.test(text)) {
    const at = text.search(/^Private-Lines:/m)
    if (at !== -1)
      spans.push({
        start: at,
        end: text.search(/^Private-MAC:.*$/m) === -1 ? text.length : text.indexOf('\n', text.search(/^Private-MAC:/m)),
        kind: 'private-key',
      })
  }
  return spans
}

function base64PemSpans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = []
  if (!text.includes('LS0tLS1CRUdJT') && !text.includes('tLS0tLUJFR0lO')) return spans
  for (const match of matches(text, BASE64_PEM)) {
    // Certificates and public keys are not secrets; decode to tell.
    const decoded = decodeBase64Text(match[0].slice(0, match[0].length - (match[0].length % 4)) || match[0]) ?? ''
    if (decoded === '' || /PRIVATE KEY/.test(decoded))
      spans.push({ start: match.index, end: match.index + match[0].length, kind: 'private-key-base64' })
  }
  return spans
}

/**
 * Every pattern's hints in one pass: a text is read once to learn which patterns can match at all.
 * A lookahead finds a hint at every position (matches cannot swallow one another), and the longest
 * hint is tried first, so `glsa_` is seen where `gl` also starts; a hint counts as present when any
 * hint found contains it.
 */
const HINT_LIST = [...new Set(PATTERNS.flatMap((p) => p.hints))].sort((a, b) => b.length - a.length)
const HINTS = new RegExp(`(?=(${HINT_LIST.map((hint) => hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))`, 'g')

/** Every credential in `text` recognisable by its shape alone. */
export function findTokenSpans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [...privateKeySpans(text), ...base64PemSpans(text)]
  const found = new Set<string>()
  for (const match of text.matchAll(HINTS)) found.add(match[1]!)
  if (found.size === 0) return spans
  const present = new Set(HINT_LIST.filter((hint) => found.has(hint) || [...found].some((longer) => longer.includes(hint))))
  for (const { kind, pattern, group, check, hints } of PATTERNS) {
    if (!hints.some((hint) => present.has(hint))) continue
    for (const match of matches(text, pattern)) {
      const secret = group === undefined ? match[0] : match[group]
      if (secret === undefined || (check && !check(secret)) || (!check && isPlaceholder(secret))) continue
      const start = match.index + match[0].indexOf(secret)
      spans.push({ start, end: start + secret.length, kind })
    }
  }
  return spans
}
