// Small-change channels: proposed tasks, the agent's staged change (plan, per-file diffs, revisions),
// applying it on a new gemba/ branch, the leader's own edits, the team's tests and the explanation.
// Nothing here writes to a repository except `apply`, `returnToOriginal`, `returnTo`, `discardBranch`
// and `restoreBranch`, each refused (changing nothing) while git is in the middle of something; and
// nothing reaches another machine but `openPullRequest`'s push of the change's own gemba/ branch.
import { z } from 'zod'
import { channel } from '../contract.ts'
import {
  GEMBA_BRANCH_PATTERN,
  type ChangeDraftView,
  type ChangeExplanation,
  type CheckoutView,
  type CommitMessageDraft,
  type GitIdentity,
  type InstallResult,
  type PullRequestDraft,
  type PullRequestOpened,
  type TaskProposals,
  type TestCommandView,
  type TestReadiness,
  type TestRunResult,
  type WorkingChanges,
} from '../models/change.ts'

const repoId = z.string().min(1).max(200)
const sessionId = z.string().regex(/^[a-z0-9-]{8,80}$/, 'That is not a session id.')
const draftId = z.string().regex(/^[a-z0-9-]{8,80}$/, 'That is not a change id.')
const callId = z.string()
const repoPath = z.string().min(1).max(1024)
const usage = z.object({ inputTokens: z.number(), cacheWriteTokens: z.number(), cacheReadTokens: z.number(), outputTokens: z.number() })

/** Events of the change domain (spread into `events` in shared/api.ts). */
export const changeEvents = {
  'change.agent': z.object({ callId, draftId: z.string(), kind: z.enum(['text', 'tool', 'refused']), text: z.string() }),
  'change.testOutput': z.object({ callId, repoId: z.string(), stream: z.enum(['stdout', 'stderr']), text: z.string() }),
  'change.workingTree': z.object({ callId, repoId: z.string(), changes: z.custom<WorkingChanges>() }),
  /** A change landed, the clone went back, or a Gemba branch was deleted or restored: where the clone is may have changed. */
  'change.checkout': z.object({ callId, repoId: z.string() }),
  /**
   * One model call of the small change (tasks, agent turn round, commit message, explanation): its
   * usage and cost, for display. The session's spending is recorded in the main process, where the call is made.
   */
  'change.usage': z.object({
    callId,
    draftId: z.string().nullable(),
    sessionId: z.string().nullable(),
    model: z.string(),
    usage,
    cost: z.object({ usd: z.number(), priced: z.boolean(), priceRow: z.string() }),
  }),
} as const

