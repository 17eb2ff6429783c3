// The weekly hour as data: a session with its four steps, their time accounting and what each step
// produced; the programme's progress; and the "today" view. Plain serialisable data and the zod
// schemas that check a session file on load and a step update on the way in. No logic, no disk.
import { z } from 'zod'
import { STEP_KEYS, type StepKey } from './curriculum.ts'
import { couldNotRunSchema, testLogSchema, testOutcomeSchema } from './change.ts'
import { authorshipSchema, KNOWN_FRICTION_TAGS } from './journal.ts'
import type { Schedule, StepMinutes } from './settings.ts'
import { REPO_KINDS, type RepoKindReading } from './repos.ts'

export { STEP_KEYS, type StepKey }
export { KNOWN_FRICTION_TAGS }

export const SESSION_SCHEMA_VERSION = 1
export const DEFAULT_TIMEBOXES: StepMinutes = { explore: 15, diagram: 10, change: 25, reflect: 10 }

/** The guided reflection prompts, in the order they are asked. */
export const REFLECT_PROMPTS = [
  { key: 'surprised', label: 'What surprised me' },
  { key: 'understood', label: "What I now understand about the team's work" },
  { key: 'friction', label: 'Friction my team lives with' },
  { key: 'aiHelp', label: 'Where AI could help this team most' },
  { key: 'askTechLead', label: 'What I would ask my tech lead' },
] as const
const iso = z.iso.datetime({ offset: true })
const longText = (max: number) => z.string().max(max)
const minutes = z
  .number()
  .min(0)
  .max(24 * 60)
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use a short tag with letters, digits and dashes, such as no-staging-env.')

export const intervalSchema = z.object({ start: iso, end: iso.nullable() })
export type TimeInterval = z.infer<typeof intervalSchema>

export const stepStatusSchema = z.enum(['not_started', 'in_progress', 'done'])
export type StepStatus = z.infer<typeof stepStatusSchema>

export const citationSchema = z.object({
  path: z.string().min(1).max(1000),
  line: z.number().int().min(1).optional(),
  endLine: z.number().int().min(1).optional(),
  label: z.string().max(200).optional(),
  /** How the session showed a citation the repository did not confirm (absent: confirmed, or not Claude's). */
  mark: z.enum(['unverified', 'withheld']).optional(),
})

/** Who chose what a step keeps: Gemba (the newest of Claude's answers, else the offline one) or the leader. */
export const recordChoiceSchema = z.enum(['auto', 'leader'])
export type RecordChoice = z.infer<typeof recordChoiceSchema>

/** Every coach conversation a step had in this session (the journal's transcript reads them all). */
const threadRefs = z.array(z.string().min(1).max(500)).max(200)

export const explorePayloadSchema = z.object({
  /** The walkthrough the session keeps (Markdown): Claude's answers as they come, or the offline tour. */
  walkthrough: longText(400_000),
  citations: z.array(citationSchema).max(500),
  /** The leader's own notes while exploring. */
  notes: longText(100_000),
  /** The questions the leader asked the coach, in order. */
  questionsAsked: z.array(longText(4_000)).max(200),
  /** Where the full conversation is kept (the AI domain's id for it), if anywhere. */
  transcriptRef: z.string().max(500).nullable(),
  source: z.enum(['ai', 'offline']).nullable(),
  /** Claude's answers of this session as they came (kept even while the leader keeps the offline tour). */
  coach: z.object({ markdown: longText(400_000), citations: z.array(citationSchema).max(500) }).optional(),
  /** Every explore conversation of the session (absent in older sessions: then transcriptRef alone). */
  threadRefs: threadRefs.optional(),
  /** 'leader' once the leader picked the record themselves: Claude's next answers no longer replace it. */
  choice: recordChoiceSchema.optional(),
  /** Files the leader opened in the read-only viewer this hour, first opening first (paths only; absent in older sessions). */
  viewed: z.array(z.string().min(1).max(1000)).max(500).optional(),
})
export type ExplorePayload = z.infer<typeof explorePayloadSchema>

