// Whether a name says "secret" and whether a value looks like a real one: the judgement every
// detector shares (code assignments, config keys, XML elements, YAML keys, connection-string parts).
// A name is read as words (camelCase, snake_case, kebab-case, dots); a value must not be a template,
// a placeholder, a reference or a dictionary word, and must look random enough for its kind:
// `key = "id"` stays, `key = "Zk8Qw3Rt6Yu9Lp2Xc"` goes. Pure; never sees a file.

export type SecretNameClass = 'password' | 'secret'

const PASSWORD_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'passcode',
  'pword',
  'passwort',
  'contrasena',
  'senha',
  'motdepasse',
])
const SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'token',
  'tokens',
  'key',
  'keys',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'cred',
  'auth',
  'salt',
  'private',
  'privatekey',
  'passkey',
  'signature',
  'sig',
  'hmac',
  'bearer',
  'jwt',
  'otp',
  'totp',
  'seed',
])
/** Words after a secret word that still name the value itself (secret_key_base, apiKeyValue, token_b64). */
const VALUE_SUFFIXES = new Set([
  'value',
  'val',
  'string',
  'str',
  'data',
  'b64',
  'base64',
  'hex',
  'raw',
  'plain',
  'plaintext',
  'base',
  'text',
  'encoded',
  'literal',
  'live',
  'prod',
  'production',
])
/** Words that turn a secret word into something that is not one: password_length, token_url, key_id. */
const NOT_SECRET_AFTER = new Set([
  'id',
  'ids',
  'name',
  'names',
  'path',
  'paths',
  'file',
  'files',
  'dir',
  'url',
  'uri',
  'endpoint',
  'type',
  'types',
  'size',
  'length',
  'len',
  'min',
  'max',
  'count',
  'field',
  'fields',
  'label',
  'prompt',
  'placeholder',
  'hint',
  'policy',
  'pattern',
  'regex',
  'rule',
  'rules',
  'format',
  'prefix',
  'suffix',
  'header',
  'param',
  'env',
  'var',
  'variable',
  'column',
  'expiry',
  'expires',
  'expiration',
  'ttl',
  'timeout',
  'reset',
  'required',
  'enabled',
  'changed',
  'error',
  'message',
  'text',
  'title',
  'strength',
  'attempts',
  'input',
  'confirmation',
  'mode',
  'method',
  'provider',
  'store',
  'storage',
  'manager',
  'service',
  'class',
  'kind',
  'version',
  'algorithm',
  'alg',
  'hash',
  'digest',
  'index',
  'map',
  'list',
  'set',
  'ref',
  'reference',
  'source',
  'location',
  'handler',
  'callback',
  'fn',
  'func',
  'generator',
  'validator',
  'length',
])
/** A name with one of these words holds something public or an identifier, whatever else it says. */
const NOT_SECRET_CONTEXT = new Set([
  'websocket',
  'nonce',
  'public',
  'publishable',
  'pub',
  'cache',
  'sort',
  'partition',
  'primary',
  'foreign',
  'idempotency',
  'i18n',
  'translation',
  'cursor',
  'lookup',
  'document',
  'row',
  'object',
  'entity',
  'route',
  'registry',
])
const STRING_TYPES = new Set([
  'string',
  'str',
  'const',
  'let',
  'var',
  'val',
  'final',
  'static',
  'readonly',
  'public',
  'private',
  'protected',
  'char',
  'auto',
  'secretstr',
])

