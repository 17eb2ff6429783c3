// What the repository worker does, on whichever thread it is given: scans (keeping the last ones in
// memory for fast rescans), tours built from them, and descriptions of a repository's git state. The
// worker (repo-worker.ts) runs one of these; tests and the bench's baseline call one directly. Errors
// leave as GembaErrors (cancelled, or mapped from git), so both paths fail alike. Never imports 'electron'.
import { GembaError } from '../../../../shared/errors.ts'
import type { RepoEntry, RepoTour, RepoView, ScanResult } from '../../../../shared/models/repos.ts'
import { shortfallSentence } from '../../../../shared/scan-shortfall.ts'
import { mapGitError, type GitConfigHome } from '../../git/git-layer.ts'
import { describeRepo, type ListingOptions, type TreeFilesMemo } from '../describe-repo.ts'
import type { CodeParser } from '../parse/code-parser.ts'
import type { PhaseBudgets } from '../scan/phase-budget.ts'
import { ScanCache } from '../scan/scan-cache.ts'
import { ScanMemory } from '../scan/scan-memory.ts'
import { scanRepo } from '../scan/scan-repo.ts'
import { moduleDiagram } from '../tour/module-diagram.ts'
import { buildTour } from '../tour/tour-markdown.ts'
import type { ProgressReporter, RepoWork, ScanRequest } from './repo-work.ts'

export interface RepoJobsDeps {
  readonly cacheFolder: string
  readonly clock?: () => Date
  /** Creates the code parser once, on the first scan; null (or a failure) scans without import edges. */
  readonly createParser?: () => Promise<CodeParser | null>
  readonly historyLimit?: number
  /** Parse workers next to this thread on big repositories (scan-repo.ts; default 1). */
  readonly parseWorkers?: number
  readonly budgets?: Partial<PhaseBudgets>
  /** Where the leader's global git config and ignore file are (what `git status` reads besides the repository). */
  readonly configHome?: GitConfigHome
}

export class RepoJobs implements RepoWork {
  private readonly deps: RepoJobsDeps
  private parser: Promise<CodeParser | null> | undefined
  /** The last scans, so a rescan after a commit takes over what did not change without reading the disk cache. */
  private readonly memory = new ScanMemory()
  /** HEAD's tree flattened, by tree id (content-addressed: never stale), for describing the same HEAD again. */
  private readonly trees = treeMemo()

  constructor(deps: RepoJobsDeps) {
    this.deps = deps
  }

  async scan(request: ScanRequest, signal: AbortSignal, onProgress?: ProgressReporter): Promise<ScanResult> {
    try {
      return await scanRepo(
        { repoId: request.repoId, path: request.path, force: request.force, signal, ...(onProgress ? { onProgress } : {}) },
        {
          cacheFolder: this.deps.cacheFolder,
          clock: this.deps.clock ?? (() => new Date()),
          parser: () => this.codeParser(),
          memory: this.memory,
          ...(this.deps.historyLimit ? { historyLimit: this.deps.historyLimit } : {}),
          ...(this.deps.parseWorkers !== undefined ? { parseWorkers: this.deps.parseWorkers } : {}),
          ...(this.deps.budgets ? { budgets: this.deps.budgets } : {}),
        },
      )
    } catch (error) {
      if (signal.aborted) throw new GembaError({ code: 'cancelled', message: 'The scan was cancelled.' }, { cause: error })
      throw mapGitError(error, `scan ${request.name}`)
    }
  }

  async tour(request: ScanRequest, signal: AbortSignal, onProgress?: ProgressReporter): Promise<RepoTour> {
    return tourOf(await this.scan(request, signal, onProgress))
  }

  async describe(entry: RepoEntry, signal: AbortSignal, options: ListingOptions = {}): Promise<RepoView> {
    return describeRepo(entry, signal, this.trees, { ...options, configHome: this.deps.configHome ?? null })
  }

  async forget(repoId: string): Promise<void> {
    this.memory.forget(repoId)
    // A cache write still under way would bring the folder back after it is cleared.
    await this.memory.settled()
    await new ScanCache(this.deps.cacheFolder, repoId).clear()
  }

  async settled(): Promise<void> {
    await this.memory.settled()
  }

  /** Waits for the scan cache writes under way, then frees the code parser (its WebAssembly memory). */
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
}

/** The offline tour of a scan: Markdown, the module map, and the sentence for parts that stopped early. */
export function tourOf(scan: ScanResult): RepoTour {
  const tour = buildTour(scan)
  return {
    markdown: tour.markdown,
    mermaid: moduleDiagram(scan),
    moduleGraph: scan.moduleGraph,
    moduleSections: tour.sections,
    computedFrom: 'repository',
    headCommit: scan.headCommit,
    shortfall: shortfallSentence(scan.shortfalls),
  }
}

/** The last two HEAD trees read (a repository's, and another's or its previous). */
function treeMemo(): TreeFilesMemo {
  const kept = new Map<string, Promise<Awaited<ReturnType<Parameters<TreeFilesMemo>[2]>>>>()
  return (gitdir, tree, read) => {
    const key = `${gitdir}\0${tree}`
    const known = kept.get(key)
    if (known) return known
    const reading = read()
    kept.set(key, reading)
    // A tree that could not be read whole is not kept: the next description reads it again.
    reading.then(
      (files) => {
        if (files.unreadable.length > 0) kept.delete(key)
      },
      () => kept.delete(key),
    )
    while (kept.size > 2) kept.delete(kept.keys().next().value ?? '')
    return reading
  }
}
