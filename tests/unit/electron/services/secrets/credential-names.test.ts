// Which names say "credential": any credential word with any words before or after it (the last word
// used to decide, so DB_PASSWORD_OLD, API_KEY_STAGING, GITHUB_TOKEN_CI and password_backup were sent),
// unless a word after it says the value is about the credential, or a word before it says the key
// is of another kind or public.
import { describe, expect, it } from 'vitest'
import { calleeClass, isPublicName, secretNameClass } from '../../../../../electron/services/secrets/credential-names.ts'

describe('secretNameClass', () => {
  it.each([
    ['DB_PASSWORD_OLD', 'password'],
    ['API_KEY_STAGING', 'secret'],
    ['GITHUB_TOKEN_CI', 'secret'],
    ['password_backup', 'password'],
    ['reportingDbPasswordReplica', 'password'],
    ['stripe-secret-key-live', 'secret'],
    ['SENTRY_DSN', 'secret'],
    ['passwordSalt', 'secret'],
    ['webhooksalt', 'secret'],
    ['dbpassword', 'password'],
    ['WarehouseApiKey2', 'secret'],
    ['DEPLOY_PRIVATE', 'secret'],
    ['signing_secret_2', 'secret'],
    ['npm-registry-password', 'password'],
  ] as const)('%s says %s', (name, expected) => {
    expect(secretNameClass(name)).toBe(expected)
  })

  it.each([
    'password_length',
    'PASSWORD_RESET_URL',
    'token_url',
    'api_key_id',
    'keyAlias',
    'storeFile',
    'publicKey',
    'NEXT_PUBLIC_API_KEY',
    'cacheKey',
    'sort_key',
    'primaryKey',
    'registryKey',
    'ctrlKey',
    'nextPageToken',
    'csrf_token',
    'private_net',
    'signingCert',
    'PASSWORD_HASHERS',
    'gitCredentialCmd',
    'pass',
    'AllowTokenBucketRaw',
  ])('%s does not', (name) => {
    expect(secretNameClass(name)).toBeNull()
  })
})

describe('calleeClass', () => {
  it('takes a user and a password from calls and constructors named for them', () => {
    expect(calleeClass('BasicAuth')).toBe('password')
    expect(calleeClass('client.login')).toBe('password')
    expect(calleeClass('sign_in')).toBe('password')
    expect(calleeClass('UsernamePasswordCredentials')).toBe('password')
    expect(calleeClass('setApiToken')).toBe('secret')
    expect(calleeClass('console.log')).toBeNull()
    expect(calleeClass('PrivateMembersClass')).toBeNull()
  })
})

describe('isPublicName', () => {
  it('knows public names', () => {
    expect(isPublicName('PubKey')).toBe(true)
    expect(isPublicName('public_keys')).toBe(true)
    expect(isPublicName('secretKey')).toBe(false)
  })
})
