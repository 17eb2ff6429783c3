// "Open a pull request" through the API (the real backend's dispatcher, the system git) against local
// remotes only: a bare repository by its path, and `git http-backend` on 127.0.0.1. Only the Gemba
// branch is pushed (no other branch, no tag), never forced; each failure (no remote, credentials
// refused, a hook or a protected branch, a different branch of that name there, nothing listening) is
// one sentence, and the clone and the remote are as they were. A password in the remote's URL is in
// nothing Gemba says.
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { GembaErrorData } from '../../../shared/errors.ts'
import type { ChangeDraftView, PullRequestDraft, PullRequestOpened } from '../../../shared/models/change.ts'
import type { RepoView } from '../../../shared/models/repos.ts'
import { startGitHttpServer, type GitHttpServer } from '../../fixtures/git-http-server.ts'
import { recordedProgress } from '../../fixtures/recorded-progress.ts'
import { makeHarness } from './harness.ts'
import { buildRepo, makeTempFolder, RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

const PASSWORD = 'pr-s3cret-t0ken-9f8e7d'

let test: TestBackend | undefined
let repo: RepoBuilder | undefined
let bare: RepoBuilder | undefined
let server: GitHttpServer | undefined

afterEach(async () => {
  await test?.cleanup()
  await server?.close()
  await repo?.cleanup()
  await bare?.cleanup()
  test = server = repo = bare = undefined
})

type Outcome<T> = { ok: true; value: T } | { ok: false; error: GembaErrorData }

async function dispatch<T>(name: string, input: unknown): Promise<Outcome<T>> {
  return (await test!.backend.dispatcher.dispatch(name, input)) as Outcome<T>
}

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch<T>(name, input)
  if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), { data: result.error })
  return result.value
}

async function failure(name: string, input: unknown): Promise<GembaErrorData> {
  const result = await dispatch(name, input)
  if (result.ok) throw new Error(`${name} succeeded`)
  return result.error
}

/** A bare remote in a folder of its own (the HTTP server's project root), with main pushed. */
async function makeRemote(): Promise<RepoBuilder> {
  const root = await makeTempFolder()
  const remote = new RepoBuilder(join(root, 'shop.git'))
  await mkdir(remote.dir)
  await remote.git(['init', '-q', '--bare', '-b', 'main'])
  return remote
}

/** A clone with a commit on main (pushed), a private branch and a tag that must never be pushed, and a landed change. */
async function landAChange(remoteUrl: ((bareDir: string) => string) | null): Promise<{ draft: ChangeDraftView; branch: string }> {
  bare = await makeRemote()
  repo = await buildRepo()
  await repo.git(['config', 'user.name', 'Leader Person'])
  await repo.git(['config', 'user.email', 'leader@example.com'])
  await repo.files({ 'src/greet.js': "export const greet = (name) => 'Helo, ' + name\n" })
  await repo.commit('Greeter')
  if (remoteUrl) {
    await repo.git(['remote', 'add', 'origin', bare.dir])
    await repo.git(['push', '-q', 'origin', 'main'])
    await repo.git(['remote', 'set-url', 'origin', remoteUrl(bare.dir)])
  }
  await repo.git(['branch', 'private-work'])
  await repo.git(['tag', '-a', 'v1', '-m', 'v1'])
  // Even with tags set to follow every push, only the branch goes.
  await repo.git(['config', 'push.followTags', 'true'])
  const home = await makeTempFolder()
  test = await makeTestBackend({ HOME: home, GIT_CONFIG_NOSYSTEM: '1' })
  const repoId = (await call<RepoView>('repos.add', { path: repo.dir })).id
  const draft = await call<ChangeDraftView>('change.start', { repoId, request: 'Fix the greeting', estimateMinutes: 10, mode: 'manual' })
  await repo.write('src/greet.js', "export const greet = (name) => 'Hello, ' + name\n")
  const applied = await call<ChangeDraftView>('change.apply', {
    draftId: draft.draftId,
    acceptedPaths: ['src/greet.js'],
    message: 'Fix the greeting\n\nThe greeting said "Helo".',
  })
  return { draft: applied, branch: applied.applied!.branch }
}

