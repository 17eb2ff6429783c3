// The leader's own edits: the working tree compared with HEAD, and a watch that reports it again
// (debounced) whenever a file changes, until the call is cancelled or the service is disposed. Falls
// back to polling where recursive watching is unavailable. Reads only; never writes a repository.
import { watch } from 'node:fs'
import type { EventMap } from '../../../../shared/api.ts'
import type { CallContext } from '../../../../shared/contract.ts'
import type { WorkingChanges } from '../../../../shared/models/change.ts'
import type { RepoView } from '../../../../shared/models/repos.ts'
import { workingDiff } from './working-diff.ts'

type Ctx = CallContext<EventMap>

export interface WorkingTreeDeps {
  readonly info: (repoId: string, ctx: Ctx) => Promise<RepoView>
  readonly debounceMs?: number | undefined
}

const IGNORED = /^(\.git|node_modules)([\\/]|$)/
const GIT_STATE = /^\.git[\\/](HEAD|index)$/
const POLL_MS = 2_000

export class WorkingTree {
  readonly #deps: WorkingTreeDeps
  readonly #disposed = new AbortController()

  constructor(deps: WorkingTreeDeps) {
    this.#deps = deps
  }

  async changes(repoId: string, ctx: Ctx): Promise<WorkingChanges> {
    const repo = await this.#deps.info(repoId, ctx)
    const diff = await workingDiff(repo.path, repo.headCommit, repo.changedFiles, ctx.signal)
    return { repoId: repo.id, branch: repo.branch, headCommit: repo.headCommit, files: diff.files, skipped: diff.skipped }
  }

  async watch(repoId: string, ctx: Ctx): Promise<{ stopped: boolean }> {
    const signal = AbortSignal.any([ctx.signal, this.#disposed.signal])
    const repo = await this.#deps.info(repoId, ctx)
    const report = async () =>
      ctx.emit('change.workingTree', { callId: ctx.callId, repoId: repo.id, changes: await this.changes(repoId, ctx) })
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
    }
  }

  /** Stops every watch. */
  dispose(): void {
    this.#disposed.abort()
  }
}
