// The journal's data as both processes see it: the record a finished session hands to the journal,
// and what the journal answers (lists, search hits, insights, roll-ups, problems). Plain,
// serialisable data only; the schema below is the one check every record passes before it is saved.
import { z } from 'zod'
import { couldNotRunSchema, testLogSchema, testOutcomeSchema, type CouldNotRun, type TestLog, type TestOutcome } from './change.ts'
import { STEP_KEYS, type StepKey } from './curriculum.ts'

/** Lines added by the leader's own hands and by the agent, in what was committed. */
export const authorshipSchema = z.object({ leaderLines: z.number().int().min(0), agentLines: z.number().int().min(0) })

/** A session's steps, as the journal names them: the curriculum's one list. */
export type JournalStep = StepKey

/** The friction tags the reflect step offers; the leader may add their own (any short slug). */
export const KNOWN_FRICTION_TAGS = ['slow-tests', 'flaky-ci', 'unclear-docs', 'setup-pain', 'long-review-wait', 'deploy-pain'] as const

/** Bumped when the record's shape changes; the reader migrates older files. */
export const JOURNAL_SCHEMA_VERSION = 1

export interface JournalRepositoryRef {
  /** The repos domain's id for it (stable across renames and moves). */
  readonly id: string
  readonly name: string
  /** Absolute path on this machine at the time of the session. */
  readonly path: string
  /** The commit (full sha) the session looked at: the walkthrough and diagram are pinned to it. */
  readonly commit: string
}

/** A `path:line` reference in the walkthrough; `path` is relative to the repository root. */
export interface JournalCitation {
  readonly path: string
  readonly line?: number
  readonly endLine?: number
  /** What the reference shows, e.g. "request router". */
  readonly label?: string
  /**
   * How the session showed a citation of Claude's the repository did not confirm: "unverified" (no
   * such file or line at the session's commit, or not checked) or "withheld" (a file that may hold
   * secrets). Absent: confirmed (or not Claude's). The journal keeps the mark wherever it shows it.
   */
  readonly mark?: JournalCitationMark
}

export type JournalCitationMark = 'unverified' | 'withheld'

export interface JournalTokenUsage {
  readonly inputTokens: number
  readonly cachedInputTokens: number
  readonly cacheWriteTokens: number
  readonly outputTokens: number
  /** US dollars, as shown to the leader at the end of the session. */
  readonly costUsd: number
}

export interface JournalTestRun {
  readonly command: string
  /** null when the run was cancelled or timed out before it exited. */
  readonly exitCode: number | null
  readonly durationMs: number
  /** The last lines of the output (the whole log is in the sidecar transcript, if anywhere). */
  readonly outputTail: string
  /** The commit the tests ran on, and whether that was the change as committed (absent in older entries). */
  readonly commit?: string | null
  readonly onChange?: boolean
  /** The failing tests and the first error Gemba read from the output. */
  readonly failed?: readonly string[]
  readonly firstError?: string | null
  /** passed, failed or could not run (absent in older entries: testOutcomeOf reads the exit code). */
  readonly outcome?: TestOutcome
  readonly couldNotRun?: CouldNotRun | null
}

export interface JournalChange {
  /** What the leader asked for, in their words. */
  readonly request: string
  readonly branch: string
  /** The commit on that branch (full sha); null if the change was not committed. */
  readonly commit: string | null
  /** Unified diff of the change. */
  readonly diff: string
  readonly testRun: JournalTestRun | null
  /** Every setup step and test run of the hour, and its flaky tests (absent in older entries). */
  readonly testLog?: TestLog
  /** "Explain it like I'm new here": Markdown. */
  readonly explanation: string
  /** True when the leader made the change by hand (offline mode). */
  readonly manual: boolean
  /** The branch the clone was on before (absent in older entries), and whether the leader went back to it. */
  readonly originalBranch?: string | null
  readonly returned?: boolean
  /** The leader deleted the branch during the session. */
  readonly branchDeleted?: boolean
  /** Read from git as the entry was written: the branch the clone was on (null: detached), and the Gemba branch's tip. */
  readonly cloneOn?: string | null
  readonly branchTip?: string
  /** Lines the leader's own hands added, and the agent's, in what was committed. */
  readonly authorship?: { readonly leaderLines: number; readonly agentLines: number } | null
}

