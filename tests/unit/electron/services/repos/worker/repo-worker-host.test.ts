// Repository work in worker threads gives what the same work gives on this thread: the scan (with its
// progress), a rescan answered from the copy kept here, the tour with what stopped at its budget, a
// repository's state; a cancelled scan answers at once; forgetting a repository clears its cache. And
// the worker's code is a build entry, so the packaged app finds it beside the bundle.
import { existsSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import config from '../../../../../../electron.vite.config.ts'
import { workerEntryUrl } from '../../../../../../electron/services/repos/scan/parse-worker-url.ts'
import { RepoJobs } from '../../../../../../electron/services/repos/worker/repo-jobs.ts'
import { WorkerRepoWork } from '../../../../../../electron/services/repos/worker/repo-worker-host.ts'
import { buildRepo, makeTempFolder, type RepoBuilder } from '../../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder
let cacheFolder: string
beforeAll(async () => {
  repo = await buildRepo()
  await repo.files({
    'README.md': '# Shop\n\nA small shop service that sells widgets to other teams over HTTP.\n',
    'package.json': JSON.stringify({ name: 'shop', main: 'src/server.ts' }),
    'src/server.ts': "import { route } from './routes.ts'\nexport const app = route()\n",
    'src/routes.ts': 'export function route() { return 1 }\n',
  })
  await repo.commit('init')
  cacheFolder = await makeTempFolder()
})
afterAll(async () => {
  await repo.cleanup()
  await rm(cacheFolder, { recursive: true, force: true })
})

const request = (force = false) => ({ repoId: 'shop', path: repo.dir, name: 'shop', force })
const never = () => new AbortController().signal

describe('WorkerRepoWork', () => {
  it('scans in a worker exactly as this thread does, and answers a rescan from the copy it kept', async () => {
    const work = new WorkerRepoWork({ cacheFolder: join(cacheFolder, 'worker') })
    const here = new RepoJobs({ cacheFolder: join(cacheFolder, 'here'), createParser: async () => null })
    try {
      const phases = new Set<string>()
      const scan = await work.scan(request(true), never(), (phase) => phases.add(phase))
      expect(scan.fileEdges).toEqual([{ from: 'src/server.ts', to: 'src/routes.ts' }])
      expect(phases).toEqual(new Set(['files', 'parse', 'manifests', 'modules', 'history', 'rank', 'cache']))
      const again = await work.scan(request(), never())
      expect(again.cache.hit).toBe(true)
      expect({ ...again, timings: {}, cache: {} }).toEqual({ ...scan, timings: {}, cache: {} })
      // The same repository scanned on this thread without a parser: the same files and facts.
      const local = await here.scan(request(true), never())
      expect(local.files).toEqual(scan.files)
      expect(local.project).toEqual(scan.project)
      await expect(work.describe({ id: 'shop', path: repo.dir, name: 'shop', addedAt: '' }, never())).resolves.toMatchObject({
        state: 'clean',
        branch: 'main',
      })
    } finally {
      await Promise.all([work.dispose(), here.dispose()])
    }
  })

  it('builds the tour with the sentence for what stopped at its budget', async () => {
    const work = new WorkerRepoWork({ cacheFolder: join(cacheFolder, 'budget'), budgets: { history: 0 } })
    try {
      const tour = await work.tour(request(true), never())
      expect(tour.shortfall).toBe(
        'To stay quick, the scan stopped reading history after 0 ms (0 commits), so this tour shows what it had read by then; Rescan to try again.',
      )
      expect(tour.markdown).toContain(tour.shortfall)
    } finally {
      await work.dispose()
    }
  })

  it('answers a cancelled scan at once and forgets a repository with its cache', async () => {
    const folder = join(cacheFolder, 'forget')
    const work = new WorkerRepoWork({ cacheFolder: folder })
    try {
      const controller = new AbortController()
      const cancelled = work.scan(request(true), controller.signal)
      controller.abort()
      await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' })
      await work.scan(request(true), never())
      // The cache is written behind the answer.
      await vi.waitFor(async () => expect(await readdir(join(folder, 'shop'))).toContain('scan.json'))
      await work.forget('shop')
      expect(existsSync(join(folder, 'shop'))).toBe(false)
    } finally {
      await work.dispose()
    }
  })

  it('runs the worker beside it from source, and the build writes it beside the bundle', () => {
    const host = new URL('../../../../../../electron/services/repos/worker/repo-worker-host.ts', import.meta.url)
    expect(workerEntryUrl(host.href, 'repo-worker').href).toBe(
      new URL('../../../../../../electron/services/repos/worker/repo-worker.ts', import.meta.url).href,
    )
    const main = (config as { main?: { build?: { rollupOptions?: { input?: Record<string, string> } } } }).main
    const bundled = workerEntryUrl('file:///app/out/main/main.js', 'repo-worker', () => false)
    expect(bundled.href).toBe('file:///app/out/main/repo-worker.js')
    expect(main?.build?.rollupOptions?.input?.['repo-worker']).toMatch(/electron[\\/]services[\\/]repos[\\/]worker[\\/]repo-worker\.ts$/)
  })
})
