// The repository work done in worker threads, so the backend's event loop never waits on a repository:
// one long-lived worker scans (it keeps the last scans in memory for fast rescans) and another reads
// repositories' git state, so a description never queues behind a scan. The last scan and tour of each
// repository are kept here too: when the worker's answer is the same cached scan, it sends only that
// fact, not the whole scan again. Never imports 'electron'.
import type { RepoEntry, RepoTour, RepoView, ScanResult } from '../../../../shared/models/repos.ts'
import type { GitConfigHome } from '../../git/git-layer.ts'
import type { ListingOptions } from '../describe-repo.ts'
import type { PhaseBudgets } from '../scan/phase-budget.ts'
import { workerEntryUrl } from '../scan/parse-worker-url.ts'
import type { RepoWorkerData } from './repo-worker-protocol.ts'
import type { ProgressReporter, RepoWork, ScanRequest } from './repo-work.ts'
import { WorkerLane, type JobAnswer } from './worker-lane.ts'

export interface WorkerRepoWorkOptions {
  readonly cacheFolder: string
  /** False scans without import edges (default true). */
  readonly parse?: boolean
  readonly grammarDir?: string
  readonly historyLimit?: number
  readonly parseWorkers?: number
  readonly budgets?: Partial<PhaseBudgets>
  /** The hard cap on one scan, past every phase budget (default 10 minutes). */
  readonly scanCapMs?: number
  /** How long a cancelled job may take to stop before its worker is terminated (default 2 s). */
  readonly graceMs?: number
  /** The worker's code (default: repo-worker beside this module, or in the bundle). */
  readonly url?: URL
  /** Where the leader's global git config and ignore file are (what `git status` reads besides the repository). */
  readonly configHome?: GitConfigHome
}

/** Kept per repository: the last answer and the scan cache key it was computed from. */
interface Kept<T> {
  readonly key: string
  readonly value: T
}

const KEPT = 2
/** Young generation of the workers (V8 gives it three semi-spaces: 4 MB each). */
const YOUNG_GENERATION_MB = 12

export class WorkerRepoWork implements RepoWork {
  private readonly scans: WorkerLane
  private readonly views: WorkerLane
  private readonly lastScans = new Map<string, Kept<ScanResult>>()
  private readonly lastTours = new Map<string, Kept<RepoTour>>()

  constructor(options: WorkerRepoWorkOptions) {
    const url = options.url ?? workerEntryUrl(import.meta.url, 'repo-worker')
    const data: RepoWorkerData = {
      cacheFolder: options.cacheFolder,
      parse: options.parse ?? true,
      ...(options.grammarDir ? { grammarDir: options.grammarDir } : {}),
      ...(options.historyLimit ? { historyLimit: options.historyLimit } : {}),
      ...(options.parseWorkers !== undefined ? { parseWorkers: options.parseWorkers } : {}),
      ...(options.budgets ? { budgets: options.budgets } : {}),
      ...(options.configHome ? { configHome: options.configHome } : {}),
    }
    const graceMs = options.graceMs ?? 2_000
    this.scans = new WorkerLane({
      url,
      workerData: data,
      // A small young generation: a scan allocates (and drops) hundreds of MB of file text, and V8 would
      // otherwise grow it to tens of MB per semi-space (measured: peak RSS 450 → 300 MB, the same CPU).
      resourceLimits: { maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      graceMs,
      capMs: options.scanCapMs ?? 10 * 60_000,
      name: 'scan',
    })
    this.views = new WorkerLane({
      url,
      workerData: { ...data, parse: false },
      resourceLimits: { maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      graceMs,
      capMs: 2 * 60_000,
      name: 'reading of the repository',
    })
  }

  async scan(request: ScanRequest, signal: AbortSignal, onProgress?: ProgressReporter): Promise<ScanResult> {
    // Forced: what is kept of the last scan is let go now rather than held beside the new one.
    if (request.force) this.forgetKept(request.repoId)
    const kept = this.lastScans.get(request.repoId)
    const answer = await this.scans.run({ kind: 'scan', request, known: kept?.key ?? null }, signal, onProgress)
    // 'same' answers only the key it was given: the scan kept here.
    if ('same' in answer && kept) return { ...kept.value, timings: answer.timings, cache: { ...kept.value.cache, hit: true } }
    return remember(this.lastScans, request.repoId, answer)
  }

  async tour(request: ScanRequest, signal: AbortSignal, onProgress?: ProgressReporter): Promise<RepoTour> {
    if (request.force) this.forgetKept(request.repoId)
    const kept = this.lastTours.get(request.repoId)
    const answer = await this.scans.run({ kind: 'tour', request, known: kept?.key ?? null }, signal, onProgress)
    if ('same' in answer && kept) return kept.value
    return remember(this.lastTours, request.repoId, answer)
  }

  async describe(entry: RepoEntry, signal: AbortSignal, options: ListingOptions = {}): Promise<RepoView> {
    return valueOf<RepoView>(await this.views.run({ kind: 'describe', entry, options }, signal))
  }

  async forget(repoId: string): Promise<void> {
    this.forgetKept(repoId)
    await this.scans.run({ kind: 'forget', repoId }, new AbortController().signal)
  }

  async settled(): Promise<void> {
    if (this.scans.alive) await this.scans.run({ kind: 'settle' }, new AbortController().signal)
  }

  /** Lets the scan cache writes under way finish (within `graceMs`), then stops both workers. */
  async dispose(graceMs = 5_000): Promise<void> {
    this.lastScans.clear()
    this.lastTours.clear()
    if (this.scans.alive) {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), graceMs)
      await this.scans.run({ kind: 'settle' }, controller.signal).catch(() => undefined)
      clearTimeout(timer)
    }
    await Promise.all([this.scans.terminate(), this.views.terminate()])
  }

  private forgetKept(repoId: string): void {
    this.lastScans.delete(repoId)
    this.lastTours.delete(repoId)
  }

  /** Workers started so far, scans and descriptions (a test can tell a restart). */
  get workersStarted(): { readonly scans: number; readonly views: number } {
    return { scans: this.scans.started, views: this.views.started }
  }
}

function valueOf<T>(answer: JobAnswer): T {
  if (!('value' in answer)) throw new Error('the worker answered with a scan this side does not hold')
  return answer.value as T
}

function remember<T>(kept: Map<string, Kept<T>>, repoId: string, answer: JobAnswer): T {
  const value = valueOf<T>(answer)
  kept.delete(repoId)
  if ('key' in answer && answer.key) kept.set(repoId, { key: answer.key, value })
  while (kept.size > KEPT) kept.delete(kept.keys().next().value ?? '')
  return value
}
