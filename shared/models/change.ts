// The small-change step as the renderer sees it: proposed tasks, the agent's staged change as per-file
// unified diffs, the branch and commit it landed on, test runs and the explanation. Plain
// serialisable data; no logic, never file contents beyond the diffs the leader reviews.
import { z } from 'zod'

/** One task Gemba suggests for the hour. */
export interface TaskProposal {
  readonly id: string
  readonly title: string
  /** What to do and why it is worth doing, in a sentence or two. */
  readonly description: string
  readonly kind: 'todo' | 'text_or_validation' | 'missing_test' | 'docs' | 'refactor' | 'other'
  /** Repository-relative paths, with a line when the task points at one (path:line); each checked against the repository. */
  readonly files: readonly string[]
  /** The proposer's guess, in minutes. */
  readonly effortMinutes: number
  /** The size its minutes make it (taskSize): tiny ≤ 15 min, small ≤ 30, anything more is large. */
  readonly size: TaskSize
}

export type TaskSize = 'tiny' | 'small' | 'large'

/** The one rule for a task's size, from its minutes. */
export function taskSize(minutes: number): TaskSize {
  return minutes <= 15 ? 'tiny' : minutes <= 30 ? 'small' : 'large'
}

export interface TaskProposals {
  /** 'ai': Claude read the code; 'offline': computed from the scan alone (TODO/FIXME hits, untested files). */
  readonly source: 'ai' | 'offline'
  readonly tasks: readonly TaskProposal[]
  /** Why the list is offline, or what Claude based it on. */
  readonly note: string
}

export type ChangeMode = 'agent' | 'manual'

/** One hunk, as structuredPatch gives it: each line with its sign (' ', '-', '+', or '\\' for "No newline at end of file"). */
export interface DiffHunk {
  /** The first old line the hunk covers; 0 with oldLines 0 when the old side is empty (as git writes it). */
  readonly oldStart: number
  readonly oldLines: number
  readonly newStart: number
  readonly newLines: number
  readonly lines: readonly string[]
}

/** One file of a change: its hunks, and their unified text. */
export interface FileChange {
  readonly path: string
  readonly status: 'added' | 'modified' | 'deleted'
  /** The change as data: structuredPatch's hunks (shared/diff/unified-diff.ts renders and reads them). */
  readonly hunks: readonly DiffHunk[]
  /** The unified text (---/+++ headers and hunks), rendered from `hunks`: for showing and for the record. */
  readonly diff: string
  readonly additions: number
  readonly deletions: number
  /** True when the file holds the TODO(human) marker: the piece left for the leader to write. */
  readonly hasLeaderMarker: boolean
}

/** An edit the agent tried that Gemba refused (outside the repo, not found, changed on disk…). */
export interface RefusedEdit {
  readonly path: string
  readonly command: string
  readonly reason: string
}

export interface AgentActivity {
  readonly kind: 'tool' | 'refused' | 'note'
  readonly text: string
}

/** The agent's proposed change, staged in memory: nothing is in the working tree yet. */
export interface ChangeDraftView {
  readonly draftId: string
  readonly repoId: string
  readonly request: string
  readonly estimateMinutes: number | null
  readonly mode: ChangeMode
  readonly handsOnKeyboard: boolean
  /** The agent's plan and summary (Markdown). */
  readonly plan: string
  /** What the agent said after its last edit: its own account, which `checks` holds up against what happened. */
  readonly summary: string
  readonly files: readonly FileChange[]
  readonly refused: readonly RefusedEdit[]
  readonly activity: readonly AgentActivity[]
  readonly stopReason: string | null
  readonly costUsd: number
  readonly applied: AppliedChange | null
  /** What Gemba checked about the draft against what happened (refusals, claims, imports, tests that cannot run). */
  readonly checks: readonly DraftCheck[]
  /** Lines the leader and the agent added in what was committed; null until something is. */
  readonly authorship: Authorship | null
}

export interface Authorship {
  readonly leaderLines: number
  readonly agentLines: number
}

export type DraftCheckKind =
  'refused' | 'claimed_not_in_diff' | 'missing_import' | 'no_test' | 'no_leader_piece' | 'leader_marker_left' | 'tests_not_ready'

/** Something the leader should know before committing the draft: Gemba's checks, not the agent's words. */
export interface DraftCheck {
  readonly kind: DraftCheckKind
  readonly message: string
  readonly paths?: readonly string[]
}

/** The code hosts whose new-pull-request page Gemba can open from a remote's URL. */
export type CodeHost = 'github' | 'gitlab' | 'bitbucket' | 'azure'