/** The words of an identifier: `hmacKey` → hmac key, `DB_PASSWORD` → db password, `x-api-key` → x api key. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** 'password' or 'secret' when the name says the value is one, else null. */
export function secretNameClass(name: string): SecretNameClass | null {
  const words = nameWords(name)
  if (words.length === 0 || words.length > 12 || words.some((word) => NOT_SECRET_CONTEXT.has(word))) return null
  // The last word decides, looking past words that still name the value (secret_key_base → key).
  let index = words.length - 1
  while (index > 0 && VALUE_SUFFIXES.has(words[index]!)) index--
  const word = words[index]!
  if (NOT_SECRET_AFTER.has(word) && index === words.length - 1 && !PASSWORD_WORDS.has(word)) return null
  if (PASSWORD_WORDS.has(word)) return 'password'
  if (SECRET_WORDS.has(word)) return 'secret'
  // apikey, authtoken, secretkey, accesstoken written as one word.
  if (/(apikey|secretkey|authtoken|accesstoken|privatekey|clientsecret|accountkey|accesskey|signingkey|masterkey|authkey)$/.test(word))
    return 'secret'
  if (/(password|passwd)$/.test(word)) return 'password'
  return null
}

export function isStringTypeWord(word: string): boolean {
  return STRING_TYPES.has(word.toLowerCase())
}

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

