// The catch-all: a long random token under no credential name is still taken for a credential, in
// prose, a comment, a command line or an unnamed constant; unless its context says it is a hash or
// data (a lockfile, an integrity or checksum field, a commit id, a data: URI, a certificate, a public
// key, a URL, an identifier).
import { describe, expect, it } from 'vitest'
import { findStrayTokens } from '../../../../../electron/services/secrets/stray-tokens.ts'
import { randomString } from '../../../../fixtures/planted-corpus.ts'

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const B64 = `${ALNUM}+/`
const TOKEN = randomString(ALNUM, 40, 41)
const found = (path: string, text: string) => findStrayTokens(path, text).map((span) => text.slice(span.start, span.end))

describe('findStrayTokens', () => {
  it.each([
    ['README.md', `The staging instance answers to ${TOKEN} until we rotate it.\n`],
    ['deploy/values.yaml', `  # temporary: ${TOKEN}\n`],
    ['app/run.py', `x = "${TOKEN}"\n`],
    ['scripts/ping.sh', `./notify.sh ${TOKEN} "#ops"\n`],
    ['notes.txt', `the key was ${TOKEN}\r\n`],
  ])('takes a random token in %s', (path, text) => {
    expect(found(path, text)).toEqual([TOKEN])
  })

  it.each([
    ['package-lock.json', `"integrity": "sha512-${randomString(B64, 86, 42)}=="\n`],
    ['go.sum', `github.com/x/y v1.2.3 h1:${randomString(B64, 43, 43)}=\n`],
    ['src/app.js', `const sri = "sha384-${randomString(B64, 64, 44)}"\n`],
    ['src/app.js', `integrity: '${randomString(B64, 64, 45)}'\n`],
    ['docs/pins.md', `* sha256/${randomString(B64, 43, 46)}=: CN=example.com\n`],
    ['src/app.css', `background: url(data:image/png;base64,${randomString(B64, 80, 47)});\n`],
    ['src/links.md', `See https://docs.example.com/d/${randomString(ALNUM, 44, 48)}/edit for the plan.\n`],
    ['keys/known.txt', `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${randomString(B64, 43, 49)} ops@example.com\n`],
    [
      'certs/ca.txt',
      `-----BEGIN CERTIFICATE-----\n${randomString(B64, 64, 50)}\n${randomString(B64, 64, 51)}\n-----END CERTIFICATE-----\n`,
    ],
    ['docs/Classes.html', '<a name="/s:9Alamofire17DataStreamRequestC08responseC02on6streamACXDSo17OS_"></a>\n'],
    ['src/Schema.cs', 'public void ReadAsInt32_BigIntegerValue_Success() {}\n'],
    ['vendor/autoload_real.php', 'class ComposerAutoloaderInit894a6ddbda1e609774926efb0f5a3b7e {}\n'],
    ['docs/api.md', '"svg": "SITE_ROOT/badge/67541b37-8b9c-4d17-b952-690eae/9X7kcZoe-2.svg",\n'],
    ['src/hub.ts', `export const PUBLIC_KEY = 'MCowBQYDK2VwAyEA${randomString(B64, 43, 52)}='\n`],
    ['src/jwt.md', 'token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"\n'],
    ['test/blob.kt', `  |${randomString(B64, 64, 53)}\n  |${randomString(B64, 64, 54)}\n  |${randomString(B64, 64, 55)}\n`],
  ])('leaves a hash, data or a name in %s', (path, text) => {
    expect(found(path, text)).toEqual([])
  })

  it('leaves a line crowded with such tokens (a bundle, a list of hashes)', () => {
    const line = Array.from({ length: 6 }, (_, i) => randomString(ALNUM, 40, 60 + i)).join(' ')
    expect(found('dist/app.js', `${line}\n`)).toEqual([])
  })
})
