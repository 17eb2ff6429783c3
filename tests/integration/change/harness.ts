// Builds a ChangeService the way the backend does, over a real RepoService, a real git repository
// (the greeter the fake server's small-change script knows) and the real SDK against the fake server.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createAnthropicSdk } from '../../../electron/services/ai/client/ai-client.ts'
import { changePrefs } from '../../../electron/services/change/change-prefs.ts'
import { ChangeService, type ChangeServiceDeps } from '../../../electron/services/change/change-service.ts'
import { RepoService } from '../../../electron/services/repos/repo-service.ts'
import type { RepoEntry } from '../../../shared/models/repos.ts'
import { unwatched } from '../../../electron/services/events-port.ts'
import { GREETER_FILES } from '../../fixtures/fake-anthropic/small-change-script.ts'
import { buildRepo, RepoBuilder } from '../../fixtures/repo-builder.ts'
import { unsavedSpending } from '../../fixtures/spending.ts'

export interface Harness {
  readonly repo: RepoBuilder
  readonly repoId: string
  readonly service: ChangeService
  /** The repositories service the change service reads through (the repository list's view of the clone). */
  readonly repos: RepoService
  readonly prefs: Map<string, unknown>
  readonly recorded: { sessionId: string; patch: Record<string, unknown> }[]
  cleanup(): Promise<void>
}

export async function makeHarness(options: {
  baseUrl: string | null
  deps?: Partial<ChangeServiceDeps>
  /** Work in a linked worktree of the greeter (on branch "linked") instead of its main checkout. */
  linkedWorktree?: boolean
}): Promise<Harness & { main: RepoBuilder }> {
  const main = await buildRepo()
  await main.files(GREETER_FILES)
  await main.commit('Greeter with a test')
  let repo = main
  if (options.linkedWorktree) {
    repo = new RepoBuilder(join(await mkdtemp(join(tmpdir(), 'gemba-linked-')), 'linked'))
    await main.git(['worktree', 'add', '-q', '-b', 'linked', repo.dir])
  }
  const home = await mkdtemp(join(tmpdir(), 'gemba-home-'))
  const cache = await mkdtemp(join(tmpdir(), 'gemba-cache-'))
  let entries: RepoEntry[] = []
  const repos = new RepoService({
    store: { load: async () => entries, save: async (next) => void (entries = [...next]) },
    cacheFolder: cache,
    createParser: async () => null,
  })
  const view = await repos.add({ path: repo.dir }, new AbortController().signal)
  const prefs = new Map<string, unknown>()
  const recorded: Harness['recorded'] = []
  const service = new ChangeService({
    repos: {
      info: (id, signal) => repos.info({ id }, signal),
      workingFiles: (id, leaveOut, signal) => repos.workingFiles({ id, leaveOut }, signal),
      scan: (id, signal) => repos.scan({ id }, signal, unwatched),
    },
    ai: async () => ({
      apiKey: options.baseUrl ? 'sk-ant-test-4444444444444444444444' : null,
      endpoint: options.baseUrl,
      model: 'claude-sonnet-5-5',
      contextTokens: 40_000,
    }),
    createSdk: createAnthropicSdk,
    spending: unsavedSpending(),
    prefs: changePrefs({ get: (key) => prefs.get(key), set: (key, value) => void prefs.set(key, value) }),
    session: { record: async (sessionId, patch) => void recorded.push({ sessionId, patch }) },
    home,
    testEnv: { PATH: process.env.PATH ?? '' },
    testToolsFolder: join(home, 'tools'),
    clientOptions: { maxRetries: 0 },
    ...options.deps,
  })
  return {
    repo,
    main,
    repoId: view.id,
    service,
    repos,
    prefs,
    recorded,
    async cleanup() {
      await service.dispose()
      await repos.dispose()
      await main.cleanup()
      if (repo !== main) await rm(dirname(repo.dir), { recursive: true, force: true })
      await rm(home, { recursive: true, force: true })
      await rm(cache, { recursive: true, force: true })
    },
  }
}