export interface JournalQuestion {
  /** Stable across sessions: a question carried forward keeps its id until it is answered. */
  readonly id: string
  readonly text: string
  readonly status: 'open' | 'answered'
  readonly answer?: string
  /** ISO date-time when marked answered. */
  readonly answeredAt?: string
  /** The session (id) where it was first asked. */
  readonly askedInSession?: string
}

export interface JournalTranscriptEntry {
  readonly step: JournalStep
  readonly role: 'leader' | 'coach' | 'tool' | 'system'
  readonly text: string
  /** ISO date-time. */
  readonly at: string
}

/** Who made a step's artefact: Claude, Gemba from the repository alone, or the leader by hand. */
export type JournalSource = 'ai' | 'offline' | 'hand'

/** What one request to Claude carried, kept with the session ("what was sent"); never a secret. */
export interface JournalSentRecord {
  readonly step: JournalStep
  readonly at: string
  readonly model: string
  /** The repository context (the same in every request of a conversation), then what this request added. */
  readonly contextFiles: readonly { readonly path: string; readonly bytes: number }[]
  readonly added: {
    readonly kind: 'question' | 'tool_results'
    readonly chars: number
    readonly files: readonly { readonly path: string; readonly bytes: number }[]
  }
  /** Where a secret was redacted and by which rule (never the secret). */
  readonly redactions: readonly { readonly path: string; readonly line: number; readonly rule: string }[]
  readonly excluded: readonly { readonly path: string; readonly rule: string }[]
  readonly usage: {
    readonly inputTokens: number
    readonly cacheWriteTokens: number
    readonly cacheReadTokens: number
    readonly outputTokens: number
  } | null
  readonly costUsd: number | null
}

/**
 * What the hour measured of the team's developer loop, each figure with its unit in its name. A
 * figure that was not measured is absent, never 0: no test run that really ran means no
 * firstTestRunMinutes; no agent at work means no agentWaitMinutes.
 */
export interface DeveloperLoop {
  /** Hour time (pauses left out) from starting the change to the start of the first test run that really ran (passed or failed). */
  readonly firstTestRunMinutes?: number
  /** Hour time from starting the change to the end of the first passing run. */
  readonly firstGreenMinutes?: number
  /** Test runs that really ran, and runs that could not run (a missing tool, no network, stopped…). */
  readonly testRuns?: number
  readonly couldNotRun?: number
  /** How long the whole suite took: the latest run of the command run most often. */
  readonly suiteSeconds?: number
  /** The latest build or type-check step that passed, where the repository has one. */
  readonly buildSeconds?: number
  /** Each setup step the tests needed, in order, and whether it worked. */
  readonly setup?: readonly { readonly command: string; readonly ok: boolean; readonly seconds: number }[]
  /** Tests that failed and then passed on a rerun with nothing changed. */
  readonly flaky?: readonly string[]
  /** Change-step time spent waiting on the agent, and the rest: the leader's own. */
  readonly agentWaitMinutes?: number
  readonly leaderWorkMinutes?: number
}

export const developerLoopSchema = z
  .object({
    firstTestRunMinutes: z.number().min(0).optional(),
    firstGreenMinutes: z.number().min(0).optional(),
    testRuns: z.number().int().min(0).optional(),
    couldNotRun: z.number().int().min(0).optional(),
    suiteSeconds: z.number().min(0).optional(),
    buildSeconds: z.number().min(0).optional(),
    setup: z
      .array(z.object({ command: z.string().max(2_000), ok: z.boolean(), seconds: z.number().min(0) }))
      .max(50)
      .optional(),
    flaky: z.array(z.string().max(500)).max(50).optional(),
    agentWaitMinutes: z.number().min(0).optional(),
    leaderWorkMinutes: z.number().min(0).optional(),
  })
  .strip()

/**
 * Everything a finished session hands to the journal (built by the sessions domain). Minutes are
 * decimal minutes (17.5 = 17 min 30 s). A step that was not done is null (or zero minutes).
 */