/** A branch Gemba made (branch-name.ts): the only kind it will push. Date and slug, with a number when taken. */
export const GEMBA_BRANCH_PATTERN = /^gemba\/\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/

/** How to share the branch: the push command and, for known hosts, a compare link; without a remote, how to add one. */
export interface PushHelp {
  readonly remote: string | null
  /** null when the repository has no remote to push to. */
  readonly pushCommand: string | null
  readonly compareUrl: string | null
  readonly host: CodeHost | null
  /** Without a remote: the commands that add one and push the branch there. */
  readonly addRemote: string | null
}

/**
 * The pull request Gemba would open for a landed change, before the leader presses: the remote it would
 * push to (its URL without credentials), the page's host, and the title and description drafted from
 * the hour, which the leader edits first.
 */
export interface PullRequestDraft {
  readonly branch: string
  /** The branch the change was made from (null: a detached HEAD, so the host's default branch). */
  readonly base: string | null
  readonly remote: { readonly name: string; readonly url: string } | null
  readonly host: CodeHost | null
  readonly title: string
  readonly body: string
  /** Why it cannot be pushed now (no remote, the branch deleted), one sentence; null when it can. */
  readonly blocked: string | null
  /** What the last press did, kept while the change is open. */
  readonly opened: PullRequestOpened | null
}

/** The branch pushed (only it, never forced) and the host's new-pull-request page. */
export interface PullRequestOpened {
  readonly branch: string
  readonly remote: string
  /** 'up_to_date': the remote already had this very commit. */
  readonly status: 'pushed' | 'up_to_date'
  readonly commit: string
  readonly host: CodeHost | null
  /** The new-pull-request page (https, on the remote's host); null for a host Gemba does not know. */
  readonly url: string | null
  /** True when the title and description travel in the page's address (GitHub, GitLab, when short enough). */
  readonly textInUrl: boolean
  /** True when Gemba asked the system to open the page (the desktop app); otherwise the page links to it. */
  readonly opened: boolean
  /** The push Gemba ran, as the leader would type it. */
  readonly command: string
}

export interface AppliedChange {
  readonly branch: string
  /** The branch (or commit, when detached) HEAD was on before; never modified. */
  readonly originalBranch: string
  readonly baseCommit: string
  readonly commit: string
  readonly files: readonly string[]
  readonly push: PushHelp
  /** True while HEAD is on the Gemba branch. */
  readonly onGembaBranch: boolean
  /** The leader deleted the branch; `restorable` while its commit is kept under refs/gemba/kept/. */
  readonly deleted: boolean
  readonly restorable: boolean
}

/**
 * A repository Gemba left on one of its branches: where the clone is now and where "back" is. Kept
 * per repository until the branch is deleted, so the way back survives a restart.
 */
export interface CheckoutView {
  readonly repoId: string
  readonly repoName: string
  /** The branch the clone is on now (null: detached, or the repository cannot be read). */
  readonly branch: string | null
  /** The Gemba branch the last change landed on, and the branch the clone was on before it. */
  readonly gembaBranch: string
  readonly returnTo: string
  readonly onGembaBranch: boolean
  readonly sessionId: string | null
  readonly landedAt: string
}

export interface GitIdentity {
  readonly name: string
  readonly email: string
  readonly source: 'repository' | 'global' | 'gemba'
}

/** A path `git status` shows that a test run or an install Gemba started left (a folder ends with `/`). */
export interface LeftByRun {
  readonly path: string
  readonly by: 'tests' | 'install'
}

/** The working tree compared with HEAD, for the leader's own edits. */
export interface WorkingChanges {
  readonly repoId: string
  readonly branch: string | null
  readonly headCommit: string | null
  /** The leader's edits, each file (an untracked folder's files one by one), as a commit would hold them. */
  readonly files: readonly FileChange[]
  /** Changed files Gemba does not show as a diff (binary, too large). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[]
  /** What the tests or an install left: never part of the change, never committed. */
  readonly leftByRuns: readonly LeftByRun[]
}

export interface TestCommandView {
  readonly command: string | null
  readonly source: 'remembered' | 'detected' | null
  /** Where a detected command was read, for the leader: "the `test` job of .github/workflows/ci.yml". */
  readonly from: string | null
}

/** The three honest answers a test run gives: the tests passed, failed, or could not run at all. */
export type TestOutcome = 'passed' | 'failed' | 'could_not_run'

