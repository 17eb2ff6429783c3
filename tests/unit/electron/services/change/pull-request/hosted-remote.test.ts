// The web side of a remote across its forms (https, ssh://, scp-like git@host:path) for each host Gemba
// knows, and what it must never keep: the URL's user and password.
import { describe, expect, it } from 'vitest'
import { hostedRemote } from '../../../../../../electron/services/change/pull-request/hosted-remote.ts'

describe('hostedRemote', () => {
  it.each([
    ['https://github.com/acme/shop.git', { kind: 'github', webHost: 'github.com', webPath: 'acme/shop' }],
    ['https://x-access-token:ghp_secret@github.com/acme/shop', { kind: 'github', webHost: 'github.com', webPath: 'acme/shop' }],
    ['git@github.com:acme/shop.git', { kind: 'github', webHost: 'github.com', webPath: 'acme/shop' }],
    ['ssh://git@ssh.github.com:443/acme/shop.git', { kind: 'github', webHost: 'github.com', webPath: 'acme/shop' }],
    ['https://github.acme.corp:8443/team/shop.git', { kind: 'github', webHost: 'github.acme.corp:8443', webPath: 'team/shop' }],
    [
      'https://oauth2:glpat-secret@gitlab.com/acme/platform/shop.git',
      { kind: 'gitlab', webHost: 'gitlab.com', webPath: 'acme/platform/shop' },
    ],
    ['git@gitlab.com:acme/platform/shop.git', { kind: 'gitlab', webHost: 'gitlab.com', webPath: 'acme/platform/shop' }],
    ['ssh://git@gitlab.acme.corp:2222/acme/shop.git', { kind: 'gitlab', webHost: 'gitlab.acme.corp', webPath: 'acme/shop' }],
    ['https://jo@bitbucket.org/acme/shop.git', { kind: 'bitbucket', webHost: 'bitbucket.org', webPath: 'acme/shop' }],
    ['git@bitbucket.org:acme/shop.git', { kind: 'bitbucket', webHost: 'bitbucket.org', webPath: 'acme/shop' }],
    [
      'https://acme@dev.azure.com/acme/Web%20Shop/_git/shop',
      { kind: 'azure', webHost: 'dev.azure.com', webPath: 'acme/Web Shop/_git/shop' },
    ],
    ['git@ssh.dev.azure.com:v3/acme/Shop/shop', { kind: 'azure', webHost: 'dev.azure.com', webPath: 'acme/Shop/_git/shop' }],
    ['ssh://git@ssh.dev.azure.com/v3/acme/Shop/shop', { kind: 'azure', webHost: 'dev.azure.com', webPath: 'acme/Shop/_git/shop' }],
    ['https://acme.visualstudio.com/Shop/_git/shop', { kind: 'azure', webHost: 'acme.visualstudio.com', webPath: 'Shop/_git/shop' }],
    ['acme@vs-ssh.visualstudio.com:v3/acme/Shop/shop', { kind: 'azure', webHost: 'acme.visualstudio.com', webPath: 'Shop/_git/shop' }],
    ['https://git.internal/acme/shop.git', { kind: null, webHost: 'git.internal', webPath: 'acme/shop' }],
    ['git@git.internal:acme/shop.git', { kind: null, webHost: 'git.internal', webPath: 'acme/shop' }],
  ])('%s', (url, expected) => {
    expect(hostedRemote(url)).toEqual(expected)
  })

  it.each([
    '/srv/git/shop.git',
    'file:///srv/git/shop.git',
    '../shop.git',
    'C:\\repos\\shop.git',
    'https://github.com/shop',
    'https://github.com/acme/../shop',
    'https://dev.azure.com/acme/shop',
    'git@ssh.dev.azure.com:acme/shop',
  ])('is not a hosted repository: %s', (url) => {
    expect(hostedRemote(url)).toBeNull()
  })

  it('keeps nothing of a user or password in what it answers', () => {
    for (const url of ['https://jo:s3cr3t-t0ken@github.com/acme/shop.git', 'https://s3cr3t-t0ken@git.internal/acme/shop.git'])
      expect(JSON.stringify(hostedRemote(url))).not.toMatch(/s3cr3t|jo:/)
  })
})