const lines = (text: string) => text.trim().split('\n').sort()
const refsOf = async (builder: RepoBuilder) => builder.git(['for-each-ref', '--format=%(refname) %(objectname)'])
/** What a push could change in the clone: its refs and its own config. */
const cloneState = async () => `${await refsOf(repo!)}\n${await repo!.git(['config', '--local', '--list'])}`

async function open(draft: ChangeDraftView, branch: string): Promise<Outcome<PullRequestOpened>> {
  const text = await call<PullRequestDraft>('change.pullRequestDraft', { draftId: draft.draftId })
  return dispatch<PullRequestOpened>('change.openPullRequest', { draftId: draft.draftId, branch, title: text.title, body: text.body })
}

async function expectNothingChanged(draft: ChangeDraftView, branch: string): Promise<GembaErrorData> {
  const before = { clone: await cloneState(), remote: await refsOf(bare!) }
  const result = await open(draft, branch)
  if (result.ok) throw new Error('the push went through')
  expect({ clone: await cloneState(), remote: await refsOf(bare!) }).toEqual(before)
  expect(JSON.stringify(result.error)).not.toContain(PASSWORD)
  return result.error
}

describe('opening a pull request', () => {
  it('pushes only the Gemba branch to a bare remote by its path, and says so', async () => {
    const { draft, branch } = await landAChange((dir) => dir)
    const before = await refsOf(bare!)
    const text = await call<PullRequestDraft>('change.pullRequestDraft', { draftId: draft.draftId })
    expect(text).toMatchObject({
      branch,
      base: 'main',
      remote: { name: 'origin', url: bare!.dir },
      host: null,
      blocked: null,
      opened: null,
    })
    expect(text.title).toBe('Fix the greeting')
    expect(text.body).toContain('The greeting said "Helo".')
    expect(text.body).toContain('`src/greet.js` (modified, +1 −1)')
    expect(text.body).toContain('have not been run on this change')
    expect(text.body).toMatch(/Made in a Gemba hour/)

    const opened = await call<PullRequestOpened>('change.openPullRequest', {
      draftId: draft.draftId,
      branch,
      title: 'Fix it',
      body: 'Edited.',
    })
    const commit = draft.applied!.commit
    expect(opened).toEqual({
      branch,
      remote: 'origin',
      status: 'pushed',
      commit,
      host: null,
      url: null,
      textInUrl: false,
      opened: false,
      command: `git push origin ${branch}`,
    })
    // The remote gained exactly that branch at that commit: not private-work, not the tag.
    expect(lines(await refsOf(bare!))).toEqual(lines(`${before}refs/heads/${branch} ${commit}\n`))
    // The clone knows it is pushed, so Gemba will not delete it now; pressing again is harmless.
    expect((await failure('change.discardBranch', { draftId: draft.draftId })).code).toBe('refused')
    expect((await call<PullRequestOpened>('change.openPullRequest', { draftId: draft.draftId, branch, title: 't', body: '' })).status).toBe(
      'up_to_date',
    )
    expect((await call<PullRequestDraft>('change.pullRequestDraft', { draftId: draft.draftId })).opened).toMatchObject({ branch })
  })

  it('pushes over HTTP with the credentials in the remote’s URL, and never shows them', async () => {
    const { draft, branch } = await landAChange((dir) => dir)
    server = await startGitHttpServer({ projectRoot: join(bare!.dir, '..'), auth: { user: 'leader', password: PASSWORD } })
    await repo!.git(['remote', 'set-url', 'origin', `http://leader:${PASSWORD}@${server.url.slice('http://'.length)}/shop.git`])
    const text = await call<PullRequestDraft>('change.pullRequestDraft', { draftId: draft.draftId })
    expect(text.remote).toEqual({ name: 'origin', url: `${server.url}/shop.git` })
    const result = await open(draft, branch)
    expect(result).toMatchObject({ ok: true, value: { status: 'pushed', branch } })
    expect(JSON.stringify([text, result])).not.toContain(PASSWORD)
    expect(await bare!.git(['rev-parse', `refs/heads/${branch}`])).toBe(`${draft.applied!.commit}\n`)
    expect(server.requests.some((line) => line.startsWith('POST /shop.git/git-receive-pack'))).toBe(true)
  })

  it('says the credentials were refused (none, or the wrong ones), and changes nothing', async () => {
    const { draft, branch } = await landAChange((dir) => dir)
    server = await startGitHttpServer({ projectRoot: join(bare!.dir, '..'), auth: { user: 'leader', password: 'the-right-one' } })
    const host = server.url.slice('http://'.length)
    await repo!.git(['remote', 'set-url', 'origin', `${server.url}/shop.git`])
    const none = await expectNothingChanged(draft, branch)
    expect(none).toMatchObject({ code: 'auth_failed', message: 'origin did not accept your credentials, so nothing was pushed.' })
    await repo!.git(['remote', 'set-url', 'origin', `http://leader:${PASSWORD}@${host}/shop.git`])
    const wrong = await expectNothingChanged(draft, branch)
    expect(wrong.code).toBe('auth_failed')
  })

  it('says a hook on the server said no, with what it said, and changes nothing', async () => {
    const { draft, branch } = await landAChange((dir) => dir)
    await hook(bare!, 'echo "push refused: every commit needs a ticket id" >&2\nexit 1\n')
    const error = await expectNothingChanged(draft, branch)
    expect(error).toEqual({
      code: 'refused',
      message: `origin refused ${branch}: a check on the server (a hook) said no, so nothing was pushed.`,
      next: 'The server said: “push refused: every commit needs a ticket id”',
    })
  })

  it('says the branch is protected when the server says so (over HTTP), and changes nothing', async () => {
    const { draft, branch } = await landAChange((dir) => dir)
    server = await startGitHttpServer({ projectRoot: join(bare!.dir, '..') })
    await repo!.git(['remote', 'set-url', 'origin', `${server.url}/shop.git`])
    await hook(bare!, 'echo "error: GH006: Protected branch update failed for refs/heads/gemba." >&2\nexit 1\n')
    const error = await expectNothingChanged(draft, branch)
    expect(error.message).toBe(`origin refused ${branch} because branches like it are protected there, so nothing was pushed.`)
  })

  it('never forces: a different branch of that name on the remote is left alone', async () => {
    const { draft, branch } = await landAChange((dir) => dir)
    const tree = (await bare!.git(['rev-parse', 'main^{tree}'])).trim()
    const other = (await bare!.git(['commit-tree', tree, '-p', 'main', '-m', 'Someone else’s'], LEADER)).trim()
    await bare!.git(['update-ref', `refs/heads/${branch}`, other])
    const error = await expectNothingChanged(draft, branch)
    expect(error).toMatchObject({
      code: 'conflict',
      message: `origin already has a different ${branch}, and Gemba never force-pushes, so nothing was pushed.`,
    })
    expect(await bare!.git(['rev-parse', `refs/heads/${branch}`])).toBe(`${other}\n`)
  })

  it('says when nothing answers at the remote’s address, and changes nothing', async () => {
    const { draft, branch } = await landAChange((dir) => dir)
    const closed = await startGitHttpServer({ projectRoot: join(bare!.dir, '..') })
    await closed.close()
    await repo!.git(['remote', 'set-url', 'origin', `${closed.url}/shop.git`])
    const error = await expectNothingChanged(draft, branch)
    expect(error).toMatchObject({ code: 'network', message: 'Gemba could not reach 127.0.0.1, so nothing was pushed.' })
  })

  it('without a remote: the draft says why it cannot be pushed, and a press changes nothing', async () => {
    const { draft, branch } = await landAChange(null)
    const text = await call<PullRequestDraft>('change.pullRequestDraft', { draftId: draft.draftId })
    expect(text).toMatchObject({ remote: null, blocked: `This repository has no remote, so there is nowhere to push ${branch}.` })
    const error = await expectNothingChanged(draft, branch)
    expect(error.code).toBe('not_found')
  })

  it('pushes nothing but the change’s own Gemba branch, whatever the page asks', async () => {
    const { draft, branch } = await landAChange((dir) => dir)
    const before = await refsOf(bare!)
    for (const asked of ['main', 'private-work', 'refs/heads/main', '+gemba/2026-01-01-x', 'gemba/x:refs/heads/main', '--force']) {
      const error = await failure('change.openPullRequest', { draftId: draft.draftId, branch: asked, title: 't', body: '' })
      expect(error.code, asked).toBe('invalid_input')
    }
    const another = await failure('change.openPullRequest', {
      draftId: draft.draftId,
      branch: 'gemba/2020-01-01-other',
      title: 't',
      body: '',
    })
    expect(another).toMatchObject({ code: 'refused', message: `Gemba pushes only the branch this change landed on (${branch}).` })
    expect(await refsOf(bare!)).toBe(before)
  })
})