export const diagramPayloadSchema = z.object({
  mermaid: longText(200_000),
  caption: longText(2_000),
  /** The diagram as drawn, kept so the journal renders it without Mermaid (absent in older sessions). */
  svg: longText(2_000_000).optional(),
  notes: longText(100_000),
  source: z.enum(['ai', 'offline', 'hand']).nullable(),
  /** The coach's thread that drew it, when Claude did (absent in older sessions). */
  transcriptRef: z.string().max(500).nullable().optional(),
  /** Every diagram conversation of the session (absent in older sessions). */
  threadRefs: threadRefs.optional(),
  /** 'leader' once the leader picked the diagram themselves: a newer drawing no longer replaces it. */
  choice: recordChoiceSchema.optional(),
})
export type DiagramPayload = z.infer<typeof diagramPayloadSchema>

export const testRunSchema = z.object({
  command: z.string().max(2_000),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().min(0),
  outputTail: longText(50_000),
  /** The commit the tests ran on (absent in older sessions). */
  commit: z.string().max(64).nullable().optional(),
  /** They ran on the change as committed: HEAD was its commit and no tracked file was edited. */
  onChange: z.boolean().optional(),
  /** The failing tests and the first error, as Gemba read them from the output. */
  failed: z.array(z.string().max(500)).max(20).optional(),
  firstError: z.string().max(2_000).nullable().optional(),
  /** passed, failed, or could not run (absent in older sessions: read from the exit code, testOutcomeOf). */
  outcome: testOutcomeSchema.optional(),
  /** Why the tests could not run, in one sentence; never a failure. */
  couldNotRun: couldNotRunSchema.nullable().optional(),
})
/** How many waits on the agent a session keeps (the newest are kept past it). */
export const MAX_LOOP_RECORDS = 200

export const changePayloadSchema = z.object({
  /** What the leader asked for, in their words. */
  request: longText(10_000),
  /** The leader's estimate, written down before starting. */
  estimateMinutes: minutes.nullable(),
  /** The leader's correction of the measured time; null means "use the step's timer". */
  actualMinutes: minutes.nullable(),
  branch: z.string().max(250).nullable(),
  commit: z.string().max(64).nullable(),
  diff: longText(2_000_000),
  testRun: testRunSchema.nullable(),
  /** Every setup step and test run of the session, and its flaky tests (absent in older sessions); a patch appends to it. */
  testLog: testLogSchema.optional(),
  explanation: longText(200_000),
  manual: z.boolean(),
  /** The branch the clone was on before the change landed: where "back" is (absent in older sessions). */
  originalBranch: z.string().max(250).nullable().optional(),
  /** The leader took the clone back to originalBranch. */
  returned: z.boolean().optional(),
  /** The leader deleted the Gemba branch (its commit kept under refs/gemba/kept/ until the journal entry was written). */
  branchDeleted: z.boolean().optional(),
  /** The branch the clone was on when this was last read from git (null: a detached HEAD). */
  cloneOn: z.string().max(250).nullable().optional(),
  /** The Gemba branch's tip when last read from git (past commit when commits were made on it in git). */
  branchTip: z.string().max(64).optional(),
  /** Lines added by the leader's own hands and by the agent, in what was committed. */
  authorship: authorshipSchema.nullable().optional(),
  /** When the leader waited on the agent (drafting or explaining the change), oldest first (absent in older sessions). */
  agentWaits: z
    .array(z.object({ start: iso, end: iso }))
    .max(MAX_LOOP_RECORDS)
    .optional(),
})
export type ChangePayload = z.infer<typeof changePayloadSchema>

export const questionSchema = z.object({
  id: z.string().min(1).max(100),
  text: z.string().trim().min(1).max(2_000),
  askedAt: iso,
  answeredAt: iso.nullable(),
  answer: z.string().max(10_000).nullable(),
})
export type TechLeadQuestion = z.infer<typeof questionSchema>

export const reflectAnswersSchema = z.object({
  surprised: longText(20_000),
  understood: longText(20_000),
  friction: longText(20_000),
  aiHelp: longText(20_000),
  askTechLead: longText(20_000),
})
export const reflectPayloadSchema = z.object({
  /** The reflection the leader edits (pre-filled from the session on first visit). */
  markdown: longText(400_000),
  /** When the draft was pre-filled; null until then (so a cleared draft is not filled again). */
  prefilledAt: iso.nullable(),
  answers: reflectAnswersSchema,
  frictionTags: z.array(slug).max(30),
  /** Questions first asked in this session. Answered ones stay, marked, for the record. */
  questionsForTechLead: z.array(questionSchema).max(100),
})
const stepState = <P extends z.ZodType>(payload: P) =>
  z.object({
    status: stepStatusSchema,
    timeboxMinutes: z.number().int().min(1).max(120),
    /** When the step was the current one and the session was running; at most one is open. */
    intervals: z.array(intervalSchema).max(10_000),
    payload,
  })

