// Whether a name says "credential": read as words (camelCase, snake_case, kebab-case, dots), it
// holds a credential word — password, passwd, pwd, passphrase, secret, token, key, auth, credential,
// dsn, salt, private, signing… — with any words before or after it (`DB_PASSWORD_OLD`,
// `API_KEY_STAGING`, `GITHUB_TOKEN_CI`, `password_backup`), unless a word after it says the value is
// something about the credential rather than the credential (`password_length`, `token_url`,
// `key_id`) or a word before it says the key is of another kind (`public_key`, `cache_key`,
// `primary_key`). A callee may also say so (`login(user, "…")`, `new BasicAuth(…)`). Pure.

export type SecretNameClass = 'password' | 'secret'

const PASSWORD_WORDS = new Set([
  'password',
  'passwords',
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
  'authorization',
  'dsn',
  'salt',
  'private',
  'privatekey',
  'passkey',
  'signing',
  'hmac',
  'bearer',
  'jwt',
  'otp',
  'totp',
  'seed',
])
/** Glued forms: dbpassword, githubtoken, clientsecret, apikey, keystorepass. */
const GLUED_PASSWORD = /(password|passwd|passphrase|pwd|storepass|keypass)$/
const GLUED_SECRET =
  /(secret|token|apikey|secretkey|accesskey|privatekey|authkey|signingkey|masterkey|accountkey|clientkey|credentials?|[a-z]{3}(salt|dsn|auth))$/
/** Words after a credential word that say the value is about the credential, not the credential. */
const NOT_SECRET_AFTER = new Set([
  'id',
  'ids',
  'name',
  'names',
  'alias',
  'path',
  'paths',
  'file',
  'files',
  'filename',
  'dir',
  'directory',
  'url',
  'urls',
  'uri',
  'endpoint',
  'host',
  'server',
  'type',
  'types',
  'size',
  'length',
  'len',
  'bits',
  'min',
  'max',
  'count',
  'field',
  'fields',
  'label',
  'labels',
  'prompt',
  'placeholder',
  'hint',
  'help',
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
  'params',
  'env',
  'var',
  'variable',
  'column',
  'expiry',
  'expires',
  'expired',
  'expiration',
  'ttl',
  'timeout',
  'lifetime',
  'reset',
  'required',
  'enabled',
  'disabled',
  'changed',
  'error',
  'errors',
  'message',
  'msg',
  'title',
  'description',
  'desc',
  'strength',
  'attempts',
  'input',
  'confirmation',
  'confirm',
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
  'hashed',
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
  'cache',
  'count',
  'user',
  'username',
  'login',
  'email',
  'owner',
  'issuer',
  'audience',
  'scope',
  'scopes',
  'region',
  'port',
  'usage',
  'status',
  'state',
  'exists',
  'valid',
  'invalid',
  'visible',
  'hidden',
  'show',
  'toggle',
  'button',
  'dialog',
  'modal',
  'form',
  'view',
  'page',
  'tooltip',
  'icon',
  'flag',
  'option',
  'options',
  'config',
  'settings',
  'spec',
  'schema',
  'request',
  'response',
  'event',
  'events',
  'query',
  'lookup',
  'match',
  'matches',
  'pair',
  'fingerprint',
  'checksum',
  'binding',
  'bindings',
  'press',
  'down',
  'up',
  'stroke',
  'frame',
  'frames',
  'separator',
  'delimiter',
  'hasher',
  'hashers',
  'cmd',
  'command',
  'commands',
  'configuration',
  'bucket',
  'buckets',
  'helper',
  'helpers',
  'util',
  'utils',
  'factory',
  'builder',
  'module',
  'package',
  'plugin',
  'middleware',
  'backend',
  'strategy',
  'scheme',
  'realm',
  'arg',
  'args',
  'argument',
  'arguments',
  'cert',
  'certs',
  'certificate',
  'certificates',
  'crt',
  'pem',
])
/** Keys of a keyboard: `ctrlKey`, `metaKey`, `shift_key` name a key pressed, not a credential. */
const KEYBOARD = ['ctrl', 'meta', 'shift', 'alt', 'control', 'option', 'modifier', 'enter', 'escape', 'esc', 'tab', 'space', 'arrow', 'fn']
/** Words anywhere before a credential word that make it public, or not a credential at all. */
const NOT_SECRET_ANYWHERE_BEFORE = new Set(['websocket', 'nonce', 'public', 'publishable', 'pub', 'i18n', 'translation', 'idempotency'])
/** Words right before `key` that make it a key of another kind (a cache key, a sort key, a registry key). */
const KEY_KINDS = new Set([
  'cache',
  'sort',
  'sorting',
  'partition',
  'primary',
  'foreign',
  'unique',
  'composite',
  'cursor',
  'lookup',
  'document',
  'row',
  'object',
  'entity',
  'route',
  'registry',
  'hot',
  'short',
  'shortcut',
  'keyboard',
  'dictionary',
  'dict',
  'map',
  'hash',
  'group',
  'react',
  'vue',
  'list',
  'item',
  'tree',
  'node',
  'storage',
  'state',
  'query',
  'design',
  'record',
  'index',
  'lock',
  'dedup',
  'dedupe',
  'idempotence',
  'websocket',
  ...KEYBOARD,
])
/** Words right before `token` that make it a token of another kind (a parser's, a page's, a cancellation's). */
const TOKEN_KINDS = new Set([
  'next',
  'continuation',
  'page',
  'pagination',
  'sync',
  'cancellation',
  'cancel',
  'lexer',
  'parser',
  'syntax',
  'ast',
  'csrf',
  'xsrf',
  'lex',
  'word',
  'text',
  'string',
  'end',
  'start',
])
/** Which credential words a qualifier before them turns into something else. */
const QUALIFIED: Record<string, ReadonlySet<string>> = { key: KEY_KINDS, keys: KEY_KINDS, token: TOKEN_KINDS, tokens: TOKEN_KINDS }
const ADJECTIVES = new Set(['private', 'signing'])