export interface JournalSessionRecord {
  readonly schemaVersion: number
  /** The session's id (stable; the file name is derived separately and may differ). */
  readonly id: string
  /** The local calendar date of the session, YYYY-MM-DD. */
  readonly date: string
  /** ISO date-times with offset. */
  readonly startedAt: string
  readonly finishedAt: string
  /** The programme week (1-12, or beyond for a second round). */
  readonly week: number
  readonly theme: { readonly id: string; readonly title: string }
  readonly repository: JournalRepositoryRef
  /** True when the session ran without the AI (reduced, offline mode). */
  readonly offline: boolean
  /** Time actually spent per step, and the timebox it had. */
  readonly stepMinutes: Readonly<Record<JournalStep, number>>
  readonly timeboxMinutes: Readonly<Record<JournalStep, number>>
  /** The leader's estimate for the small change vs. the time it really took (correctable). */
  readonly effort: { readonly estimateMinutes: number | null; readonly actualMinutes: number | null }
  /** Slugs, e.g. 'slow-tests' or the leader's own 'no-staging-env'. */
  readonly frictionTags: readonly string[]
  readonly usage: JournalTokenUsage
  /** What the explore step kept: Claude's walkthrough (its questions as headings) or the offline tour. */
  readonly walkthrough: {
    readonly markdown: string
    readonly citations: readonly JournalCitation[]
    /** Where it came from (absent in older entries). */
    readonly source?: JournalSource
  } | null
  readonly diagram: { readonly mermaid: string; readonly svg?: string; readonly caption?: string; readonly source?: JournalSource } | null
  /** The leader's own notes per step (absent in older entries, whose explore notes sit in the walkthrough). */
  readonly notes?: { readonly explore?: string; readonly diagram?: string }
  /** The questions the leader asked Claude in the explore step, in order (absent in older entries). */
  readonly questionsAsked?: readonly string[]
  readonly change: JournalChange | null
  /** The leader's private reflection (Markdown). */
  readonly reflection: string
  readonly questions: readonly JournalQuestion[]
  /** The full conversation; stored only in the JSON sidecar, not in the Markdown file. */
  readonly transcript: readonly JournalTranscriptEntry[]
  /** What each request to Claude carried (sidecar only; absent in older entries). */
  readonly sent?: readonly JournalSentRecord[]
  /** What the hour measured of the developer loop (absent in older entries and hours with nothing measured). */
  readonly loop?: DeveloperLoop
  /** Files the leader opened in the viewer, in the order first opened (absent in older entries). */
  readonly viewed?: readonly string[]
}

const journalSourceSchema = z.enum(['ai', 'offline', 'hand'])

const stepNumbers = z.object({
  explore: z.number().min(0),
  diagram: z.number().min(0),
  change: z.number().min(0),
  reflect: z.number().min(0),
})

export const journalSessionRecordSchema: z.ZodType<JournalSessionRecord> = z.object({
  schemaVersion: z.number().int().min(1),
  id: z.string().min(1).max(200),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-11-24.'),
  startedAt: z.string().min(1),
  finishedAt: z.string().min(1),
  week: z.number().int().min(1).max(999),
  theme: z.object({ id: z.string(), title: z.string() }),
  repository: z.object({ id: z.string(), name: z.string(), path: z.string(), commit: z.string() }),
  offline: z.boolean(),
  stepMinutes: stepNumbers,
  timeboxMinutes: stepNumbers,
  effort: z.object({ estimateMinutes: z.number().min(0).nullable(), actualMinutes: z.number().min(0).nullable() }),
  frictionTags: z.array(z.string().min(1).max(60)),
  usage: z.object({
    inputTokens: z.number().min(0),
    cachedInputTokens: z.number().min(0),
    cacheWriteTokens: z.number().min(0),
    outputTokens: z.number().min(0),
    costUsd: z.number().min(0),
  }),
  walkthrough: z
    .object({
      markdown: z.string(),
      citations: z.array(
        z.object({
          path: z.string().min(1),
          line: z.number().int().min(1).optional(),
          endLine: z.number().int().min(1).optional(),
          label: z.string().optional(),
          mark: z.enum(['unverified', 'withheld']).optional(),
        }),
      ),
      source: journalSourceSchema.optional(),
    })
    .nullable(),
  diagram: z
    .object({ mermaid: z.string(), svg: z.string().optional(), caption: z.string().optional(), source: journalSourceSchema.optional() })
    .nullable(),
  notes: z.object({ explore: z.string().optional(), diagram: z.string().optional() }).optional(),
  questionsAsked: z.array(z.string()).optional(),
  change: z
    .object({
      request: z.string(),
      branch: z.string(),
      commit: z.string().nullable(),
      diff: z.string(),
      testRun: z
        .object({
          command: z.string(),
          exitCode: z.number().int().nullable(),
          durationMs: z.number().min(0),
          outputTail: z.string(),
          commit: z.string().nullable().optional(),
          onChange: z.boolean().optional(),
          failed: z.array(z.string()).optional(),
          firstError: z.string().nullable().optional(),
          outcome: testOutcomeSchema.optional(),
          couldNotRun: couldNotRunSchema.nullable().optional(),
        })
        .nullable(),
      testLog: testLogSchema.optional(),
      explanation: z.string(),
      manual: z.boolean(),
      originalBranch: z.string().nullable().optional(),
      returned: z.boolean().optional(),
      branchDeleted: z.boolean().optional(),
      cloneOn: z.string().nullable().optional(),
      branchTip: z.string().optional(),
      authorship: authorshipSchema.nullable().optional(),
    })
    .nullable(),
  reflection: z.string(),
  questions: z.array(
    z.object({
      id: z.string().min(1),
      text: z.string(),
      status: z.enum(['open', 'answered']),
      answer: z.string().optional(),
      answeredAt: z.string().optional(),
      askedInSession: z.string().optional(),
    }),
  ),
  transcript: z.array(
    z.object({
      step: z.enum(STEP_KEYS),
      role: z.enum(['leader', 'coach', 'tool', 'system']),
      text: z.string(),
      at: z.string(),
    }),
  ),
  sent: z.array(journalSentRecordSchema()).optional(),
  loop: developerLoopSchema.optional(),
  viewed: z.array(z.string().min(1).max(1000)).max(500).optional(),
})