export const sessionStepsSchema = z.object({
  explore: stepState(explorePayloadSchema),
  diagram: stepState(diagramPayloadSchema),
  change: stepState(changePayloadSchema),
  reflect: stepState(reflectPayloadSchema),
})
export type SessionSteps = z.infer<typeof sessionStepsSchema>
export const usageSchema = z.object({
  inputTokens: z.number().min(0),
  cachedInputTokens: z.number().min(0),
  cacheWriteTokens: z.number().min(0),
  outputTokens: z.number().min(0),
  costUsd: z.number().min(0),
})
export type SessionUsage = z.infer<typeof usageSchema>

export const sessionStatusSchema = z.enum(['active', 'finished', 'abandoned'])
export type SessionStatus = z.infer<typeof sessionStatusSchema>

export const sessionSchema = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9-]{8,80}$/),
  /** Absolute programme week (1, 2, … 13 for the second round's first week). */
  programmeWeek: z.number().int().min(1),
  /** The curriculum week (1-12). */
  weekNumber: z.number().int().min(1),
  themeId: z.string().min(1),
  theme: z.string().min(1),
  repo: z.object({ id: z.string().min(1), name: z.string(), path: z.string(), commit: z.string().nullable() }),
  /**
   * The kind of codebase the scan read the repository as when the hour started: the week's text (theme,
   * prompts) is the one for that kind, here and in the journal later. Absent in hours started before.
   */
  repoKind: z
    .object({ kind: z.enum([...REPO_KINDS, 'unknown']), reason: z.string().max(500) })
    .nullable()
    .optional(),
  createdAt: iso,
  updatedAt: iso,
  finishedAt: iso.nullable(),
  status: sessionStatusSchema,
  currentStep: z.enum(STEP_KEYS),
  /** Set while the session is paused: by the leader, or found running after the app stopped. */
  paused: z.object({ since: iso, reason: z.enum(['leader', 'interrupted']) }).nullable(),
  steps: sessionStepsSchema,
  offline: z.boolean(),
  usage: usageSchema,
  /** Where the journal entry was written, once finished. */
  journalPath: z.string().nullable(),
})
export type Session = z.infer<typeof sessionSchema>

// ---- Inputs: what the page may write ------------------------------------------------------

/**
 * What the leader types into a step, the only fields the page patches: notes, the estimate and the
 * actual time, the reflection, its tags and questions. Every other field is a fact a service made
 * and records itself (the coach's answers, the change, its tests); the page's choices among them
 * are intents (`sessions.keepRecord`).
 */
export const stepPayloadPatchSchemas = {
  explore: explorePayloadSchema.pick({ notes: true }).partial().strict(),
  diagram: diagramPayloadSchema.pick({ notes: true }).partial().strict(),
  change: changePayloadSchema.pick({ estimateMinutes: true, actualMinutes: true }).partial().strict(),
  reflect: reflectPayloadSchema
    .omit({ questionsForTechLead: true, prefilledAt: true })
    .extend({
      answers: reflectAnswersSchema.partial().strict(),
      frictionTags: z.array(slug).max(30),
      /** The questions of this session as edited: existing ones keep their id (and answered state). */
      questionsForTechLead: z
        .array(z.object({ id: z.string().min(1).max(100).optional(), text: z.string().trim().min(1).max(2_000) }).strict())
        .max(100),
    })
    .partial()
    .strict(),
} as const

export type StepPayloadPatch<S extends StepKey> = z.infer<(typeof stepPayloadPatchSchemas)[S]>

/**
 * The leader's (or, with `by: 'auto'`, the page's first-shown) choice of what a step keeps for the
 * journal. The service that keeps it reads the content itself: the offline tour or module diagram
 * from the repository, Claude's walkthrough from what the session recorded, a drawing from Claude's
 * answer in the session's diagram conversation. Only a drawing's SVG comes from the page, which is
 * where Mermaid draws it after checking it.
 */
export const explorePickSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline'), by: recordChoiceSchema }).strict(),
  z.object({ kind: z.literal('coach') }).strict(),
])

