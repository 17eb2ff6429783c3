// Three small, real tasks for the hour: Claude reading the code through the repository tools (every
// path it names checked against the repository, each task sized by its minutes), or (no key, offline,
// or Claude failing) ideas from the repository's own signals (offline-tasks.ts), labelled as such.
import { taskSize, type TaskProposal, type TaskProposals } from '../../../../shared/models/change.ts'
import type { ScanResult } from '../../../../shared/models/repos.ts'
import { gitTrackedFiles } from '../../git/git-layer.ts'
import type { Progress } from '../../events-port.ts'
import type { Redactor } from '../../secrets/index.ts'
import { proposeWithAi } from '../claude/change-conversations.ts'
import { changeContext } from '../claude/change-context.ts'
import type { ChangeRepos } from '../change-ports.ts'
import { changeHandlers, type ChangeRuntimes } from '../claude/change-runtime.ts'
import { claudeOrOffline } from '../claude/claude-or-offline.ts'
import { offlineTasks } from './offline-tasks.ts'

export interface TaskProposerDeps {
  readonly repos: ChangeRepos
  readonly runtimes: ChangeRuntimes
  readonly redactor: Redactor
}

export async function proposeTasks(
  deps: TaskProposerDeps,
  input: { repoId: string; sessionId?: string | undefined; offline?: boolean | undefined },
  signal: AbortSignal,
  progress: Progress,
): Promise<TaskProposals> {
  const repo = await deps.repos.info(input.repoId, signal)
  const scan = await deps.repos.scan(input.repoId, signal)
  const sessionId = input.sessionId ?? null
  const runtime = input.offline ? null : await deps.runtimes.runtime({ sessionId, key: `repo-${input.repoId}` }, signal)
  return claudeOrOffline(
    runtime,
    signal,
    async (claude) => {
      const proposed = await proposeWithAi(
        claude,
        repo.path,
        changeContext(scan),
        gitTrackedFiles(repo.path),
        changeHandlers(progress, null, sessionId),
        signal,
      )
      const { tasks, dropped } = checkedAgainst(scan, proposed)
      const note =
        dropped > 0
          ? `Claude read the code and proposed these; ${dropped === 1 ? 'one suggestion' : `${dropped} suggestions`} named files that are not in the repository and ${dropped === 1 ? 'was' : 'were'} left out.`
          : 'Claude read the code and proposed these.'
      return { source: 'ai', tasks, note }
    },
    (failure) => {
      const note = failure
        ? `Claude could not propose tasks (${failure.message}) so these come from the scan alone, no AI.`
        : input.offline
          ? 'Offline: computed from the scan alone, no AI.'
          : 'No API key: computed from the scan alone, no AI.'
      return offlineTasksFor(deps.redactor, repo.path, scan, note, signal)
    },
  )
}

/**
 * Claude's tasks with every path checked against the repository (a line past the file's end is
 * dropped to the file); a task left with no real file is left out. Sizes follow the minutes.
 */
export function checkedAgainst(
  scan: Pick<ScanResult, 'files'>,
  tasks: readonly TaskProposal[],
): { tasks: TaskProposal[]; dropped: number } {
  const lines = new Map(scan.files.map((file) => [file.path, file.lines]))
  const folders = new Set(
    scan.files.flatMap((file) =>
      file.path
        .split('/')
        .slice(0, -1)
        .map((_, index, parts) => parts.slice(0, index + 1).join('/')),
    ),
  )
  const kept: TaskProposal[] = []
  for (const task of tasks) {
    const files = task.files.flatMap((reference) => {
      const match = /^(.*?)(?::(\d+))?$/.exec(reference.trim().replace(/^\.\//, ''))!
      const path = match[1]!.replace(/\/$/, '')
      const line = match[2] ? Number(match[2]) : null
      if (folders.has(path)) return [path]
      const count = lines.get(path)
      if (count === undefined) return []
      return [line !== null && line >= 1 && (count === 0 || line <= count) ? `${path}:${line}` : path]
    })
    if (task.files.length > 0 && files.length === 0) continue
    kept.push({ ...task, files, size: taskSize(task.effortMinutes) })
  }
  return { tasks: kept, dropped: tasks.length - kept.length }
}

async function offlineTasksFor(
  redactor: Redactor,
  root: string,
  scan: ScanResult,
  note: string,
  signal: AbortSignal,
): Promise<TaskProposals> {
  return { source: 'offline', tasks: await offlineTasks(root, scan, (path) => redactor.exclusion(path), signal), note }
}