export const changeChannels = {
  proposeTasks: channel<TaskProposals>()({
    description: 'Three small, real tasks for this repository: from Claude reading the code, or (no key/offline) from the scan alone.',
    input: z.object({ repoId, sessionId: sessionId.optional(), offline: z.boolean().optional() }).strict(),
    events: ['change.agent', 'change.usage'],
  }),
  start: channel<ChangeDraftView>()({
    description:
      "Starts a change. 'agent': Claude reads the code and proposes edits, staged in memory (never the working tree). 'manual': the leader edits in their own editor.",
    input: z
      .object({
        repoId,
        sessionId: sessionId.optional(),
        request: z.string().trim().min(3, 'Describe the change in a few words.').max(10_000),
        estimateMinutes: z.number().int().min(1, 'Estimate at least a minute.').max(600),
        mode: z.enum(['agent', 'manual']),
        /** The agent leaves one small marked piece for the leader to write. */
        handsOnKeyboard: z.boolean().optional(),
      })
      .strict(),
    events: ['change.agent', 'change.usage'],
  }),
  revise: channel<ChangeDraftView>()({
    description: 'Asks the agent to revise its staged change with the leader’s comment (rejected files are reconsidered).',
    input: z
      .object({
        draftId,
        comment: z.string().trim().min(1, 'Say what to change.').max(10_000),
        rejectedPaths: z.array(repoPath).max(500).optional(),
      })
      .strict(),
    events: ['change.agent', 'change.usage'],
  }),
  draft: channel<ChangeDraftView>()({
    description: 'A change as it stands: plan, per-file diffs, refused edits, and where it was applied.',
    input: z.object({ draftId }).strict(),
  }),
  commitMessage: channel<CommitMessageDraft>()({
    description: 'Drafts the commit message for the accepted files (Claude, or a template offline); the leader edits it.',
    input: z.object({ draftId, acceptedPaths: z.array(repoPath).max(500).optional() }).strict(),
    events: ['change.usage'],
  }),
  apply: channel<ChangeDraftView>()({
    description:
      'Commits the accepted files on a new branch gemba/<date>-<slug> from HEAD (agent: only on a clean working tree; manual: the working-tree edits). Refused, changing nothing, while git is mid-operation (rebase, merge, cherry-pick, revert, bisect, am), HEAD is detached, the index is locked or conflicted, a submodule moved, or a file is under Git LFS. Never pushes.',
    input: z
      .object({
        draftId,
        acceptedPaths: z.array(repoPath).min(1, 'Accept at least one file.').max(500),
        message: z.string().trim().min(1).max(20_000),
      })
      .strict(),
    events: ['change.checkout'],
  }),
  returnToOriginal: channel<ChangeDraftView>()({
    description: 'Checks out the branch the repository was on before the change; the Gemba branch stays.',
    input: z.object({ draftId }).strict(),
    events: ['change.checkout'],
  }),
  discardBranch: channel<ChangeDraftView>()({
    description:
      'Deletes the Gemba branch while it is unpushed (returning to the original branch first). Its commit is kept under refs/gemba/kept/ until the session’s journal entry is written, so restoreBranch can undo it.',
    input: z.object({ draftId }).strict(),
    events: ['change.checkout'],
  }),
  restoreBranch: channel<ChangeDraftView>()({
    description: 'Undoes discardBranch: the Gemba branch comes back at its kept commit (the clone stays where it is).',
    input: z.object({ draftId }).strict(),
    events: ['change.checkout'],
  }),
  checkouts: channel<readonly CheckoutView[]>()({
    description:
      'Every repository Gemba left on (or can take back from) one of its branches: the branch its clone is on now and where "back" is.',
    input: z.object({}).strict(),
  }),
  returnTo: channel<CheckoutView | null>()({
    description: 'Takes a repository’s clone back to the branch it was on before Gemba’s last change there (no change needs to be open).',
    input: z.object({ repoId }).strict(),
    events: ['change.checkout'],
  }),
  identity: channel<GitIdentity | null>()({
    description: "The commit identity: the repository's git config, else the global one, else the one given to Gemba.",
    input: z.object({ repoId }).strict(),
  }),
  setIdentity: channel<GitIdentity>()({
    description: 'Remembers the commit identity to use when git config has none.',
    input: z.object({ name: z.string().trim().min(1, 'Your name.').max(200), email: z.email('An email address.').max(320) }).strict(),
  }),
  workingChanges: channel<WorkingChanges>()({
    description: "The working tree compared with HEAD: the leader's own edits as diffs.",
    input: z.object({ repoId }).strict(),
  }),
  watchWorkingTree: channel<{ readonly stopped: boolean }>()({
    description: 'Watches the working tree until cancelled, reporting its changes as change.workingTree events.',
    input: z.object({ repoId }).strict(),
    events: ['change.workingTree'],
  }),
  testCommand: channel<TestCommandView>()({
    description: 'The test command for a repository: the one remembered, else the one detected from its manifests.',
    input: z.object({ repoId }).strict(),
  }),
  testReadiness: channel<TestReadiness>()({
    description:
      'Whether the test command can run here now: its toolchain on the PATH and its dependencies installed (node_modules for the lockfile’s package manager, a Python virtualenv…), and the command that would install what is missing. Runs nothing.',
    input: z.object({ repoId, command: z.string().trim().min(1).max(2_000) }).strict(),
  }),
  installDependencies: channel<InstallResult>()({
    description:
      'Runs the setup steps testReadiness named, in order (only when the leader presses it), streaming output as change.testOutput; answers the check again. With sessionId, each step and its outcome is kept in the session’s test record.',
    input: z.object({ repoId, command: z.string().trim().min(1).max(2_000), sessionId: sessionId.optional() }).strict(),
    events: ['change.testOutput'],
  }),
  runTests: channel<TestRunResult>()({
    description:
      "Runs the team's test command in the repository (only when the leader presses Run), streaming output; remembers the command. With draftId, says whether the run was on that change as committed; a failure comes with a short summary (failing tests, first error).",
    input: z
      .object({
        repoId,
        command: z.string().trim().min(1, 'Enter the test command.').max(2_000),
        timeoutSeconds: z.number().int().min(5).max(3_600).optional(),
        sessionId: sessionId.optional(),
        draftId: draftId.optional(),
        /** Rerun only the tests that failed in the last run of this command here (the runner's own filter where it has one). */
        rerunFailing: z.boolean().optional(),
      })
      .strict(),
    events: ['change.testOutput'],
  }),
  pullRequestDraft: channel<PullRequestDraft>()({
    description:
      'The pull request Gemba would open for the landed change: the remote it would push to (its URL without credentials), the host, and a title and description drafted from the hour for the leader to edit. Pushes nothing.',
    input: z.object({ draftId }).strict(),
  }),
  openPullRequest: channel<PullRequestOpened>()({
    description:
      "Only on the leader's press: pushes the change's Gemba branch (that branch only, by an explicit refspec, never forced) with the leader's own git and credentials, then opens the host's new-pull-request page (GitHub, GitLab, Bitbucket, Azure DevOps) with the edited title and description where the host takes them. A failure is one sentence and changes nothing.",
    input: z
      .object({
        draftId,
        branch: z.string().regex(GEMBA_BRANCH_PATTERN, 'Gemba pushes only the branches it made.'),
        title: z.string().trim().min(1, 'Give the pull request a title.').max(300),
        body: z.string().max(60_000),
      })
      .strict(),
  }),
  explain: channel<ChangeExplanation>()({
    description: 'A short "like I’m new to the team" explanation of the change, tied to its diff; saved with the session.',
    input: z.object({ draftId, sessionId: sessionId.optional() }).strict(),
    events: ['change.agent', 'change.usage'],
  }),
} as const
