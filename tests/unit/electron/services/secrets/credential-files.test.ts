// Files that exist to hold credentials are withheld by what they hold, whatever they are called.
import { describe, expect, it } from 'vitest'
import { credentialFileRule } from '../../../../../electron/services/secrets/credential-files.ts'
import { exclusionRule } from '../../../../../electron/services/secrets/excluded-files.ts'
import { randomString } from '../../../../fixtures/planted-corpus.ts'

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const B64 = `${ALNUM}+/`
const CRYPT = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const PEM = `-----BEGIN OPENSSH PRIVATE KEY-----\n${randomString(B64, 64, 100)}\n${randomString(B64, 64, 101)}\n-----END OPENSSH PRIVATE KEY-----\n`

describe('credentialFileRule', () => {
  it.each([
    ['a key with a label', `# staging bastion\n${PEM}`, 'private-key-file'],
    [
      'an age identity',
      `# created: 2024-03-01\n# public key: age1${randomString('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58, 102)}\nAGE-SECRET-KEY-1${randomString('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58, 103)}\n`,
      'private-key-file',
    ],
    ['netrc lines', `machine ci.example.com\n  login deploy\n  password ${randomString(ALNUM, 16, 104)}\n`, 'credentials-file'],
    [
      'pgpass lines',
      `db.internal:5432:shop:reporting:${randomString(ALNUM, 16, 105)}\n*:*:*:backup:${randomString(ALNUM, 16, 106)}\n`,
      'credentials-file',
    ],
    ['an htpasswd', `ops:$apr1$${randomString(CRYPT, 8, 107)}$${randomString(CRYPT, 22, 108)}\n`, 'password-file'],
    [
      'a shadow file',
      `root:$6$${randomString(CRYPT, 16, 109)}$${randomString(CRYPT, 86, 110)}:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n`,
      'password-file',
    ],
    ['git credentials', `https://deploy:${randomString(ALNUM, 20, 111)}@git.example.com\n`, 'credentials-file'],
    [
      'AWS credentials',
      `[default]\naws_access_key_id = AKIA${randomString('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 112)}\naws_secret_access_key = ${randomString(B64, 40, 113)}\nregion = eu-west-1\n`,
      'credentials-file',
    ],
    [
      'a Docker config',
      JSON.stringify({ auths: { 'registry.example.com': { auth: Buffer.from(`ci:${randomString(ALNUM, 16, 114)}`).toString('base64') } } }),
      'credentials-file',
    ],
    ['a GCP key', JSON.stringify({ type: 'service_account', project_id: 'shop', private_key: PEM }), 'credentials-file'],
    [
      'a kubeconfig',
      `apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: ${randomString(ALNUM, 40, 115)}\n`,
      'credentials-file',
    ],
  ])('withholds %s', (_what, text, rule) => {
    expect(credentialFileRule(text)).toBe(rule)
    expect(exclusionRule('ops/notes.txt', text)).toBe(rule)
  })

  it.each([
    [
      'prose around a key',
      `# Setup\n\nInstall the tools, then run the migrations.\nAsk the on-call for access.\nThe key below is for the staging box:\n\n${PEM}`,
    ],
    [
      'a config with a password among other things',
      `[database]\nhost = db.internal\nport = 5432\npassword = ${randomString(ALNUM, 16, 116)}\n`,
    ],
    ['a colon-separated table', 'name:kind:size:owner:notes\nsrc:folder:12:ops:main code\n'],
    ['a Kubernetes Secret (redacted in place instead)', `kind: Secret\ndata:\n  token: ${randomString(B64, 40, 117)}\n`],
  ])('reads %s as an ordinary file', (_what, text) => {
    expect(credentialFileRule(text)).toBeNull()
  })
})