/** The check a kept "what was sent" record passes (a broken one in a sidecar is dropped, not fatal). */
export function journalSentRecordSchema() {
  const file = z.object({ path: z.string(), bytes: z.number().min(0) })
  return z.object({
    step: z.enum(STEP_KEYS),
    at: z.string(),
    model: z.string(),
    contextFiles: z.array(file),
    added: z.object({ kind: z.enum(['question', 'tool_results']), chars: z.number().min(0), files: z.array(file) }),
    redactions: z.array(z.object({ path: z.string(), line: z.number(), rule: z.string() })),
    excluded: z.array(z.object({ path: z.string(), rule: z.string() })),
    usage: z
      .object({ inputTokens: z.number(), cacheWriteTokens: z.number(), cacheReadTokens: z.number(), outputTokens: z.number() })
      .nullable(),
    costUsd: z.number().nullable(),
  })
}

// ---- What the journal answers ---------------------------------------------------------------

/** One line of the journal list: enough to show and filter without opening the file. */
export interface JournalEntrySummary {
  readonly id: string
  /** File name inside the journal folder, e.g. 2026-11-24-week-03-payments-api.md. */
  readonly fileName: string
  readonly date: string
  readonly startedAt: string
  readonly week: number
  /** ISO week of `date`, e.g. "2026-W48". */
  readonly isoWeek: string
  readonly theme: { readonly id: string; readonly title: string }
  readonly repository: { readonly id: string; readonly name: string; readonly commit: string }
  readonly frictionTags: readonly string[]
  readonly effort: { readonly estimateMinutes: number | null; readonly actualMinutes: number | null }
  readonly totalMinutes: number
  readonly costUsd: number
  readonly openQuestions: number
  readonly hasDiagram: boolean
  readonly hasChange: boolean
  /** The first words of the reflection (or walkthrough), plain text. */
  readonly excerpt: string
}

export interface JournalFilter {
  readonly repositoryId?: string
  readonly themeId?: string
  readonly tag?: string
  /** Inclusive, YYYY-MM-DD. */
  readonly from?: string
  readonly to?: string
}

/** A stretch of text around a match; `highlights` are [start, end) offsets into `text`. */
export interface JournalSnippet {
  readonly field:
    | 'theme'
    | 'walkthrough'
    | 'diagram'
    | 'change'
    | 'tests'
    | 'explanation'
    | 'reflection'
    | 'questions'
    | 'tags'
    | 'repository'
    | 'notes'
    | 'transcript'
  readonly text: string
  readonly highlights: readonly (readonly [number, number])[]
}

export interface JournalSearchHit {
  readonly entry: JournalEntrySummary
  readonly score: number
  readonly snippets: readonly JournalSnippet[]
}

export interface JournalListResult {
  readonly entries: readonly JournalEntrySummary[]
  /** How many matched before `limit` cut the list. */
  readonly total: number
  /** Files that could not be read (reported, skipped, never touched). */
  readonly problemCount: number
}

