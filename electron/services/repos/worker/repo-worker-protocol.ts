// The messages between the repository worker (repo-worker.ts) and its host (repo-worker-host.ts):
// plain data only, one shape per kind. Owns no behaviour.
import type { GembaErrorData } from '../../../../shared/errors.ts'
import type { RepoEntry, ScanPhase } from '../../../../shared/models/repos.ts'
import type { GitConfigHome } from '../../git/git-layer.ts'
import type { ListingOptions } from '../describe-repo.ts'
import type { PhaseBudgets } from '../scan/phase-budget.ts'
import type { ScanRequest } from './repo-work.ts'

/** What a worker is started with. */
export interface RepoWorkerData {
  readonly cacheFolder: string
  /** False scans without import edges (no code parser). */
  readonly parse: boolean
  /** Where the WebAssembly grammars are, when not in node_modules (a packaged app). */
  readonly grammarDir?: string
  readonly historyLimit?: number
  readonly parseWorkers?: number
  readonly budgets?: Partial<PhaseBudgets>
  /** Where the leader's global git config and ignore file are. */
  readonly configHome?: GitConfigHome
}

export type RepoJob =
  /** `known`: the cache key of the scan (or tour) the host already holds: an unchanged one is not sent again. */
  | { readonly kind: 'scan'; readonly request: ScanRequest; readonly known: string | null }
  | { readonly kind: 'tour'; readonly request: ScanRequest; readonly known: string | null }
  | { readonly kind: 'describe'; readonly entry: RepoEntry; readonly options: ListingOptions }
  | { readonly kind: 'forget'; readonly repoId: string }
  /** Resolves once the scan cache writes under way are on disk. */
  | { readonly kind: 'settle' }

export type HostMessage = { readonly id: number; readonly job: RepoJob } | { readonly cancel: number }

export type WorkerMessage =
  | { readonly id: number; readonly progress: { readonly phase: ScanPhase; readonly done: number; readonly total: number } }
  | { readonly id: number; readonly value: unknown; readonly key?: string }
  /** The scan was a cache hit on the key the host said it holds: the host answers from its copy. */
  | { readonly id: number; readonly same: string; readonly timings: Readonly<Record<string, number>> }
  | { readonly id: number; readonly error: GembaErrorData; readonly stack?: string }
