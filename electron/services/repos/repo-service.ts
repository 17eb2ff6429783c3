// The repos domain: add, list, remove and describe repositories, scan them and give the offline tour.
// Serves shared/channels/repos.ts. Plain Node (never imports 'electron'); its store, cache folder,
// clock, ids and code parser come in through the constructor.
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { EventMap } from '../../../shared/api.ts'
import type { reposChannels } from '../../../shared/channels/repos.ts'
import type { CallContext, ServiceFor } from '../../../shared/contract.ts'
import { GembaError } from '../../../shared/errors.ts'
import type { RepoEntry, RepoTour, RepoView, ScanResult } from '../../../shared/models/repos.ts'
import type { CodeParser } from './parse/code-parser.ts'
import { describeRepo } from './git/describe-repo.ts'
import { locateRepo } from './git/locate-repo.ts'
import type { RepoStore } from './repo-store.ts'
import { ScanCache } from './scan/scan-cache.ts'
import { ScanMemory } from './scan/scan-memory.ts'
import { scanRepo } from './scan/scan-repo.ts'
import { moduleDiagram } from './tour/module-diagram.ts'
import { buildTour } from './tour/tour-markdown.ts'

export interface RepoServiceDeps {
  readonly store: RepoStore
  readonly cacheFolder: string
  readonly clock?: () => Date
  readonly newId?: () => string
  /** Creates the code parser once, on first scan; null (or a failure) scans without import edges. */
  readonly createParser?: () => Promise<CodeParser | null>
  readonly historyLimit?: number
}

type Ctx = CallContext<EventMap>

export class RepoService implements ServiceFor<typeof reposChannels, EventMap> {
  private readonly deps: RepoServiceDeps
  private parser: Promise<CodeParser | null> | undefined
  /** The last scans, so a rescan after a commit takes over what did not change without reading the disk cache. */
  private readonly memory = new ScanMemory()

  constructor(deps: RepoServiceDeps) {
    this.deps = deps
  }

  async list(_input: Record<string, never>, ctx: Ctx): Promise<RepoView[]> {
    const entries = await this.deps.store.load()
    const views: RepoView[] = []
    for (const entry of entries) views.push(await describeRepo(entry, {}, ctx.signal))
    return views
  }

  async add(input: { path: string }, ctx: Ctx): Promise<RepoView> {
    const { root } = await locateRepo(input.path)
    const entries = await this.deps.store.load()
    const existing = entries.find((entry) => entry.path === root)
    if (existing) return describeRepo(existing, {}, ctx.signal)
    const entry: RepoEntry = {
      id: this.deps.newId?.() ?? randomUUID(),
      path: root,
      name: uniqueName(basename(root), entries),
      addedAt: this.now().toISOString(),
    }
    await this.deps.store.save([...entries, entry])
    return describeRepo(entry, {}, ctx.signal)
  }

  async remove(input: { id: string }): Promise<{ removed: boolean }> {
    const entries = await this.deps.store.load()
    const remaining = entries.filter((entry) => entry.id !== input.id)
    if (remaining.length === entries.length) return { removed: false }
    await this.deps.store.save(remaining)
    this.memory.forget(input.id)
    // A cache write still under way would bring the folder back after it is cleared.
    await this.memory.settled()
    await new ScanCache(this.deps.cacheFolder, input.id).clear()
    return { removed: true }
  }

  async info(input: { id: string }, ctx: Ctx): Promise<RepoView> {
    return describeRepo(await this.entry(input.id), {}, ctx.signal)
  }

  async scan(input: { id: string; force?: boolean | undefined }, ctx: Ctx): Promise<ScanResult> {
    const entry = await this.entry(input.id)
    return this.scanEntry(entry, input.force ?? false, ctx)
  }

  async tour(input: { id: string }, ctx: Ctx): Promise<RepoTour> {
    const scan = await this.scanEntry(await this.entry(input.id), false, ctx)
    const tour = buildTour(scan)
    return {
      markdown: tour.markdown,
      mermaid: moduleDiagram(scan),
      moduleGraph: scan.moduleGraph,
      moduleSections: tour.sections,
      computedFrom: 'repository',
      headCommit: scan.headCommit,
    }
  }

  /** Scans a path that need not be in the list (the CLI uses this). */
  async scanPath(path: string, ctx: Ctx, force = false): Promise<ScanResult> {
    const { root } = await locateRepo(path)
    const id = `path-${Buffer.from(root).toString('base64url').slice(-40)}`
    return this.scanEntry({ id, path: root, name: basename(root), addedAt: this.now().toISOString() }, force, ctx)
  }

  private async scanEntry(entry: RepoEntry, force: boolean, ctx: Ctx): Promise<ScanResult> {
    try {
      return await scanRepo(
        {
          repoId: entry.id,
          path: entry.path,
          force,
          signal: ctx.signal,
          onProgress: (phase, done, total) => ctx.emit('repos.scanProgress', { callId: ctx.callId, repoId: entry.id, phase, done, total }),
        },
        {
          cacheFolder: this.deps.cacheFolder,
          clock: () => this.now(),
          parser: () => this.codeParser(),
          memory: this.memory,
          ...(this.deps.historyLimit ? { historyLimit: this.deps.historyLimit } : {}),
        },
      )
    } catch (error) {
      if (ctx.signal.aborted) throw new GembaError({ code: 'cancelled', message: 'The scan was cancelled.' }, { cause: error })
      throw error
    }
  }

  /** Waits for the scan cache writes still under way (they are written behind the results), then frees
   * the code parser (its WebAssembly memory); a later scan creates another. */
  async dispose(): Promise<void> {
    await this.memory.settled()
    const parser = await this.parser
    this.parser = undefined
    parser?.dispose()
  }

  private codeParser(): Promise<CodeParser | null> {
    this.parser ??= (this.deps.createParser?.() ?? Promise.resolve(null)).catch(() => null)
    return this.parser
  }

  private async entry(id: string): Promise<RepoEntry> {
    const entry = (await this.deps.store.load()).find((candidate) => candidate.id === id)
    if (!entry) {
      throw new GembaError({ code: 'not_found', message: 'That repository is not in your list.', next: 'Add it again by its folder.' })
    }
    return entry
  }

  private now(): Date {
    return this.deps.clock?.() ?? new Date()
  }
}

function uniqueName(name: string, entries: readonly RepoEntry[]): string {
  const taken = new Set(entries.map((entry) => entry.name))
  if (!taken.has(name)) return name
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`
}
