// The new-pull-request page per host, the title and description in the address where the host takes
// them (and only while the address stays short), and the check before the system browser opens it.
import { describe, expect, it } from 'vitest'
import { hostedRemote } from '../../../../../../electron/services/change/pull-request/hosted-remote.ts'
import { isRemotePage, MAX_URL_LENGTH, pullRequestPage } from '../../../../../../electron/services/change/pull-request/pull-request-url.ts'

const branch = 'gemba/2026-12-07-fix-typo'
const text = { title: 'Fix the typo in the greeting', body: 'What changed: one word & a test.\n\nMade in a Gemba hour.' }
const remote = (url: string) => hostedRemote(url)!

describe('pullRequestPage', () => {
  it.each([
    ['git@github.com:acme/shop.git', 'https://github.com/acme/shop/compare/main...gemba/2026-12-07-fix-typo?expand=1'],
    [
      'https://gitlab.com/acme/platform/shop.git',
      'https://gitlab.com/acme/platform/shop/-/merge_requests/new?merge_request%5Bsource_branch%5D=gemba%2F2026-12-07-fix-typo&merge_request%5Btarget_branch%5D=main',
    ],
    ['git@bitbucket.org:acme/shop.git', 'https://bitbucket.org/acme/shop/pull-requests/new?source=gemba%2F2026-12-07-fix-typo&dest=main'],
    [
      'git@ssh.dev.azure.com:v3/acme/Web%20Shop/shop',
      'https://dev.azure.com/acme/Web%20Shop/_git/shop/pullrequestcreate?sourceRef=gemba%2F2026-12-07-fix-typo&targetRef=main',
    ],
    [
      'https://acme@dev.azure.com/acme/Web%20Shop/_git/shop',
      'https://dev.azure.com/acme/Web%20Shop/_git/shop/pullrequestcreate?sourceRef=gemba%2F2026-12-07-fix-typo&targetRef=main',
    ],
  ])('%s', (url, page) => {
    expect(pullRequestPage(remote(url), branch, 'main')).toEqual({ url: page, textInUrl: false })
  })

  it('puts the title and description in GitHub’s and GitLab’s address', () => {
    const github = pullRequestPage(remote('https://github.com/acme/shop'), branch, 'main', text)!
    expect(github.textInUrl).toBe(true)
    expect(new URL(github.url).searchParams.get('title')).toBe(text.title)
    expect(new URL(github.url).searchParams.get('body')).toBe(text.body)
    const gitlab = pullRequestPage(remote('git@gitlab.com:acme/shop.git'), branch, 'main', text)!
    expect(new URL(gitlab.url).searchParams.get('merge_request[description]')).toBe(text.body)
    expect(new URL(gitlab.url).searchParams.get('merge_request[source_branch]')).toBe(branch)
  })

  it('leaves a long description out of the address (the leader pastes it), keeping the page', () => {
    const long = { title: text.title, body: 'A line of the explanation.\n'.repeat(400) }
    const page = pullRequestPage(remote('https://github.com/acme/shop'), branch, 'main', long)!
    expect(page).toEqual({ url: 'https://github.com/acme/shop/compare/main...gemba/2026-12-07-fix-typo?expand=1', textInUrl: false })
    const fits = pullRequestPage(remote('https://github.com/acme/shop'), branch, 'main', { title: 't', body: 'x'.repeat(5_000) })!
    expect(fits.textInUrl).toBe(true)
    expect(fits.url.length).toBeLessThanOrEqual(MAX_URL_LENGTH)
  })

  it('compares with the default branch when the change was made from a detached HEAD', () => {
    const page = pullRequestPage(remote('https://github.com/acme/shop'), branch, 'a'.repeat(40))
    expect(page?.url).toBe('https://github.com/acme/shop/compare/gemba/2026-12-07-fix-typo?expand=1')
  })

  it('knows no page for another host', () => {
    expect(pullRequestPage(remote('https://git.internal/acme/shop.git'), branch, 'main', text)).toBeNull()
  })
})

describe('isRemotePage', () => {
  const github = remote('git@github.com:acme/shop.git')
  it('lets through only https pages on the remote’s own host', () => {
    expect(isRemotePage('https://github.com/acme/shop/compare/main...x?expand=1', github)).toBe(true)
    for (const url of [
      'http://github.com/acme/shop',
      'https://github.com.evil.example/acme/shop',
      'https://evil.example/github.com',
      'https://user:pw@github.com/acme/shop',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(isRemotePage(url, github), url).toBe(false)
  })
})
