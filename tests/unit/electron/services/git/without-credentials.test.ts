// A remote URL's user and password never appear in what Gemba says: removed from every URL in a text,
// and masked where git echoes them on their own (decoded, too).
import { describe, expect, it } from 'vitest'
import { credentialsIn, withoutCredentials } from '../../../../../electron/services/git/without-credentials.ts'

describe('withoutCredentials', () => {
  it('removes the user and password of every URL, whatever the scheme', () => {
    expect(
      withoutCredentials(
        "fatal: unable to access 'https://x-access-token:ghp_abc@github.com/acme/shop.git/' and ssh://git@host:22/r, http://u:p%40ss@127.0.0.1:8080/r",
      ),
    ).toBe("fatal: unable to access 'https://github.com/acme/shop.git/' and ssh://host:22/r, http://127.0.0.1:8080/r")
  })

  it('masks the remote’s own credentials wherever else they appear, encoded or not', () => {
    const secrets = credentialsIn('https://leader:p%40ss-w0rd@git.example.com/acme/shop.git')
    expect(secrets).toEqual(expect.arrayContaining(['leader', 'p%40ss-w0rd', 'p@ss-w0rd']))
    expect(withoutCredentials('remote: wrong password p@ss-w0rd for leader', secrets)).toBe('remote: wrong password ••• for •••')
  })

  it('finds nothing to mask in a URL without credentials, or a path', () => {
    expect(credentialsIn('https://github.com/acme/shop.git')).toEqual([])
    expect(credentialsIn('/srv/git/shop.git')).toEqual([])
    expect(credentialsIn('git@github.com:acme/shop.git')).toEqual([])
  })
})
