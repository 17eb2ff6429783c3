// Compare links from remote URLs: GitHub, GitLab, Bitbucket and Azure DevOps over https and ssh; anything else gets
// only the push command.
import { describe, expect, it } from 'vitest'
import { pushHelp } from '../../../../../../electron/services/change/landing/push-help.ts'

const branch = 'gemba/2026-11-24-fix-typo'

describe('pushHelp', () => {
  it.each([
    ['https://github.com/acme/shop.git', 'https://github.com/acme/shop/compare/main...gemba/2026-11-24-fix-typo?expand=1'],
    ['git@github.com:acme/shop.git', 'https://github.com/acme/shop/compare/main...gemba/2026-11-24-fix-typo?expand=1'],
    ['ssh://git@github.com/acme/shop', 'https://github.com/acme/shop/compare/main...gemba/2026-11-24-fix-typo?expand=1'],
    [
      'git@gitlab.com:acme/platform/shop.git',
      'https://gitlab.com/acme/platform/shop/-/merge_requests/new?merge_request%5Bsource_branch%5D=gemba%2F2026-11-24-fix-typo&merge_request%5Btarget_branch%5D=main',
    ],
    [
      'https://user@bitbucket.org/acme/shop.git',
      'https://bitbucket.org/acme/shop/pull-requests/new?source=gemba%2F2026-11-24-fix-typo&dest=main',
    ],
    [
      'ssh://git@bitbucket.org:7999/acme/shop.git',
      'https://bitbucket.org/acme/shop/pull-requests/new?source=gemba%2F2026-11-24-fix-typo&dest=main',
    ],
  ])('%s', (url, compareUrl) => {
    const help = pushHelp({ name: 'origin', url }, branch, 'main')
    expect(help.compareUrl).toBe(compareUrl)
    expect(help.pushCommand).toBe(`git push -u origin ${branch}`)
  })

  it('has only the push command for an unknown host', () => {
    expect(pushHelp({ name: 'up', url: 'https://git.internal/acme/shop.git' }, branch, 'main')).toMatchObject({
      compareUrl: null,
      pushCommand: `git push -u up ${branch}`,
      addRemote: null,
    })
  })

  it('offers no push command without a remote, but how to add one', () => {
    expect(pushHelp(null, branch, 'main')).toEqual({
      remote: null,
      compareUrl: null,
      host: null,
      pushCommand: null,
      addRemote: `git remote add origin <the repository's URL>\ngit push -u origin ${branch}`,
    })
  })

  it('has no compare link for a local path', () => {
    expect(pushHelp({ name: 'origin', url: '/srv/git/shop.git' }, branch, 'main').compareUrl).toBeNull()
    expect(pushHelp({ name: 'origin', url: 'file:///srv/git/shop.git' }, branch, 'main').compareUrl).toBeNull()
  })
})