export type CouldNotRunReason =
  /** The command's tool (pnpm, go, dotnet…) is not installed. */
  | 'tool_missing'
  /** The project's dependencies or its test runner are not installed. */
  | 'dependencies_missing'
  /** The tests could not import a module that is not the repository's own code. */
  | 'import_error'
  /** The code under test would be imported from outside the repository (an installed copy). */
  | 'outside_repository'
  | 'no_network'
  /** The command found no tests to run. */
  | 'no_tests'
  | 'timed_out'
  | 'cancelled'

/** Why the tests could not run, in one sentence for the leader ("pnpm is not installed."). Never a failure. */
export interface CouldNotRun {
  readonly reason: CouldNotRunReason
  readonly sentence: string
}

const couldNotRunReasons = [
  'tool_missing',
  'dependencies_missing',
  'import_error',
  'outside_repository',
  'no_network',
  'no_tests',
  'timed_out',
  'cancelled',
] as const
/** How a kept run's outcome is checked when it is read back (sessions, journal). */
export const testOutcomeSchema = z.enum(['passed', 'failed', 'could_not_run'])
export const couldNotRunSchema = z.object({
  reason: z.enum(couldNotRunReasons),
  sentence: z.string().max(2_000),
})
const logBase = {
  command: z.string().max(2_000),
  outcome: testOutcomeSchema,
  couldNotRun: couldNotRunSchema.nullable(),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().min(0),
  at: z.string().max(40),
}
/** The session's test record as it is kept and read back (sessions, journal). */
export const testLogSchema: z.ZodType<TestLog> = z.object({
  setup: z.array(z.object(logBase)).max(200),
  runs: z
    .array(
      z.object({
        ...logBase,
        failed: z.array(z.string().max(500)).max(20),
        rerun: z.boolean(),
        flaky: z.array(z.string().max(500)).max(20),
        onChange: z.boolean(),
      }),
    )
    .max(200),
  flaky: z.array(z.string().max(500)).max(100),
})

/** The session's test record with more appended: entries in order (the oldest dropped past 200), flaky tests once each. */
export function appendTestLog(log: TestLog | null | undefined, more: Partial<TestLog>): TestLog {
  return {
    setup: [...(log?.setup ?? []), ...(more.setup ?? [])].slice(-200),
    runs: [...(log?.runs ?? []), ...(more.runs ?? [])].slice(-200),
    flaky: [...new Set([...(log?.flaky ?? []), ...(more.flaky ?? [])])].slice(0, 100),
  }
}

export interface TestRunResult {
  readonly command: string
  readonly branch: string | null
  /** null when the process was stopped, timed out, or never started. */
  readonly exitCode: number | null
  readonly durationMs: number
  readonly outcome: TestOutcome
  /** Why the tests could not run; null unless the outcome is 'could_not_run'. */
  readonly couldNotRun: CouldNotRun | null
  readonly outputTail: string
  /** The commit the tests ran on (null: no commits), and whether that was the change as committed (nothing else edited). */
  readonly commit: string | null
  readonly onChange: boolean
  /** What failed, read from the output (null unless the run failed). */
  readonly summary: TestSummary | null
  /** When this run reran the failing tests of the one before: which ones, and whether by the runner's own filter. */
  readonly rerunOf: { readonly failed: readonly string[]; readonly filtered: boolean } | null
  /** Tests that failed in the run before and passed in this rerun with the code unchanged. */
  readonly flaky: readonly string[]
  /** How "Rerun the failing tests" would run them (null: nothing failed by name, or the code is not this run's). */
  readonly rerun: { readonly command: string; readonly filtered: boolean } | null
}

/**
 * The session's test record (issue: developer-loop evidence), kept with the change step and the
 * journal entry; each call appends to it. Times are ISO 8601, durations in milliseconds.
 */
export interface TestLog {
  /** Every setup step that ran, in order, with its outcome. */
  readonly setup: readonly TestLogSetup[]
  /** Every test run, in order. */
  readonly runs: readonly TestLogRun[]
  /** Tests that failed, then passed unchanged when their failing tests were rerun: the session's flaky tests. */
  readonly flaky: readonly string[]
}

export interface TestLogSetup {
  readonly command: string
  readonly outcome: TestOutcome
  readonly couldNotRun: CouldNotRun | null
  readonly exitCode: number | null
  readonly durationMs: number
  /** When it started. */
  readonly at: string
}

export interface TestLogRun {
  readonly command: string
  readonly outcome: TestOutcome
  readonly couldNotRun: CouldNotRun | null
  readonly exitCode: number | null
  readonly durationMs: number
  readonly at: string
  /** The failing tests Gemba read (at most 10). */
  readonly failed: readonly string[]
  /** It reran only the failing tests of the run before (by the runner's filter, or the whole suite again when it has none). */
  readonly rerun: boolean
  /** Of the tests it reran, those that passed unchanged: flaky. */
  readonly flaky: readonly string[]
  readonly onChange: boolean
}