export interface JournalSearchResult {
  readonly hits: readonly JournalSearchHit[]
  readonly total: number
  readonly problemCount: number
}

export interface JournalProblem {
  readonly fileName: string
  readonly code: 'unreadable' | 'no_front_matter' | 'bad_front_matter' | 'invalid_fields' | 'bad_sidecar'
  readonly message: string
}

/** A session as the review shows it: everything in the file, plus the transcript when there is one. */
export interface JournalSessionView {
  readonly fileName: string
  readonly record: JournalSessionRecord
  /** False when the sidecar is missing or unreadable (the transcript is then empty). */
  readonly hasTranscript: boolean
  readonly modifiedAt: string
}

/** An entry that could not be written to the journal folder and waits in the data folder. */
export interface JournalPendingEntry {
  readonly id: string
  readonly fileName: string
  readonly savedAt: string
  readonly reason: string
}

// ---- Review, insights and export ------------------------------------------------------------

/** A week the leader marked as skipped or paused (kept by the sessions domain, passed in). */
export interface JournalWeekMark {
  /** "2026-W48". */
  readonly isoWeek: string
  readonly status: 'skipped' | 'paused'
}

export interface HeatmapWeek {
  readonly isoWeek: string
  readonly status: 'practised' | 'skipped' | 'paused' | 'none' | 'future'
  readonly sessions: number
}

export interface CalibrationPoint {
  readonly id: string
  readonly date: string
  readonly repositoryName: string
  readonly estimateMinutes: number
  readonly actualMinutes: number
  /** actual ÷ estimate: 2 means the change took twice as long as expected. */
  readonly ratio: number
}

export interface PeriodRatio {
  /** "2026-Q4". */
  readonly period: string
  readonly medianRatio: number
  readonly count: number
}

export interface TagCount {
  readonly tag: string
  readonly count: number
}

export interface FrictionPeriod {
  /** "2026-11". */
  readonly period: string
  readonly counts: readonly TagCount[]
}

export interface FrictionByRepository {
  readonly repositoryId: string
  readonly repositoryName: string
  readonly sessions: number
  readonly counts: readonly TagCount[]
}

export interface OpenQuestion {
  readonly id: string
  readonly text: string
  /** Date of the latest session that carried it. */
  readonly lastSeen: string
  readonly repositoryName: string
}

export interface StepTime {
  readonly step: JournalStep
  readonly totalMinutes: number
  readonly averageMinutes: number
  readonly averageTimeboxMinutes: number
  readonly sessions: number
}

/** What the latest hour showed on its own: useful from the first session, before any trend. */
export interface LatestHour {
  readonly id: string
  readonly date: string
  readonly theme: string
  readonly repositoryName: string
  /** Each step's minutes against its timebox. */
  readonly steps: readonly { readonly step: JournalStep; readonly minutes: number; readonly timeboxMinutes: number }[]
  readonly totalMinutes: number
  readonly totalTimeboxMinutes: number
  /** actual ÷ estimate, when both were recorded. */
  readonly effort: { readonly estimateMinutes: number | null; readonly actualMinutes: number | null; readonly ratio: number | null }
  readonly frictionTags: readonly string[]
  /** Plain sentences, one per finding, in the order they are shown. */
  readonly findings: readonly string[]
}

/** Every chart's data comes from the journal files alone, with a plain-text summary beside it. */
export interface JournalInsights {
  readonly sessions: number
  /** The newest session on its own; null before the first. */
  readonly latest: LatestHour | null
  readonly heatmap: {
    readonly year: number
    readonly weeks: readonly HeatmapWeek[]
    readonly practised: number
    readonly skipped: number
    readonly paused: number
    readonly summary: string
  }
  readonly calibration: {
    readonly points: readonly CalibrationPoint[]
    readonly trend: readonly PeriodRatio[]
    readonly medianRatio: number | null
    readonly summary: string
  }
  readonly friction: {
    readonly byTag: readonly TagCount[]
    readonly overTime: readonly FrictionPeriod[]
    readonly byRepository: readonly FrictionByRepository[]
    readonly summary: string
  }
  readonly questions: {
    readonly open: number
    readonly answered: number
    readonly openQuestions: readonly OpenQuestion[]
    readonly summary: string
  }
  readonly stepTime: { readonly steps: readonly StepTime[]; readonly summary: string }
  /** The developer loop per repository, week by week, with the friction tagged there (absent from older answers). */
  readonly loopByRepository?: readonly RepoLoopCard[]
  /** Lines of the committed changes the leader's own hands wrote, against the agent's, week by week. */
  readonly handsOn: {
    readonly weeks: readonly HandsOnWeek[]
    readonly leaderLines: number
    readonly agentLines: number
    readonly summary: string
  }
}

