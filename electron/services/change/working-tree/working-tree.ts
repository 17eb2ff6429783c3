// The leader's own edits: the working tree compared with HEAD, each file a commit would hold (an
// untracked folder's files one by one), less what a test run or an install Gemba started left there
// (run-leftovers.ts), which is listed apart; and a watch that reports it again (debounced) whenever a
// file changes, until it is stopped or the service's disposables are disposed (each watch, with its
// timers, is registered there). Falls back to polling where recursive watching is unavailable. Reads
// only; never writes a repository.
import { watch } from 'node:fs'
import type { LeftByRun, WorkingChanges } from '../../../../shared/models/change.ts'
import type { RepoView } from '../../../../shared/models/repos.ts'
import type { DisposableStore } from '../../disposables.ts'
import type { Progress } from '../../events-port.ts'
import { leftByRun, RunLeftovers } from './run-leftovers.ts'
import { workingDiff } from './working-diff.ts'

export interface WorkingTreeDeps {
  /** The repository, its changes as `git status` lists them. */
  readonly info: (repoId: string, signal: AbortSignal) => Promise<RepoView>
  /** The repository, its changes file by file (less the untracked paths named). */
  readonly workingFiles: (repoId: string, leaveOut: readonly string[], signal: AbortSignal) => Promise<RepoView>
  readonly debounceMs?: number | undefined
  /** Where each watch is registered while it runs (the change service's). */
  readonly disposables: DisposableStore
}

const IGNORED = /^(\.git|node_modules)([\\/]|$)/
const GIT_STATE = /^\.git[\\/](HEAD|index)$/
const POLL_MS = 2_000

export class WorkingTree {
  readonly #deps: WorkingTreeDeps
  readonly #leftovers = new RunLeftovers()
  /** Each running watch's "report again", per repository: a run's end re-reports what it left apart. */
  readonly #watches = new Map<string, Set<() => void>>()

  constructor(deps: WorkingTreeDeps) {
    this.#deps = deps
  }

  /** The repository with the leader's changes only, file by file; and what runs left, apart. */
  async leaderView(repoId: string, signal: AbortSignal): Promise<{ repo: RepoView; leftByRuns: LeftByRun[] }> {
    const kept = await this.#leftovers.of(repoId)
    const repo = await this.#deps.workingFiles(
      repoId,
      kept.map((left) => left.path),
      signal,
    )
    const leftByRuns = [...kept, ...this.#leftovers.newDuringRuns(repoId, repo.changedFiles)]
    return { repo: { ...repo, changedFiles: repo.changedFiles.filter((file) => !leftByRun(file.path, leftByRuns)) }, leftByRuns }
  }

  async changes(repoId: string, signal: AbortSignal): Promise<WorkingChanges> {
    const { repo, leftByRuns } = await this.leaderView(repoId, signal)
    const diff = await workingDiff(repo.path, repo.headCommit, repo.changedFiles, signal)
    return { repoId: repo.id, branch: repo.branch, headCommit: repo.headCommit, files: diff.files, skipped: diff.skipped, leftByRuns }
  }

  /** Runs a test run or an install; what it leaves that git shows is set apart from the leader's edits. */
  async duringRun<T>(repoId: string, by: LeftByRun['by'], signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    const repo = await this.#deps.info(repoId, signal)
    // Read after the run even when it was stopped: what it left is there all the same.
    const reading = new AbortController().signal
    const status = {
      asGit: async () => (await this.#deps.info(repoId, reading)).changedFiles,
      byFile: async (leaveOut: readonly string[]) => (await this.#deps.workingFiles(repoId, leaveOut, reading)).changedFiles,
    }
    try {
      return await this.#leftovers.around(repo, by, status, work)
    } finally {
      for (const again of this.#watches.get(repoId) ?? []) again()
    }
  }

  /** Reports the changes now and after every edit until `signal` aborts (or the disposables are disposed). */
  watch(repoId: string, signal: AbortSignal, progress: Progress): Promise<{ stopped: boolean }> {
    return this.#deps.disposables.run((stop) => this.#watch(repoId, stop, progress), signal)
  }

  async #watch(repoId: string, signal: AbortSignal, progress: Progress): Promise<{ stopped: boolean }> {
    const repo = await this.#deps.info(repoId, signal)
    const report = async () => progress.report('change.workingTree', { repoId: repo.id, changes: await this.changes(repoId, signal) })
    let timer: ReturnType<typeof setTimeout> | undefined
    let running = Promise.resolve()
    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(() => (running = running.then(report).catch(() => undefined)), this.#deps.debounceMs ?? 300)
    }
    let watcher: ReturnType<typeof watch> | null = null
    let poll: ReturnType<typeof setInterval> | null = null
    const watches = this.#watches.get(repoId) ?? new Set()
    this.#watches.set(repoId, watches.add(schedule))
    // Watching starts before the first report, so an edit saved while it is computed is not missed.
    try {
      watcher = watch(repo.path, { recursive: true, signal }, (_event, name) => {
        const file = String(name ?? '')
        if (!IGNORED.test(file) || GIT_STATE.test(file)) schedule()
      })
      watcher.on('error', () => undefined)
    } catch {
      poll = setInterval(schedule, POLL_MS)
    }
    try {
      running = report()
      await running
      await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })))
      return { stopped: true }
    } finally {
      watches.delete(schedule)
      if (watches.size === 0) this.#watches.delete(repoId)
      clearTimeout(timer)
      if (poll) clearInterval(poll)
      watcher?.close()
      // A report already under way finishes before the watch says it has stopped.
      await running.catch(() => undefined)
    }
  }
}