/** Password hashes (bcrypt, argon2, crypt, PBKDF2, scrypt): what a password check compares against, not a credential. */
const PASSWORD_HASH = /^\$(2[abxy]?|argon2(i|d|id)?|[156]|pbkdf2[-\w]*|scrypt|sha\d*)\$/
/** Sample values published in documentation (jwt.io's example token), which stand for a secret. */
const PUBLISHED_SAMPLES = [
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
]
const TEMPLATE =
  /^\[[\w .-]*\]$|^\$\{?[\w.:-]*\}?$|\$\{[^}]*\}|\{\{[^}]*\}\}|^\{[\w.-]*\}$|^<[^>]*>$|<%=?.*%>|^%[\w(]|%\([\w]+\)s|^#\{.*\}$|^\$\(.+\)$|^@\w+@$|^__\w+__$|^\(\(.+\)\)$/
const PLACEHOLDER_WORD =
  /(change[_-]?me|changeit|replace[_-]?me|your[_-]?|my[_-]?(secret|password|token|key)|example|sample|dummy|placeholder|redacted|filtered|todo|fixme|xxx|deadbeef|cafebabe|\*\*\*|fake|mock|notasecret|not[_-]?a[_-]?(real|secret)|insert[_-]?|put[_-]?your|enter[_-]?your|goes[_-]?here|^none$|^null$|^nil$|^undefined$|^true$|^false$|^empty$|^secret$|^password$|^token$)/i
/** Words that make a value a stand-in wherever they appear in it. */
const DUMMY_WORDS = [
  'password',
  'secret',
  'changeme',
  'example',
  'sample',
  'dummy',
  'letmein',
  'qwerty',
  'default',
  'welcome',
  'foobar',
  'postgres',
  'development',
  'staging',
  'insecure',
  'unsafe',
  'notsecure',
  'placeholder',
  'testing',
  'passw0rd',
  'pass',
]
/** Short words that make a value a stand-in when they are most of it (`admin1`, `root!`, `test123`). */
const DUMMY_SHORT = [
  'test',
  'admin',
  'guest',
  'mysql',
  'root',
  'toor',
  'master',
  'local',
  'dev',
  'pass',
  'user',
  'demo',
  'fake',
  'mock',
  'abc',
  'foo',
  'bar',
  'baz',
  'hello',
  'world',
  'app',
  'db',
  'redis',
  'rabbit',
  'mongo',
  'oracle',
  'sa',
]
const CODE_REFERENCE =
  /^(process\.env|os\.environ|os\.getenv|env\(|env\[|ENV\[|ENV\.fetch|System\.getenv|getenv|Environment\.GetEnvironmentVariable|config\.|settings\.|self\.|this\.|Rails\.|credentials\.|secrets\.|vault:|!vault|\$ANSIBLE_VAULT|ref\+|arn:aws:secretsmanager|projects\/[^/]+\/secrets\/|sm:\/\/|op:\/\/|akv:\/\/|keyvault:|secret:|valueFrom)/i

/** A value that stands for a secret without being one: a template, a reference, a placeholder. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim()
  if (v.length === 0) return true
  if (TEMPLATE.test(v) || CODE_REFERENCE.test(v) || PASSWORD_HASH.test(v) || PUBLISHED_SAMPLES.some((sample) => v.includes(sample)))
    return true
  if (/^[*xX.•#?_-]+$/.test(v) || /^(.)\1+$/.test(v)) return true
  if (PLACEHOLDER_WORD.test(v)) return true
  // All one digit, or counting (12345678), or the alphabet.
  if (/^(0123456789?|1234567890?|12345678?|abcdef(gh)?|abcdefghijklmnop)/i.test(v) && v.length < 20) return true
  return false
}

/** Undoes the usual letter-for-digit spelling, so P@ssw0rd reads as password. */
function unleet(value: string): string {
  return value
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/[@4]/g, 'a')
    .replace(/[$5]/g, 's')
    .replace(/[1!|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/7/g, 't')
}

function isDummy(value: string): boolean {
  const lower = value.toLowerCase()
  if (DUMMY_WORDS.some((word) => lower.includes(word))) return true
  // Spelled with digits for letters, it must be the dummy word itself (P@ssw0rd, s3cr3t): real
  // passwords are often written that way too, so no more than that.
  const unleeted = unleet(value).replace(/[^a-z]/g, '')
  if (DUMMY_WORDS.includes(unleeted) || DUMMY_SHORT.includes(unleeted)) return true
  const letters = lower.replace(/[^a-z]/g, '')
  return DUMMY_SHORT.some((word) => letters.includes(word) && letters.length <= word.length + 3)
}

/** Words and identifiers: all lowercase, snake_case, kebab-case, CamelCase, dotted names. */
function isWordLike(value: string): boolean {
  return (
    /^[a-z]+([_.\- ][a-z]+)*$/i.test(value) &&
    (/^[a-z_.\- ]+$/.test(value) || /^([A-Z]?[a-z]+)+$/.test(value) || /^[A-Z_]+$/.test(value) || /[_.\- ]/.test(value))
  )
}

function classes(value: string): { lower: boolean; upper: boolean; digit: boolean; symbol: boolean } {
  return { lower: /[a-z]/.test(value), upper: /[A-Z]/.test(value), digit: /[0-9]/.test(value), symbol: /[^A-Za-z0-9]/.test(value) }
}

/** A file path, a URL without credentials, a version, a date, a dotted identifier or a call: not a secret. */
function isStructuredNonSecret(value: string): boolean {
  if (/^(\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value) && /[/\\][\w.-]+[/\\]?/.test(value) && !/[+=]/.test(value)) return true
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(value)) return true
  if (/^v?\d+(\.\d+)+([-+][\w.]+)?$/.test(value)) return true
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return true
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+(\(.*\))?$/.test(value) && !/\d{3}/.test(value)) return true
  if (/^[\w.$]+\(.*\)$/.test(value)) return true
  // Namespaced names (cache:users:42, app:session-store) are keys in the other sense.
  if (/^[A-Za-z][\w-]{0,30}(:[\w-]{0,30})+$/.test(value) && value.split(':').every((part) => part.length < 24)) return true
  if (/\s/.test(value.trim()) && value.trim().split(/\s+/).length > 2) return true
  return false
}

/** Words and short word-number parts joined by separators: uint16-slice, float64_value, en-US.utf8. */
function isWordSegments(value: string): boolean {
  const parts = value.split(/[-_./:]+/).filter(Boolean)
  return (
    parts.length >= 2 &&
    parts.every((part) => /^[a-z]{2,}\d{0,3}$/i.test(part) || /^\d{1,4}$/.test(part)) &&
    parts.every((part) => !/[A-Z].*[A-Z].*[a-z]|[a-z][A-Z]/.test(part) || isWordLike(part))
  )
}

/** Base64 of ordinary prose ("the sample nonce"), as protocol examples hold: not a credential. */
function isEncodedProse(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false
  const decoded = decodeBase64Text(value)
  return decoded !== null && /^[A-Za-z][A-Za-z ,.'!?-]*$/.test(decoded) && decoded.includes(' ')
}

/** A value under a password name that is a real password, not a template, reference or dummy. */
export function looksLikePassword(value: string): boolean {
  const v = value.trim()
  if (v.length < 6 || v.length > 200) return false
  if (isPlaceholder(v) || isDummy(v) || isStructuredNonSecret(v)) return false
  const c = classes(v)
  const letters = c.lower || c.upper
  if (letters && (c.digit || c.symbol) && !/\s/.test(v)) return true
  if (!letters && c.digit && v.length >= 8 && shannonEntropy(v) >= 2.5) return true
  return v.length >= 12 && !isWordLike(v) && shannonEntropy(v) >= 3
}

/** A password written inline (a URL's, `curl -u`'s, a connection string's, netrc's): anything real. */
export function looksLikeInlinePassword(value: string): boolean {
  const v = value.trim()
  if (v.length < 6 || v.length > 400 || isPlaceholder(v) || isStructuredNonSecret(v)) return false
  return (!isDummy(v) && !/^[a-z]{1,7}$/.test(v)) || looksLikeToken(v)
}

/** A value under a key/token/secret name that is random enough to be a credential. */
export function looksLikeToken(value: string): boolean {
  const v = value.trim()
  if (v.length < 12 || v.length > 8192) return false
  // Spaces, brackets and arrows mean code or prose, unless the value is long and random (a WordPress salt).
  if ((/[\s()[\]{}<>]/.test(v) || v.includes('->')) && !(v.length >= 32 && shannonEntropy(v) >= 4.5)) return false
  if (isPlaceholder(v) || isStructuredNonSecret(v)) return false
  const c = classes(v)
  const kinds = Number(c.lower) + Number(c.upper) + Number(c.digit) + Number(c.symbol)
  if (!c.digit && isWordLike(v)) return false
  if (isDummy(v) && shannonEntropy(v) < 3.8) return false
  if (/^[0-9a-f]+$/i.test(v)) return v.length >= 16 && /[a-f]/i.test(v) && /\d/.test(v) && shannonEntropy(v) >= 3
  // A value that names itself (test-token-123, my_api_key_here) is a stand-in.
  if (/token|secret|passw|api[_-]?key/i.test(v) && shannonEntropy(v) < 4) return false
  if (isWordSegments(v) || isEncodedProse(v)) return false
  // user:password in base64 (a Basic or docker credential): as secret as its password.
  const credentials = /^[A-Za-z0-9+/]+={0,2}$/.test(v) ? decodeBase64Text(v) : null
  if (credentials && /^[^:\s]{1,100}:[^\s]+$/.test(credentials))
    return looksLikeInlinePassword(credentials.slice(credentials.indexOf(':') + 1))
  if (kinds < 2) return false
  if (!c.digit && kinds < 3) return false
  return shannonEntropy(v) >= (v.length < 20 ? 3 : 3.3)
}

/** The judgement for a value under a name of this class. */
export function looksLikeSecret(nameClass: SecretNameClass, value: string): boolean {
  return nameClass === 'password' ? looksLikePassword(value) || looksLikeToken(value) : looksLikeToken(value)
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/

/** The text a long base64 value decodes to, when it decodes to text; null otherwise. */
export function decodeBase64Text(value: string): string | null {
  const v = value.trim()
  if (v.length < 16 || v.length % 4 === 1 || !BASE64.test(v)) return null
  const bytes = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  if (bytes.length === 0) return null
  let printable = 0
  for (const byte of bytes) if (byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127)) printable++
  return printable / bytes.length > 0.95 ? bytes.toString('utf8') : null
}
