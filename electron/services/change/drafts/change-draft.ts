// One change in progress, held in memory by the service: the request, the staged copy the agent edits,
// what was refused, and where it was applied. Builds the view the renderer sees. No disk writes.
import type {
  AgentActivity,
  AppliedChange,
  Authorship,
  ChangeDraftView,
  ChangeMode,
  DraftCheck,
  FileChange,
  PullRequestOpened,
  RefusedEdit,
  TestRunResult,
} from '../../../../shared/models/change.ts'
import type { ChangeAgent } from '../claude/change-conversations.ts'
import { fileDiff } from '../diffs/file-diff.ts'
import type { StagedCopy } from './staged-copy.ts'

export interface ChangeDraft {
  readonly id: string
  readonly repoId: string
  readonly root: string
  readonly sessionId: string | null
  readonly request: string
  readonly estimateMinutes: number | null
  readonly mode: ChangeMode
  readonly handsOnKeyboard: boolean
  readonly staged: StagedCopy
  readonly contextText: string
  agent: ChangeAgent | null
  plan: string
  refused: RefusedEdit[]
  activity: AgentActivity[]
  stopReason: string | null
  costUsd: number
  applied: AppliedChange | null
  /** The diff of what was committed, for the explanation and the session. */
  committedFiles: FileChange[]
  /** Lines added by the leader and by the agent in what was committed. */
  authorship: { leaderLines: number; agentLines: number }
  /** Gemba's checks of the agent's last turn (claims, imports, refusals left standing). */
  checks: DraftCheck[]
  /** The last run of the team's tests while this change was open. */
  lastTestRun: TestRunResult | null
  /** The message the change was committed with (its last commit's), for the pull request's description. */
  commitMessage: string | null
  /** The last "like I'm new here" explanation of the change. */
  explanation: string | null
  /** The last time the leader pushed the branch and opened its pull request page. */
  pullRequest: PullRequestOpened | null
  /** What the agent said after its last edit, at the end of each turn of its last request. */
  summaries: string[]
  busy: boolean
}

export function stagedFiles(draft: ChangeDraft): FileChange[] {
  return draft.staged.changed().map((file) => fileDiff(file.path, file.original, file.current))
}

export function draftView(draft: ChangeDraft): ChangeDraftView {
  return {
    draftId: draft.id,
    repoId: draft.repoId,
    request: draft.request,
    estimateMinutes: draft.estimateMinutes,
    mode: draft.mode,
    handsOnKeyboard: draft.handsOnKeyboard,
    plan: draft.plan,
    files: draft.applied ? draft.committedFiles : stagedFiles(draft),
    refused: [...draft.refused],
    activity: draft.activity.slice(-200),
    stopReason: draft.stopReason,
    costUsd: draft.costUsd,
    applied: draft.applied,
    summary: draft.summaries.at(-1) ?? '',
    checks: [...draft.checks],
    authorship: draft.applied ? ({ ...draft.authorship } satisfies Authorship) : null,
  }
}
