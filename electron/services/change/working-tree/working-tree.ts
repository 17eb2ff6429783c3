// The leader's own edits: the working tree compared with HEAD, and a watch that reports it again
// (debounced) whenever a file changes, until it is stopped or the service's disposables are disposed
// (each watch, with its timers, is registered there). Falls back to polling where recursive watching is
// unavailable. Reads only; never writes a repository.
import { watch } from 'node:fs'
import type { WorkingChanges } from '../../../../shared/models/change.ts'
import type { RepoView } from '../../../../shared/models/repos.ts'
import type { DisposableStore } from '../../disposables.ts'
import type { Progress } from '../../events-port.ts'
import { workingDiff } from './working-diff.ts'

export interface WorkingTreeDeps {
  readonly info: (repoId: string, signal: AbortSignal) => Promise<RepoView>
  readonly debounceMs?: number | undefined
  /** Where each watch is registered while it runs (the change service's). */
  readonly disposables: DisposableStore
}

const IGNORED = /^(\.git|node_modules)([\\/]|$)/
const GIT_STATE = /^\.git[\\/](HEAD|index)$/
const POLL_MS = 2_000

export class WorkingTree {
  readonly #deps: WorkingTreeDeps

  constructor(deps: WorkingTreeDeps) {
    this.#deps = deps
  }

  async changes(repoId: string, signal: AbortSignal): Promise<WorkingChanges> {
    const repo = await this.#deps.info(repoId, signal)
    const diff = await workingDiff(repo.path, repo.headCommit, repo.changedFiles, signal)
    return { repoId: repo.id, branch: repo.branch, headCommit: repo.headCommit, files: diff.files, skipped: diff.skipped }
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
      clearTimeout(timer)
      if (poll) clearInterval(poll)
      watcher?.close()
      // A report already under way finishes before the watch says it has stopped.
      await running.catch(() => undefined)
    }
  }
}