export const diagramPickSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline'), by: recordChoiceSchema }).strict(),
  z
    .object({
      kind: z.literal('drawing'),
      /** The diagram conversation that drew it. */
      threadId: z.string().min(1).max(500),
      /** Its Mermaid source, as checked by Mermaid on the page. */
      mermaid: z.string().min(1).max(200_000),
      /** The SVG Mermaid drew from it on the page; empty when it is too large to keep. */
      svg: z.string().max(2_000_000),
      by: recordChoiceSchema,
    })
    .strict(),
])

export type RecordPick =
  | { readonly step: 'explore'; readonly pick: z.infer<typeof explorePickSchema> }
  | { readonly step: 'diagram'; readonly pick: z.infer<typeof diagramPickSchema> }

// ---- Progress and the today view -----------------------------------------------------------

export type WeekOutcome = 'practised' | 'skipped' | 'missed' | 'pending'

export interface WeekRecord {
  readonly programmeWeek: number
  readonly weekNumber: number
  readonly theme: string
  /** Monday (YYYY-MM-DD, leader's time zone) of the calendar week this programme week fell in. */
  readonly weekOf: string
  readonly outcome: WeekOutcome
  readonly sessionId: string | null
}

export interface Consistency {
  /** "7 of the last 10": practised weeks out of the weeks that counted. */
  readonly practised: number
  /** The last 12 programme weeks, minus skipped weeks and the current week unless it is practised. */
  readonly outOf: number
  readonly skipped: number
  readonly missed: number
  /** Calendar weeks paused inside the window (not counted at all). */
  readonly pausedWeeks: number
  readonly weeks: readonly WeekRecord[]
  readonly summary: string
}

export interface ProgrammePause {
  /** Monday (YYYY-MM-DD) of the first paused calendar week. */
  readonly from: string
  /** Monday of the last paused week (inclusive); null until resumed. */
  readonly to: string | null
}

/** The programme's calendar so far, for charts over any span: its start, every pause, every skip. */
export interface ProgrammeHistory {
  /** Monday (YYYY-MM-DD) of this calendar week in the leader's time zone. */
  readonly currentWeekOf: string
  /** Monday of programme week 1, or null before the first session. */
  readonly startedWeekOf: string | null
  /** Every pause, oldest first; a planned one may end after this week, a running one has no end. */
  readonly pauses: readonly ProgrammePause[]
  /** Every skipped programme week with the Monday of the calendar week it fell in, oldest first. */
  readonly skippedWeeks: readonly { readonly programmeWeek: number; readonly weekOf: string }[]
}

export interface SessionSummary {
  readonly id: string
  readonly programmeWeek: number
  readonly weekNumber: number
  readonly theme: string
  readonly repo: { readonly id: string; readonly name: string }
  readonly status: SessionStatus
  readonly currentStep: StepKey
  readonly paused: boolean
  readonly createdAt: string
  readonly finishedAt: string | null
}

export interface TodayWeek {
  readonly programmeWeek: number
  readonly weekNumber: number
  readonly cycle: number
  readonly id: string
  readonly theme: string
  readonly goal: string
  readonly whyItMatters: string
  readonly repo: { readonly id: string; readonly name: string; readonly path: string } | null
}

/** A repository an hour can go into, and when the leader last started an hour there. */
export interface RepoChoice {
  readonly id: string
  readonly name: string
  readonly path: string
  /** ISO time of the last hour started there (not abandoned); null when never. */
  readonly lastVisitedAt: string | null
}

export interface SessionNotice {
  readonly code: 'session_file_corrupt'
  readonly message: string
  readonly file: string
  readonly movedTo: string
}

export interface TodayView {
  /** This week's hour; while the programme is paused, the week that comes next. */
  readonly week: TodayWeek
  readonly outcome: WeekOutcome
  readonly schedule: Schedule
  /** The next start of the weekly slot (ISO, UTC). */
  readonly nextSlot: string
  readonly timeboxes: StepMinutes
  readonly consistency: Consistency
  readonly activeSession: SessionSummary | null
  /** Earlier weeks neither practised nor skipped, newest first: offered, not nagged. */
  readonly pastDue: readonly TodayWeek[]
  readonly programme: {
    readonly started: boolean
    /** Monday (YYYY-MM-DD) of programme week 1. */
    readonly startedWeekOf: string | null
    readonly paused: boolean
    /** Monday of the last paused week, or null when paused until resumed (or not paused). */
    readonly pausedThrough: string | null
  }
  readonly openQuestions: number
  readonly notices: readonly SessionNotice[]
  /** The repositories an hour can go into, the rotation's pick (the least recently visited) first. */
  readonly repoChoices: readonly RepoChoice[]
  /** Hours finished with every step done this week: an extra hour counts here, the week once. */
  readonly hoursThisWeek: number
}