/** Words in a callee's name that make its positional arguments credentials. */
const CREDENTIAL_CALLEE = /^(login|logon|signin|authenticate|basicauth)$/
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
  'u8',
  'bytes',
  'nsstring',
])

/** The words of an identifier: `hmacKey` → hmac key, `DB_PASSWORD` → db password, `x-api-key` → x api key. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

function wordClass(word: string): SecretNameClass | null {
  if (PASSWORD_WORDS.has(word)) return 'password'
  if (SECRET_WORDS.has(word)) return 'secret'
  if (word.length > 5 && GLUED_PASSWORD.test(word)) return 'password'
  if (word.length > 5 && GLUED_SECRET.test(word)) return 'secret'
  return null
}

/** Every credential word and callee word holds one of these: a name without any is read no further. */
const HINT = /pass|pwd|secret|token|key|cred|auth|dsn|salt|priv|sign|seed|jwt|bearer|hmac|otp|login|logon/i

/** A small cache per question: names repeat throughout a file and across files. */
function cached<T>(compute: (name: string) => T): (name: string) => T {
  const cache = new Map<string, T>()
  return (name) => {
    let value = cache.get(name)
    if (value === undefined && !cache.has(name)) {
      value = compute(name)
      if (cache.size > 20_000) cache.clear()
      cache.set(name, value)
    }
    return value as T
  }
}

/** 'password' or 'secret' when the name says the value is a credential, else null. */
export const secretNameClass: (name: string) => SecretNameClass | null = cached((name) =>
  HINT.test(name) ? (judgeName(nameWords(name))?.nameClass ?? null) : null,
)

function judgeName(words: readonly string[]): { nameClass: SecretNameClass; word: string } | null {
  if (words.length === 0 || words.length > 12) return null
  // `pass` alone is a verb ("pass the value", Python's `pass`); with other words it is short for password (DB_PASS).
  if (words.length === 1 && words[0] === 'pass') return null
  // The last credential word is what the name holds; what stands after it may still say otherwise.
  for (let index = words.length - 1; index >= 0; index--) {
    const nameClass = wordClass(words[index]!)
    if (nameClass === null) continue
    for (let at = index + 1; at < words.length; at++) if (NOT_SECRET_AFTER.has(words[at]!)) return null
    // `private` and `signing` say credential only as the last word (DEPLOY_PRIVATE); before another
    // word they describe something else (private_net, private_ip, signing_cert).
    if (ADJECTIVES.has(words[index]!) && index < words.length - 1) return null
    for (let at = 0; at < index; at++) if (NOT_SECRET_ANYWHERE_BEFORE.has(words[at]!)) return null
    if (index > 0 && QUALIFIED[words[index]!]?.has(words[index - 1]!)) return null
    return { nameClass, word: words[index]! }
  }
  return null
}

/** A name that says what else its value is (a user, a host, a file, a description): never read as a credential by its place. */
export const isDescriptiveName: (name: string) => boolean = cached((name) =>
  nameWords(name).some((word) => NOT_SECRET_AFTER.has(word) || NOT_SECRET_ANYWHERE_BEFORE.has(word)),
)

const PAIR_WORDS = new Set(['auth', 'authorization', 'credential', 'credentials', 'creds', 'cred'])

/** The class a call's positional arguments take from its callee (`login`, `new BasicAuth`, `setPassword`). */
export const calleeClass: (callee: string) => SecretNameClass | null = cached((callee) => (HINT.test(callee) ? judgeCallee(callee) : null))

function judgeCallee(callee: string): SecretNameClass | null {
  const words = nameWords(callee)
  if (words.length === 0) return null
  if (CREDENTIAL_CALLEE.test(words.join('')) || CREDENTIAL_CALLEE.test(words.at(-1)!) || CREDENTIAL_CALLEE.test(words.slice(-2).join('')))
    return 'password'
  const judged = judgeName(words)
  // A user and a password travel together as the arguments of an auth or credentials call.
  return judged === null ? null : PAIR_WORDS.has(judged.word) ? 'password' : judged.nameClass
}

/** A name that says public (`PubKey`, `public_keys`, `publishableKey`): nothing under it is secret. */
export const isPublicName: (name: string) => boolean = cached((name) =>
  nameWords(name).some((word) => word === 'public' || word === 'pub' || word === 'publishable'),
)

export function isStringTypeWord(word: string): boolean {
  return STRING_TYPES.has(word.toLowerCase())
}
