// The repository work that reads a whole repository (scan, tour, describe), as a port: the repository
// service asks for it and never does it itself. Two implementations: RepoJobs (repo-jobs.ts), which
// does the work on the calling thread (tests, the bench's in-process baseline), and WorkerRepoWork
// (repo-worker-host.ts), which does it in worker threads so the backend's event loop never waits on a
// repository. Plain data in and out; never imports 'electron'.
import type { RepoEntry, RepoTour, RepoView, ScanPhase, ScanResult } from '../../../../shared/models/repos.ts'
import type { ListingOptions } from '../describe-repo.ts'

export interface ScanRequest {
  readonly repoId: string
  /** The repository's root (or a folder inside it). */
  readonly path: string
  /** How errors name it ("Could not scan payments: …"). */
  readonly name: string
  readonly force: boolean
}

export type ProgressReporter = (phase: ScanPhase, done: number, total: number) => void

export interface RepoWork {
  scan(request: ScanRequest, signal: AbortSignal, onProgress?: ProgressReporter): Promise<ScanResult>
  /** The scan's offline tour (scanning first when the cached scan is out of date). */
  tour(request: ScanRequest, signal: AbortSignal, onProgress?: ProgressReporter): Promise<RepoTour>
  /**
   * Branch, last commit, clean/dirty, git state: read now, never from a cache that could be stale.
   * `untrackedFiles: 'all'` lists each untracked file rather than a wholly untracked folder once.
   */
  describe(entry: RepoEntry, signal: AbortSignal, options?: ListingOptions): Promise<RepoView>
  /** Drops what is remembered of a repository and its scan cache on disk (after any write under way). */
  forget(repoId: string): Promise<void>
  /** Resolves once the scan cache writes under way (they are written behind the results) are on disk. */
  settled(): Promise<void>
  /** Lets cache writes under way finish (up to `graceMs`), then stops; a later call starts again. */
  dispose(graceMs?: number): Promise<void>
}