/** A failed run in short: the tests that failed and the first error, as Gemba read them from the output. */
export interface TestSummary {
  readonly failed: readonly string[]
  readonly firstError: string | null
  /** The runner's own count line ("2 failed, 10 passed"), when it printed one. */
  readonly counts: string | null
  /** The runner Gemba recognised ('vitest', 'pytest', 'go test'…), or null. */
  readonly runner: string | null
}

/** One setup step the tests need here, as the team's CI runs it (or its equivalent here), run only when pressed. */
export interface SetupStep {
  readonly command: string
  readonly why: string
  /** Already done here (node_modules present…); null when Gemba cannot tell without running it. */
  readonly done: boolean | null
}

/** A tool the tests need that is not installed, and how to get it (Gemba installs no tool itself). */
export interface MissingTool {
  readonly tool: string
  readonly how: string
}

/** One setup step as it ran. */
export interface SetupStepRun {
  readonly command: string
  readonly exitCode: number | null
  readonly durationMs: number
  /** 'passed': the step did its work; 'could_not_run' says why it could not (no network, a missing tool, stopped…). */
  readonly outcome: TestOutcome
  readonly couldNotRun: CouldNotRun | null
}

/** The setup steps the readiness check named, run in order only when the leader pressed it, up to the first that did not pass. */
export interface InstallResult {
  readonly steps: readonly SetupStepRun[]
  /** 'passed' when every step did. */
  readonly outcome: TestOutcome
  readonly couldNotRun: CouldNotRun | null
  readonly outputTail: string
  /** The check again, after the setup. */
  readonly readiness: TestReadiness
}

export type TestEcosystem = 'node' | 'python' | 'go' | 'rust' | 'java' | 'dotnet' | 'ruby' | 'php' | 'elixir'

/** Whether the team's tests can run here now, checked before the leader presses Run. */
export interface TestReadiness {
  readonly ecosystem: TestEcosystem | null
  readonly ready: boolean
  /** What is missing, a sentence each. */
  readonly problems: readonly string[]
  /** What was found, for the leader: "node_modules present (npm, package-lock.json)". */
  readonly checked: readonly string[]
  /** The setup the tests need here, in the order the team's CI runs it; run only when the leader presses it. */
  readonly steps: readonly SetupStep[]
  /** Tools that are not installed and no step provides, with how to get each. */
  readonly missing: readonly MissingTool[]
  /** Why running now would not run the tests at all (a missing tool, code imported from outside the repository); Run says so instead. */
  readonly blocked: CouldNotRun | null
  /** The Python virtualenv the tests run in (its bin/ first on the PATH), when there is one. */
  readonly venv: string | null
  /** The folder put first on PYTHONPATH so the tests import the repository's code ("src", or "." for packages at the root). */
  readonly pythonPath: string | null
}

/**
 * What a kept test run came to. A run kept before outcomes were recorded is read from its exit code:
 * 0 passed, none (stopped) could not run, any other failed.
 */
export function testOutcomeOf(run: {
  readonly exitCode: number | null
  readonly outcome?: TestOutcome | undefined
  readonly couldNotRun?: CouldNotRun | null | undefined
}): { readonly outcome: TestOutcome; readonly couldNotRun: CouldNotRun | null } {
  if (run.outcome) return { outcome: run.outcome, couldNotRun: run.outcome === 'could_not_run' ? (run.couldNotRun ?? null) : null }
  if (run.exitCode === 0) return { outcome: 'passed', couldNotRun: null }
  if (run.exitCode === null)
    return { outcome: 'could_not_run', couldNotRun: { reason: 'cancelled', sentence: 'The run was stopped before it finished.' } }
  return { outcome: 'failed', couldNotRun: null }
}

export interface ChangeExplanation {
  readonly markdown: string
  readonly source: 'ai' | 'offline'
}

export interface CommitMessageDraft {
  readonly message: string
  readonly source: 'ai' | 'offline'
}

/**
 * Which files the leader reviews now, the same rule on both sides: the agent's staged change until it
 * is applied; the leader's own edits in the working tree (a manual change, or their part on the Gemba
 * branch); nothing once the repository is back on its own branch.
 */
export function reviewSource(draft: Pick<ChangeDraftView, 'mode' | 'applied'>): 'staged' | 'working' | 'none' {
  if (draft.applied) return draft.applied.onGembaBranch ? 'working' : 'none'
  return draft.mode === 'manual' ? 'working' : 'staged'
}