describe('the new pull request’s page, on the desktop', () => {
  /** A change landed in the harness's greeter, whose remote is a GitHub address git rewrites to a local bare repository. */
  async function landed(openExternal: (url: string) => Promise<void>) {
    bare = await buildRepo({ bare: true })
    const home = await makeTempFolder()
    const harness = await makeHarness({
      baseUrl: null,
      deps: { openExternal, gitEnv: { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' } },
    })
    const signal = new AbortController().signal
    await harness.repo.git(['config', 'user.name', 'Leader Person'])
    await harness.repo.git(['config', 'user.email', 'leader@example.com'])
    await harness.repo.git(['remote', 'add', 'origin', 'https://x-access-token:' + PASSWORD + '@github.com/acme/greeter.git'])
    await harness.repo.git(['config', `url.${bare.dir}.insteadOf`, `https://x-access-token:${PASSWORD}@github.com/acme/greeter.git`])
    const draft = await harness.service.start(
      { repoId: harness.repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'manual' },
      signal,
      recordedProgress(),
    )
    await harness.repo.write('src/greet.js', "export function greet(name) {\n  return 'Hello, ' + name + '!'\n}\n")
    const applied = await harness.service.apply(
      { draftId: draft.draftId, acceptedPaths: ['src/greet.js'], message: 'Fix the typo' },
      signal,
      recordedProgress(),
    )
    return { harness, draftId: draft.draftId, branch: applied.applied!.branch, signal }
  }

  it('opens only an https page on the remote’s host, with the edited text in its address', async () => {
    const asked: string[] = []
    const { harness, draftId, branch, signal } = await landed(async (url) => void asked.push(url))
    try {
      const text = await harness.service.pullRequestDraft({ draftId })
      expect(text).toMatchObject({ host: 'github', remote: { name: 'origin', url: 'https://github.com/acme/greeter.git' } })
      const opened = await harness.service.openPullRequest(
        { draftId, branch, title: 'Fix the typo', body: 'Edited by the leader.' },
        signal,
      )
      expect(opened).toMatchObject({ status: 'pushed', host: 'github', opened: true, textInUrl: true })
      expect(asked).toEqual([opened.url])
      const url = new URL(opened.url!)
      expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(`https://github.com/acme/greeter/compare/main...${branch}`)
      expect(url.searchParams.get('body')).toBe('Edited by the leader.')
      expect(JSON.stringify([text, opened])).not.toContain(PASSWORD)
      expect(await bare!.git(['rev-parse', `refs/heads/${branch}`])).toBe(`${(await harness.repo.git(['rev-parse', branch])).trim()}\n`)
    } finally {
      await harness.cleanup()
    }
  })

  it('still says the branch is pushed when the browser will not open, and links to the page', async () => {
    const { harness, draftId, branch, signal } = await landed(async () => {
      throw new Error('no browser')
    })
    try {
      const opened = await harness.service.openPullRequest({ draftId, branch, title: 'Fix the typo', body: '' }, signal)
      expect(opened).toMatchObject({ status: 'pushed', opened: false, url: expect.stringMatching(/^https:\/\/github\.com\//) })
    } finally {
      await harness.cleanup()
    }
  })
})

const LEADER = {
  GIT_AUTHOR_NAME: 'Someone',
  GIT_AUTHOR_EMAIL: 's@example.com',
  GIT_COMMITTER_NAME: 'Someone',
  GIT_COMMITTER_EMAIL: 's@example.com',
}

async function hook(remote: RepoBuilder, script: string): Promise<void> {
  const path = join(remote.dir, 'hooks', 'pre-receive')
  await writeFile(path, `#!/bin/sh\n${script}`)
  await chmod(path, 0o755)
}
