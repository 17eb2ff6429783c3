// Faults: the repository changes on disk while RepoService.scan runs. The test acts synchronously from
// the scan's own progress events, at a known phase (no sleeps): the scan finishes (or fails with a
// clear GembaError), and the next scan is not served a stale cached result: it sees the new state.
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RepoService } from '../../../electron/services/repos/repo-service.ts'
import type { Progress } from '../../../electron/services/events-port.ts'
import { GembaError } from '../../../shared/errors.ts'
import type { RepoEntry, ScanPhase, ScanResult } from '../../../shared/models/repos.ts'
import { buildRepo, gitEnv, makeTempFolder, type RepoBuilder } from '../../fixtures/repo-builder.ts'

let repo: RepoBuilder
let cacheFolder: string
let service: RepoService
let repoId: string

beforeEach(async () => {
  repo = await buildRepo()
  await repo.files({
    'README.md': '# Shop\n\nA tiny shop.\n',
    'package.json': '{ "name": "shop", "scripts": { "test": "vitest" } }\n',
    'src/cart.ts': 'export const cart = []\n',
    'src/price.ts': 'export function price(n: number) {\n  return n\n}\n',
    'src/legacy.ts': 'export const old = 1\n',
  })
  await repo.commit('shop')
  cacheFolder = await makeTempFolder()
  let entries: RepoEntry[] = []
  service = new RepoService({
    store: { load: async () => entries, save: async (next) => void (entries = [...next]) },
    cacheFolder,
    createParser: async () => null,
  })
  repoId = (await service.add({ path: repo.dir }, signal)).id
})
afterEach(async () => {
  await service.dispose()
  await repo.cleanup()
  await rm(cacheFolder, { recursive: true, force: true })
})

const signal = new AbortController().signal

/** Runs `act` once, synchronously, at the n-th time the scan reports the start of `phase`. */
function progressAt(at?: { phase: ScanPhase; nth?: number; act: () => void }): Progress {
  let seen = 0
  return {
    report: (event, payload) => {
      if (!at || event !== 'repos.scanProgress') return
      const progress = payload as unknown as { phase: ScanPhase; done: number }
      if (progress.phase === at.phase && progress.done === 0 && ++seen === (at.nth ?? 1)) at.act()
    },
  }
}

/** git, synchronously (the progress callback cannot wait), with the builder's fixed identity. */
function gitSync(args: readonly string[]): void {
  execFileSync('git', args, {
    cwd: repo.dir,
    stdio: 'ignore',
    env: gitEnv(),
  })
}

const linesOf = (scan: ScanResult, path: string) => scan.files.find((file) => file.path === path)?.lines
const paths = (scan: ScanResult) => scan.files.map((file) => file.path).sort()

async function scanAgain(): Promise<ScanResult> {
  const next = await service.scan({ id: repoId }, signal, progressAt())
  expect(next.cache.hit).toBe(false)
  const third = await service.scan({ id: repoId }, signal, progressAt())
  expect(third.cache.hit).toBe(true)
  return next
}

describe('a repository changed on disk during a scan', () => {
  it('a file rewritten after it was read: the next scan reads it again', async () => {
    const during = await service.scan(
      { id: repoId },
      signal,
      progressAt({
        phase: 'parse',
        act: () =>
          writeFileSync(
            repo.path('src/price.ts'),
            'export function price(n: number) {\n  const tax = n * 0.2\n  return n + tax\n}\n// more\n',
          ),
      }),
    )
    expect(linesOf(during, 'src/price.ts')).toBe(3)
    expect(linesOf(await scanAgain(), 'src/price.ts')).toBe(5)
  })

  it('a commit made while the history is read: the scan finishes, the next one is at the new HEAD', async () => {
    const before = await repo.head()
    const during = await service.scan(
      { id: repoId },
      signal,
      progressAt({
        phase: 'history',
        act: () => {
          writeFileSync(repo.path('src/discount.ts'), 'export const discount = 0.1\n')
          gitSync(['add', '-A'])
          gitSync(['commit', '-q', '-m', 'discount'])
        },
      }),
    )
    expect([before, null]).not.toContain(await repo.head())
    const next = await scanAgain()
    expect(next.headCommit).toBe(await repo.head())
    expect(next.headCommit).not.toBe(during.headCommit)
    expect(paths(next)).toContain('src/discount.ts')
    expect(next.history.commitsRead).toBe(2)
  })

  it('a file deleted (git rm) just before the files are read: the scan finishes, the next one no longer lists it', async () => {
    const during = await service.scan(
      { id: repoId },
      signal,
      progressAt({ phase: 'files', nth: 2, act: () => gitSync(['rm', '-q', 'src/legacy.ts']) }),
    )
    // Read from the object database instead of the missing file: still the index the scan started from.
    expect(linesOf(during, 'src/legacy.ts')).toBe(1)
    expect(paths(await scanAgain())).not.toContain('src/legacy.ts')
  })

  it('a tracked file deleted without git after the key was taken: the next scan is not the cached one', async () => {
    const during = await service.scan({ id: repoId }, signal, progressAt({ phase: 'history', act: () => rmSync(repo.path('src/cart.ts')) }))
    // Tracked, so still listed (read from the object database); the point is that the key moved.
    expect((await scanAgain()).cache.key).not.toBe(during.cache.key)
  })

  it('the repository folder deleted mid-scan: the scan ends with a clear message, and nothing is cached', async () => {
    const error = await service
      .scan({ id: repoId }, signal, progressAt({ phase: 'history', act: () => rmSync(repo.dir, { recursive: true, force: true }) }))
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GembaError)
    expect((error as GembaError).toData()).toMatchObject({
      code: 'not_found',
      message: `The repository at ${repo.dir} disappeared while Gemba was scanning it.`,
      next: expect.stringMatching(/scan again/),
    })
    expect(await readdir(cacheFolder, { recursive: true })).not.toContainEqual(expect.stringMatching(/scan\.json$/))
  })
})
