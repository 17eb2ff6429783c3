// Shapes that are credentials wherever they stand. The hint scan used to stop at the first hint that
// matched, so `gl` (GitLab) hid `glsa_` and `glc_` (Grafana) and the log redactor missed those tokens;
// password hashes are now credentials too, since a hash in a password file or a seed is cracked offline.
import { describe, expect, it } from 'vitest'
import { findTokenSpans } from '../../../../../electron/services/secrets/token-patterns.ts'
import { randomString } from '../../../../fixtures/planted-corpus.ts'

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const CRYPT = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const kinds = (text: string) => findTokenSpans(text).map((span) => [span.kind, text.slice(span.start, span.end)])

describe('findTokenSpans', () => {
  it('finds Grafana tokens, alone or next to other hints', () => {
    const sa = `glsa_${randomString(ALNUM, 32, 70)}_${randomString('0123456789abcdef', 8, 71)}`
    const cloud = `glc_${randomString(ALNUM, 40, 72)}`
    expect(kinds(`GRAFANA=${sa}\n`)).toEqual([['grafana-token', sa]])
    expect(kinds(`gl ${cloud}\n`)).toEqual([['grafana-token', cloud]])
  })

  it.each([
    ['sha512-crypt', `$6$${randomString(CRYPT, 16, 73)}$${randomString(CRYPT, 86, 74)}`],
    ['bcrypt', `$2y$12$${randomString(CRYPT, 53, 75)}`],
    ['apache md5', `$apr1$${randomString(CRYPT, 8, 76)}$${randomString(CRYPT, 22, 77)}`],
    ['yescrypt', `$y$j9T$${randomString(CRYPT, 22, 78)}$${randomString(CRYPT, 43, 79)}`],
    ['argon2id', `$argon2id$v=19$m=65536,t=3,p=4$${randomString(ALNUM, 22, 80)}$${randomString(ALNUM, 43, 81)}`],
    ['Django pbkdf2', `pbkdf2_sha256$260000$${randomString(ALNUM, 22, 82)}$${randomString(ALNUM, 43, 83)}=`],
    ['LDAP SSHA', `{SSHA}${randomString(ALNUM, 32, 84)}`],
  ])('finds a %s password hash', (_kind, hash) => {
    expect(kinds(`ops:${hash}:19700:0:99999:7:::\n`)).toEqual([['password-hash', hash]])
  })

  it('leaves vendor shapes filled with placeholders', () => {
    expect(kinds('"xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX",\n')).toEqual([])
  })

  it('leaves code that builds a PEM block around a variable', () => {
    expect(
      kinds('append("-----BEGIN PRIVATE KEY-----\\n")\nencodeBase64Lines(key.encoded())\nappend("-----END PRIVATE KEY-----\\n")\n'),
    ).toEqual([])
  })
})