/** Timer state computed from the session at one instant; the renderer ticks from runningSince. */
export interface StepTimer {
  readonly elapsedMs: number
  readonly timeboxMs: number
  readonly remainingMs: number
  /** The step ran past its timebox: show a gentle notice, never move on by force. */
  readonly overTime: boolean
}

export interface SessionTimer {
  readonly at: string
  readonly currentStep: StepKey
  readonly paused: boolean
  /** When the running interval began (null while paused): elapsed grows by now − runningSince. */
  readonly runningSince: string | null
  readonly steps: Readonly<Record<StepKey, StepTimer>>
  readonly hour: StepTimer
}

export interface SessionView {
  readonly session: Session
  readonly timer: SessionTimer
  /** Open questions from earlier sessions, carried forward until answered. */
  readonly carriedQuestions: readonly OpenQuestion[]
}

export interface OpenQuestion extends TechLeadQuestion {
  readonly sessionId: string
  readonly repo: { readonly id: string; readonly name: string }
  readonly weekNumber: number
}

export interface FinishResult {
  readonly session: Session
  /** Where the journal entry was written; null when the journal kept it pending (see journalPending). */
  readonly journalPath: string | null
  /** Set when the journal folder was unavailable: the entry waits safely in the data folder. */
  readonly journalPending: { readonly message: string } | null
  /** Whether the week counts as practised (all four steps done in the app). */
  readonly practised: boolean
  readonly notDone: readonly StepKey[]
}

// ---- Where the leader has been ------------------------------------------------------------

/** One file of a repository and how often the leader's hours went there. */
export interface PathVisit {
  readonly path: string
  /** Hours in which the leader opened it in the viewer. */
  readonly read: number
  /** Hours whose walkthrough cited it. */
  readonly cited: number
  /** Hours whose change touched it. */
  readonly changed: number
}

/** Where the leader has been in one repository, over every hour there (bounded: the newest hours first). */
export interface RepoVisits {
  readonly repoId: string
  /** Hours read (finished or running). */
  readonly hours: number
  /** The date (YYYY-MM-DD) of the oldest and newest hour read; null before the first. */
  readonly from: string | null
  readonly to: string | null
  readonly paths: readonly PathVisit[]
  /** True when hours or paths beyond the bounds were left out. */
  readonly truncated: boolean
}

/** The area Today suggests for next week's hour, and why, in a sentence. */
export interface AreaSuggestion {
  readonly repoId: string
  readonly repoName: string
  /** The module's folder (relative to the repository root, "." for the root). */
  readonly path: string
  readonly name: string
  /** How the map labels it: "src/billing/", or "lib/ (files)" for the files directly in a folder with modules below it. */
  readonly label: string
  /** Commits that touched it in the recent window, and the window. */
  readonly commits: number
  readonly window: { readonly kind: 'days'; readonly since: string } | { readonly kind: 'commits'; readonly commitsRead: number }
  /** True when the week's theme points at this kind of module. */
  readonly matchesTheme: boolean
  readonly why: string
  /** Other unvisited modules worth a look, best first (at most three). */
  readonly alternatives: readonly { readonly path: string; readonly commits: number }[]
}

/** What Today suggests for the next hour: its week and theme, and the area (null when there is none to suggest, with why). */
/** This week's hour as it reads for its repository's kind of codebase (Today shows it; the hour keeps it). */
export interface WeekFit {
  readonly programmeWeek: number
  readonly repoId: string
  readonly kind: RepoKindReading
  readonly theme: string
  readonly goal: string
  readonly whyItMatters: string
  /** "This repository reads as a library (…), so this week is “Follow one call through the public API”." */
  readonly sentence: string
}

export interface NextArea {
  readonly programmeWeek: number
  readonly theme: string
  readonly suggestion: AreaSuggestion | null
  /** Why nothing is suggested ("Add a repository first."), when suggestion is null. */
  readonly reason: string | null
}
