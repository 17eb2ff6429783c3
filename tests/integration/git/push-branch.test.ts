// The git layer's push of a Gemba branch with the system git: refused before git runs for anything
// but a Gemba branch present here and a plainly named remote; against a remote that takes the
// connection and never answers, it ends within its time bound or on cancel, its process group killed,
// and the clone is as it was.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openRepository, type GitRepo } from '../../../electron/services/git/repository.ts'
import { pushGembaBranch, type PushRequest } from '../../../electron/services/git/push-branch.ts'
import { GembaError } from '../../../shared/errors.ts'
import { runBounded } from '../../fixtures/bounded-run.ts'
import { startGitHttpServer, type GitHttpServer } from '../../fixtures/git-http-server.ts'
import { buildRepo, makeTempFolder, type RepoBuilder } from '../../fixtures/repo-builder.ts'

const BRANCH = 'gemba/2026-12-07-fix-the-greeting'
let repo: RepoBuilder | undefined
let server: GitHttpServer | undefined
let opened: GitRepo | undefined

afterEach(async () => {
  opened?.close()
  await server?.close()
  await repo?.cleanup()
  repo = server = opened = undefined
})

async function clone(remoteUrl: string): Promise<PushRequest> {
  repo = await buildRepo()
  await repo.files({ 'a.txt': 'a\n' })
  await repo.commit('A')
  await repo.git(['branch', BRANCH])
  await repo.git(['remote', 'add', 'origin', remoteUrl])
  return {
    repo: (opened = await openRepository(repo.dir)),
    remote: { name: 'origin', url: remoteUrl },
    host: '127.0.0.1',
    branch: BRANCH,
    env: { PATH: process.env.PATH, HOME: await makeTempFolder(), GIT_CONFIG_NOSYSTEM: '1' },
    signal: new AbortController().signal,
    killGraceMs: 500,
  }
}

async function refused(request: PushRequest): Promise<GembaError> {
  const error = await pushGembaBranch(request).then(
    () => null,
    (thrown: unknown) => thrown,
  )
  if (!(error instanceof GembaError)) throw new Error(`expected a GembaError, got ${String(error)}`)
  return error
}

describe('pushGembaBranch', () => {
  it('refuses, before git runs, anything but a Gemba branch present here and a plain remote name', async () => {
    const request = await clone(join(await makeTempFolder(), 'nowhere.git'))
    await repo!.git(['branch', 'gemba/2026-12-07-other'])
    for (const branch of ['main', 'refs/heads/main', `+${BRANCH}`, `${BRANCH}:refs/heads/main`, 'gemba/../main', '--all'])
      expect((await refused({ ...request, branch })).code, branch).toBe('refused')
    expect((await refused({ ...request, remote: { name: '--mirror', url: request.remote.url } })).code).toBe('refused')
    expect((await refused({ ...request, branch: 'gemba/2026-12-07-gone' })).code).toBe('not_found')
  })

  it('says there is no git to push with when the PATH has none, and changes nothing', async () => {
    const request = await clone(join(await makeTempFolder(), 'nowhere.git'))
    const before = await repo!.git(['for-each-ref'])
    const error = await refused({ ...request, env: { PATH: join(request.repo.root, 'no-such-bin') } })
    expect(error).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^Gemba pushes with your own git, and there is no git/),
    })
    expect(await repo!.git(['for-each-ref'])).toBe(before)
  })

  it('ends a push the remote never answers within its time bound, and changes nothing', async () => {
    const probe = new URL('../../fixtures/silent-remote-push.ts', import.meta.url)
    await expect(runBounded(probe, 'pushToSilentRemote', [1_500], 20_000)).resolves.toEqual({
      code: 'timeout',
      message: 'The push to origin did not finish within 2 seconds, so Gemba stopped it.',
      refsKept: true,
      asked: true,
    })
  })

  it('ends a push on cancel, its helpers too', async () => {
    server = await startGitHttpServer({ projectRoot: await makeTempFolder(), hang: true })
    const request = await clone(`${server.url}/shop.git`)
    const controller = new AbortController()
    const pushing = refused({ ...request, signal: controller.signal })
    await expect.poll(() => server!.requests.length, { timeout: 10_000 }).toBeGreaterThan(0)
    controller.abort()
    expect((await pushing).code).toBe('cancelled')
    // git-remote-http held the connection: with the group killed, the server sees it close.
    await expect.poll(() => server!.connections(), { timeout: 10_000 }).toBe(0)
  })
})
