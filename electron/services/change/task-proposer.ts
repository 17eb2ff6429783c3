// Three small, real tasks for the hour: Claude reading the code through the repository tools, or
// (no key, offline, or Claude failing) the scan's TODOs and untested key files, labelled as such.
import type { EventMap } from '../../../shared/api.ts'
import type { CallContext } from '../../../shared/contract.ts'
import type { TaskProposals } from '../../../shared/models/change.ts'
import type { ScanResult } from '../../../shared/models/repos.ts'
import { gitTrackedFiles } from '../ai/index.ts'
import type { Redactor } from '../secrets/index.ts'
import { proposeWithAi } from './change-ai.ts'
import { changeContext } from './change-context.ts'
import type { ChangeRepos } from './change-ports.ts'
import { changeHandlers, type ChangeRuntimes } from './change-runtime.ts'
import { claudeOrOffline } from './claude-or-offline.ts'
import { filesWithoutTests, findTodoHits, isTestPath, offlineProposals } from './offline-tasks.ts'

type Ctx = CallContext<EventMap>

export interface TaskProposerDeps {
  readonly repos: ChangeRepos
  readonly runtimes: ChangeRuntimes
  readonly redactor: Redactor
}

export async function proposeTasks(deps: TaskProposerDeps, input: { repoId: string; sessionId?: string | undefined; offline?: boolean | undefined }, ctx: Ctx): Promise<TaskProposals> {
  const repo = await deps.repos.info(input.repoId, ctx)
  const scan = await deps.repos.scan(input.repoId, ctx)
  const sessionId = input.sessionId ?? null
  const runtime = input.offline ? null : await deps.runtimes.runtime({ sessionId, key: `repo-${input.repoId}` }, ctx.signal)
  return claudeOrOffline(
    runtime,
    ctx.signal,
    async (claude) => {
      const tasks = await proposeWithAi(claude, repo.path, changeContext(scan), gitTrackedFiles(repo.path), changeHandlers(ctx, null, sessionId), ctx.signal)
      return { source: 'ai', tasks, note: 'Claude read the code and proposed these.' }
    },
    (failure) => {
      const note = failure
        ? `Claude could not propose tasks (${failure.message}) so these come from the scan alone, no AI.`
        : input.offline
          ? 'Offline: computed from the scan alone, no AI.'
          : 'No API key: computed from the scan alone, no AI.'
      return offlineTasks(deps.redactor, repo.path, scan, note, ctx.signal)
    },
  )
}

async function offlineTasks(redactor: Redactor, root: string, scan: ScanResult, note: string, signal: AbortSignal): Promise<TaskProposals> {
  const hits = await findTodoHits(root, scan.files, (path) => redactor.exclusion(path), signal)
  const untested = filesWithoutTests(scan.files, scan.keyFiles)
  const hasTests = scan.files.some((file) => isTestPath(file.path))
  return { source: 'offline', tasks: offlineProposals(hits, untested, hasTests), note }
}