/** One week of hours in one repository: the developer loop as measured (null: not measured that week). */
export interface RepoLoopWeek {
  /** "2026-W48". */
  readonly isoWeek: string
  readonly sessions: number
  /** The week's median over its hours with the figure. */
  readonly firstTestRunMinutes: number | null
  readonly firstGreenMinutes: number | null
  readonly suiteSeconds: number | null
  /** Setup steps run, and how many did not work; null when no setup was recorded. */
  readonly setupSteps: number | null
  readonly setupFailed: number | null
  readonly flaky: readonly string[]
  readonly frictionTags: readonly string[]
}

/** A repository's developer loop over the weeks, beside the friction the leader tagged there. */
export interface RepoLoopCard {
  readonly repositoryId: string
  readonly repositoryName: string
  readonly sessions: number
  /** Oldest first; only weeks with an hour in the repository. */
  readonly weeks: readonly RepoLoopWeek[]
  readonly summary: string
}

/** The note for a repository's tech lead: the facts of the last hours there, friction notes and open questions. */
export interface TechLeadNote {
  readonly repositoryId: string
  readonly repositoryName: string
  readonly markdown: string
  /** A file name for it, e.g. gemba-note-shop-2026-12-07.md. */
  readonly fileName: string
  readonly sessions: number
}

export interface HandsOnWeek {
  /** "2026-W48". */
  readonly isoWeek: string
  readonly leaderLines: number
  readonly agentLines: number
}

export interface JournalRollup {
  /** "2026-Q4". */
  readonly quarter: string
  readonly from: string
  readonly to: string
  readonly sessions: readonly JournalEntrySummary[]
  readonly themes: readonly { readonly id: string; readonly title: string; readonly count: number }[]
  readonly repositories: readonly { readonly id: string; readonly name: string; readonly count: number }[]
  readonly friction: readonly TagCount[]
  readonly calibration: { readonly medianRatio: number | null; readonly count: number }
  readonly openQuestions: readonly OpenQuestion[]
  readonly summary: string
}

/**
 * Where a past session's citation is in the code today, found by content (and git's rename detection):
 * unchanged (same file, same lines), moved (the same lines elsewhere), changed (edited in place),
 * vanished (gone), unknown (the session's version could not be read).
 */
export interface CitationAnchor {
  readonly path: string
  readonly line: number | null
  readonly endLine: number | null
  readonly status: 'unchanged' | 'moved' | 'changed' | 'vanished' | 'unknown'
  /** Where "open" goes now; null when the lines vanished or could not be checked. */
  readonly now: { readonly path: string; readonly line: number | null; readonly endLine: number | null } | null
}

/** How much of the code a session discussed has changed since its commit. */
export interface JournalCodeDrift {
  readonly total: number
  readonly changed: number
  readonly files: readonly { readonly path: string; readonly changed: boolean | null }[]
  /** "Of the 7 cited places, 2 moved, 1 changed and 1 vanished since this session." */
  readonly summary: string
  /** Each citation re-anchored to today's code (absent in drift computed without git). */
  readonly anchors?: readonly CitationAnchor[]
}

/** The drift of one session against its repository today; "unknown" when the repository cannot tell. */
export type JournalDriftView =
  | {
      readonly state: 'known'
      readonly drift: JournalCodeDrift
      /** The repository's HEAD now (full sha). */
      readonly headCommit: string
      readonly repositoryPath: string
    }
  | { readonly state: 'unknown'; readonly reason: string; readonly repositoryPath: string }

export interface JournalExportResult {
  readonly folder: string
  readonly files: readonly string[]
  readonly sessions: number
}

export interface JournalShareSummary {
  readonly markdown: string
  readonly from: string
  readonly to: string
  readonly sessions: number
  readonly includesReflections: boolean
}

export interface JournalProblemsView {
  readonly problems: readonly JournalProblem[]
  readonly pending: readonly JournalPendingEntry[]
}

export interface JournalFlushResult {
  readonly written: readonly string[]
  readonly pending: readonly JournalPendingEntry[]
  /** Why the rest could not be written yet, in a sentence. */
  readonly reason: string | null
}
