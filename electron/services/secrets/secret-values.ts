// Whether a value looks like a real credential: the judgement every detector shares once a name has
// said "credential" (credential-names.ts). A value must not be a template, a placeholder, a reference,
// a dictionary word, an identifier or prose, and must look random enough for its kind: `key = "id"`
// stays, `key = "Zk8Qw3Rt6Yu9Lp2Xc"` goes; a password needs less randomness than a token. Pure.

import type { SecretNameClass } from './credential-names.ts'

export { secretNameClass, type SecretNameClass } from './credential-names.ts'

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

/** Sample values published in documentation (jwt.io's example token), which stand for a secret. */
const PUBLISHED_SAMPLES = [
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
]
const TEMPLATE =
  /^\[[\w .-]*\]$|^\$\{?[\w.:-]*\}?$|\$\{[^}]*\}|\{\{[^}]*\}\}|^\{[\w.-]*\}$|^<[^>]*>$|<%=?.*%>|^%[-+ #0]?\d*(?:\.\d+)?[sdifuxXoeEgGcrpq]$|%\([\w]+\)s|^#\{.*\}$|^\$\(.+\)$|^@\w+@$|^__\w+__$|^\(\(.+\)\)$/
const PLACEHOLDER_WORD =
  /(change[_-]?me|changeit|replace[_-]?me|your[_-]?|my[_-]?(secret|password|token|key)|example|sample|dummy|placeholder|redacted|filtered|todo|fixme|deadbeef|cafebabe|\*\*\*|fake|mock|notasecret|not[_-]?a[_-]?(real|secret)|insert[_-]?|put[_-]?your|enter[_-]?your|goes[_-]?here|^none$|^null$|^nil$|^undefined$|^true$|^false$|^empty$|^secret$|^password$|^token$)/i
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
  'mariadb',
  'sa',
]
const CODE_REFERENCE =
  /^(process\.env|os\.environ|os\.getenv|env\(|env\[|ENV\[|ENV\.fetch|System\.getenv|getenv|Environment\.GetEnvironmentVariable|config\.|settings\.|self\.|this\.|Rails\.|credentials\.|secrets\.|vault:|!vault|\$ANSIBLE_VAULT|ref\+|arn:aws:secretsmanager|projects\/[^/]+\/secrets\/|sm:\/\/|op:\/\/|akv:\/\/|keyvault:|secret:|valueFrom)/i

/** Only references to variables (`$USER:$PASS`, `${HOME}/x`), with nothing of its own: a template. */
function isVariableTemplate(value: string): boolean {
  if (/<%|\{\{|\$\{|#\{/.test(value)) return true
  if (!value.includes('$')) return false
  const rest = value.replace(/\$\{[^}]{1,80}\}|\$\(?[A-Za-z_]\w{0,80}\)?/g, '')
  // Mostly references (`S-$extended_key`, `$USER:$PASS`): what is left of its own is too little to be a secret.
  return rest.length < value.length && rest.replace(/[^A-Za-z0-9]/g, '').length < 4
}

/** printf and strftime formats (`%Y-%m-%d_%H:%M`), f-string and interpolation fields (`{settings.TOKEN}`). */
function isFormatTemplate(value: string): boolean {
  const directives = /%[-_0^#]?\d*[A-Za-z]/g
  const own = value.replace(directives, '').replace(/[^A-Za-z0-9]/g, '')
  return ((value.match(directives)?.length ?? 0) >= 2 && own.length <= 2) || /\{[A-Za-z_][\w.]{0,80}(\(\))?\}/.test(value)
}

/** A value that stands for a secret without being one: a template, a reference, a placeholder. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim()
  if (v.length === 0) return true
  if (isVariableTemplate(v) || isFormatTemplate(v)) return true
  if (TEMPLATE.test(v) || CODE_REFERENCE.test(v) || PUBLISHED_SAMPLES.some((sample) => v.includes(sample))) return true
  if (/^[*xX.•#?_-]+$/.test(v) || /^(.)\1+$/.test(v)) return true
  // xxx or XXX (never xXx, which random text holds by chance).
  if (PLACEHOLDER_WORD.test(v) || /x{3,}|X{3,}/.test(v) || isSequential(v)) return true
  // All one digit, or counting (12345678), or the alphabet.
  if (/^(0123456789?|1234567890?|12345678?|abcdef(gh)?|abcdefghijklmnop)/i.test(v) && v.length < 20) return true
  return false
}

/**
 * Counting in place of a value (gho_xyz123, A1B2C3D4E5F6G7H8I9J0, abc-def-456): most of its letters and
 * digits stand in ascending runs of three or more, in the value or in its letters and digits apart.
 */
function isSequential(value: string): boolean {
  const covered = (chars: string) => {
    let inRuns = 0
    let run = 1
    for (let i = 1; i <= chars.length; i++) {
      if (i < chars.length && chars.charCodeAt(i) === chars.charCodeAt(i - 1) + 1) run++
      else {
        if (run >= 3) inRuns += run
        run = 1
      }
    }
    return inRuns
  }
  const alnum = value.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (alnum.length < 6) return false
  const letters = alnum.replace(/[0-9]/g, '')
  const digits = alnum.replace(/[a-z]/g, '')
  const best = Math.max(covered(alnum), covered(letters) + covered(digits))
  return best >= alnum.length * 0.6
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

/** Character classes; letters of any script count as letters, not symbols. */
function classes(value: string): { lower: boolean; upper: boolean; digit: boolean; symbol: boolean } {
  return {
    lower: /\p{Ll}|\p{Lo}/u.test(value),
    upper: /\p{Lu}/u.test(value),
    digit: /[0-9]/.test(value),
    symbol: /[^\p{L}\p{N}\p{M}\p{Cf}]/u.test(value),
  }
}

/**
 * Text in a script without letter case (CJK, Thai, Bengali, Arabic…) with no ASCII digit: a word or a
 * sentence of a language, as translation files hold under a `password` key. Passwords are typed on a
 * keyboard: mostly Latin letters, digits and symbols.
 */
function isNaturalLanguage(value: string): boolean {
  const share = (value.match(/[\p{Lo}\p{Lm}\p{M}]/gu)?.length ?? 0) / value.length
  return share >= 0.4 || (share >= 0.25 && !/[0-9]/.test(value))
}

/** A word and a number run together (360messenger, abc123, Forms2): an identifier or a dummy, not a token. */
function isWordAndNumber(value: string): boolean {
  return /^([A-Za-z]{4,}\d{1,4}|\d{1,4}[A-Za-z]{4,})$/.test(value)
}

/** Two or more words of letters with spaces between: a sentence or a label, in any language. */
function isProse(value: string): boolean {
  if (!/\s/.test(value)) return false
  const words = value.split(/\s+/).filter((word) => /^[("'«]?[\p{L}\p{M}\p{Cf}'’-]{2,}[)"'».,:;!?]*$/u.test(word))
  return words.length >= 2 && words.length * 2 >= value.split(/\s+/).length
}

/** An identifier or a keyword in lower case (custom-headers, oauth2, gitlab-ci-token): a name for something, not a password. */
function isIdentifierLike(value: string): boolean {
  const parts = value
    .replace(/^-+/, '')
    .split(/[-_.|:]/)
    .filter(Boolean)
  const digitsOrLower = parts.every((part) => /^[a-z]+\d{0,2}$/.test(part) || /^\d{1,4}$/.test(part))
  const upper = parts.every((part) => /^[A-Z]+\d{0,2}$/.test(part) || /^\d{1,4}$/.test(part))
  // Words in any case (String, Content-Type, Steam-API-Schlüssel, SendGrid-API) are a name or a label;
  // with a digit part (Tiger-Moth-42) they may be a password.
  const title = parts.every((part) => /^((\p{Lu}?\p{Ll}+)+\p{Lu}*|\p{Lu}+)$/u.test(part))
  return parts.length > 0 && (digitsOrLower || upper || title)
}

/** A file path, a URL without credentials, a version, a date, a dotted identifier or a call: not a secret. */
function isStructuredNonSecret(value: string): boolean {
  if (/^(\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value) && /[/\\][\w.-]+[/\\]?/.test(value) && !/[+=]/.test(value)) return true
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(value)) return true
  if (/^v?\d+(\.\d+)+([-+][\w.]+)?$/.test(value)) return true
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return true
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+(\(.*\))?$/.test(value) && !/\d{3}/.test(value)) return true
  // A qualified name of three parts or more (django.contrib.auth.hashers.BCryptSHA256PasswordHasher).
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*){2,}$/.test(value)) return true
  // A host and path without a scheme: an import path, a registry reference.
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[\w.@~%+-]*)+$/i.test(value)) return true
  // A relative path to a file (path/to/local.crt, conf/app.key).
  if (/^[\w.-]+(\/[\w.-]+)+\.[a-z0-9]{1,8}$/i.test(value) && !/[+=]/.test(value)) return true
  // Go struct tags and similar `key:"value"` lists.
  if (/^(\w+:"[^"]*"\s*)+$/.test(value)) return true
  if (/^[\w.$]+\(.*\)$/.test(value)) return true
  // Namespaced names (cache:users:42, app:session-store) are keys in the other sense.
  if (/^[A-Za-z][\w-]{0,30}(:[\w-]{0,30})+$/.test(value) && value.split(':').every((part) => part.length < 24)) return true
  // Markup (`<wbr>)</a>`): a tag is no part of a credential.
  if (/<\/?[a-z][\w-]*[\s/>]/i.test(value)) return true
  // Numbers separated by colons or dots: a port mapping (3306:3306), a time, an address.
  if (/^\d+([:.]\d+)+$/.test(value)) return true
  // Hex bytes separated by colons: a MAC address or a fingerprint.
  if (/^[0-9a-f]{2}([:-][0-9a-f]{2}){5,}$/i.test(value)) return true
  // A name with a content hash after two words or more (Linux-node-958aff96db2d…): a cache key, a build name.
  if (/^([A-Za-z]+[-_.]){2,}[0-9a-f]{16,}$/.test(value)) return true
  // An anchor or a colour (#opt-usersFile, #a0b1c2); a file name (_PrimaryButton.931d2859.js).
  if (/^#[\w-]+$/.test(value)) return true
  if (
    /^[\w.-]+\.(m?js|cjs|css|map|json|html?|vue|tsx?|jsx|svg|png|jpe?g|gif|webp|woff2?|ttf|txt|md|ya?ml|xml|php|rb|py|go|rs|java|kt|swift|[ch]|cpp|lock|zip|gz|tgz|jar)$/i.test(
      value,
    )
  )
    return true
  // The start of a call or a subscript (`get_change(changeset,`, `request.form[`): code, not a value.
  if (/^[A-Za-z_][\w.]*[([]/.test(value)) return true
  // A list of short words and pairs (`bytes,1,opt,name=key,proto3`).
  if (/^[\w.=:-]+(,[\w.=:-]+)+$/.test(value) && value.split(',').every((part) => part.length < 16)) return true
  if (/\s/.test(value.trim()) && value.trim().split(/\s+/).length > 2) return true
  // `key=value;key=value` (a connection string, a cookie, a query): its parts are judged, not the whole.
  if (/^([a-z][\w+.-]{0,20}:)?[A-Za-z][\w .-]{0,30}=[^;&=]*([;&][A-Za-z][\w .-]{0,30}=[^;&=]*)+[;&]?$/.test(value)) return true
  return false
}

/** Words and short word-number parts joined by separators: uint16-slice, float64_value, en-US.utf8. */
function isWordSegments(value: string): boolean {
  const parts = value.split(/[-_./:+|]+/).filter(Boolean)
  return (
    parts.length >= 2 &&
    parts.every((part) => /^[a-z]{2,}\d{0,3}$/i.test(part) || /^[a-z]\d{1,3}$/i.test(part) || /^\d{1,4}$/.test(part)) &&
    parts.every((part) => !/[A-Z].*[A-Z].*[a-z]|[a-z][A-Z]/.test(part) || isWordLike(part))
  )
}

/**
 * Words run together (MSBuildToolsPath32, IDEDidComputeMac32BitWarning, StartObject): most of the value is
 * pronounceable lower-case runs. Random text has some by chance; the bound by length keeps 99.9% of
 * random tokens out of it.
 */
export function isWordyIdentifier(raw: string): boolean {
  // A closing mark or two (`InternalString!`) does not make words less of an identifier.
  const value = raw.replace(/[^A-Za-z0-9_]{1,2}$/, '')
  if (!/^[A-Za-z0-9_]+$/.test(value)) return false
  let wordy = 0
  for (const run of value.matchAll(/[A-Z]?[a-z]{2,}/g)) {
    const word = run[0].toLowerCase()
    if (/[aeiouy]/.test(word) && !/[^aeiouy]{4}/.test(word) && !/[aeiou]{3}/.test(word)) wordy += word.length
  }
  const bound = value.length <= 16 ? 0.9 : value.length <= 24 ? 0.77 : value.length <= 40 ? 0.66 : 0.6
  return wordy / value.length > bound
}

/**
 * A mangled symbol (Swift's `9Alamofire17DataStreamRequestC…`, C++'s `_ZN5Alamo…`): names written after
 * their length. Length-prefixed words cover more than a third of it; of random text, under 0.1% do.
 */
export function isMangledSymbol(value: string): boolean {
  let covered = 0
  for (const match of value.matchAll(/(?<!\d)(\d{1,2})(?=[A-Za-z_])/g)) {
    const length = Number(match[1])
    const start = match.index + match[1]!.length
    if (length < 4 || start + length > value.length) continue
    const name = value.slice(start, start + length)
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && isWordyIdentifier(name)) covered += length + match[1]!.length
  }
  return covered > value.length * 0.35
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
  if (v.length < 6 || v.length > 200 || !/[\p{L}\p{N}].*[\p{L}\p{N}]/u.test(v)) return false
  if (isPlaceholder(v) || isDummy(v) || isStructuredNonSecret(v) || isProse(v) || isIdentifierLike(v) || isNaturalLanguage(v)) return false
  const c = classes(v)
  const letters = c.lower || c.upper
  // Control characters are escapes under test, not something typed.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(v)) return false
  // A space makes a label (Middleware 4) unless the value is long and mixed like a passphrase generator's.
  if (/\s/.test(v))
    return v.length >= 20 && Number(c.lower) + Number(c.upper) + Number(c.digit) + Number(c.symbol) >= 3 && shannonEntropy(v) >= 3.5
  if (letters && (c.digit || c.symbol)) return true
  if (!letters && c.digit && v.length >= 8 && shannonEntropy(v) >= 2.5) return true
  return v.length >= 12 && !isWordLike(v) && shannonEntropy(v) >= 3
}

/** A password written inline (a URL's, `curl -u`'s, a connection string's, netrc's): anything real. */
export function looksLikeInlinePassword(value: string): boolean {
  const v = value.trim()
  if (v.length < 6 || v.length > 400 || isPlaceholder(v) || isStructuredNonSecret(v) || isProse(v)) return false
  // A name standing in for the password (AccountSid:AuthToken@…): words in camel case, no digits.
  if (/^[A-Z][a-z]+([A-Z][a-z]+)+$/.test(v)) return false
  if (!/[\p{L}\p{N}].*[\p{L}\p{N}]/u.test(v)) return false
  return (!isDummy(v) && !/^[a-z]{1,7}$/.test(v)) || looksLikeToken(v)
}

/** A value under a key/token/secret name that is random enough to be a credential. */
export function looksLikeToken(value: string): boolean {
  const v = value.trim()
  if (v.length < 12 || v.length > 8192) return false
  // Spaces, brackets and arrows mean code or prose, unless the value is long and random (a WordPress salt).
  if ((/[\s()[\]{}<>]/.test(v) || v.includes('->')) && !(v.length >= 48 && shannonEntropy(v) >= 5 && !isProse(v))) return false
  if (isPlaceholder(v) || isStructuredNonSecret(v) || isProse(v) || isNaturalLanguage(v) || isWordAndNumber(v)) return false
  const c = classes(v)
  if (!c.digit && isIdentifierLike(v)) return false
  const kinds = Number(c.lower) + Number(c.upper) + Number(c.digit) + Number(c.symbol)
  if (!c.digit && isWordLike(v)) return false
  if (isDummy(v) && shannonEntropy(v) < 3.8) return false
  if (/^[0-9a-f]+$/i.test(v)) return v.length >= 16 && /[a-f]/i.test(v) && /\d/.test(v) && shannonEntropy(v) >= 3
  // A UUID under a credential name is an API key, random or not enough for the entropy test (hex has 16 symbols).
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return shannonEntropy(v) >= 2.5
  // A value that names itself (test-token-123, my_api_key_here) is a stand-in.
  if (/token|secret|passw|api[_-]?key/i.test(v) && shannonEntropy(v) < 4) return false
  if (isWordSegments(v) || isEncodedProse(v) || isWordyIdentifier(v) || isMangledSymbol(v)) return false
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
