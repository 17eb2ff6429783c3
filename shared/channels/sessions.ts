// Sessions channels: this week's hour, the session runner (steps, timer, pause), the programme
// (skip, pause for travel) and the questions for the tech lead that carry forward.
import { z } from 'zod'
import { channel } from '../contract.ts'
import { STEP_KEYS } from '../models/curriculum.ts'
import { stepMinutesSchema } from '../models/settings.ts'
import {
  diagramPickSchema,
  explorePickSchema,
  stepPayloadPatchSchemas,
  stepStatusSchema,
  type FinishResult,
  type NextArea,
  type WeekFit,
  type OpenQuestion,
  type RepoVisits,
  type ProgrammeHistory,
  type SessionSummary,
  type SessionView,
  type TodayView,
} from '../models/sessions.ts'

const id = z.string().regex(/^[a-z0-9-]{8,80}$/, 'That is not a session id.')
const byId = z.object({ id }).strict()
const programmeWeek = z.number().int().min(1).max(10_000)

const stepUpdate = <S extends (typeof STEP_KEYS)[number]>(step: S) =>
  z
    .object({
      id,
      step: z.literal(step),
      status: stepStatusSchema.optional(),
      payload: stepPayloadPatchSchemas[step].optional(),
    })
    .strict()

export const sessionsChannels = {
  today: channel<TodayView>()({
    description: "This week's hour: week, theme, repository, when it is scheduled, consistency, the active session and past-due weeks.",
    input: z.object({}).strict(),
  }),
  programme: channel<ProgrammeHistory>()({
    description: "The programme's history for charts: when it started, every pause and every skipped week (beyond the last 12).",
    input: z.object({}).strict(),
  }),
  list: channel<readonly SessionSummary[]>()({
    description: 'Every session, newest first.',
    input: z.object({}).strict(),
  }),
  start: channel<SessionView>()({
    description: "Starts this week's hour (or a past-due week), or answers the session already running for it.",
    input: z
      .object({
        programmeWeek: programmeWeek.optional(),
        repoId: z.string().min(1).max(200).optional(),
        /** The commit the repository is at (pins the session); the lead passes HEAD. */
        commit: z
          .string()
          .regex(/^[0-9a-f]{7,64}$/)
          .nullable()
          .optional(),
        offline: z.boolean().optional(),
      })
      .strict(),
    events: ['sessions.changed'],
  }),
  get: channel<SessionView>()({
    description: 'A session with its timer and the questions carried forward from earlier weeks.',
    input: byId,
  }),
  goToStep: channel<SessionView>()({
    description: 'Moves to a step; from now on time counts for it. Steps can be visited in any order.',
    input: z.object({ id, step: z.enum(STEP_KEYS) }).strict(),
    events: ['sessions.changed'],
  }),
  updateStep: channel<SessionView>()({
    description:
      'Saves what the leader typed into a step (notes, the estimate and actual time, the reflection, tags, questions) and/or its status.',
    input: z.discriminatedUnion('step', [stepUpdate('explore'), stepUpdate('diagram'), stepUpdate('change'), stepUpdate('reflect')]),
    events: ['sessions.changed'],
  }),
  keepRecord: channel<SessionView>()({
    description:
      "Keeps for the journal what the leader (or the page, when it is first shown) picks for a step: the offline tour or module diagram, Claude's walkthrough, or one of Claude's drawings.",
    input: z.discriminatedUnion('step', [
      z.object({ id, step: z.literal('explore'), pick: explorePickSchema }).strict(),
      z.object({ id, step: z.literal('diagram'), pick: diagramPickSchema }).strict(),
    ]),
    events: ['sessions.changed'],
  }),
  pause: channel<SessionView>()({
    description: 'Pauses the session: the timers stop until resumed.',
    input: byId,
    events: ['sessions.changed'],
  }),
  resume: channel<SessionView>()({
    description: 'Resumes a paused session on its current step.',
    input: byId,
    events: ['sessions.changed'],
  }),
  heartbeat: channel<{ readonly at: string }>()({
    description: 'Marks the session as seen now, so a crash later loses at most the time since.',
    input: byId,
  }),
  setTimeboxes: channel<SessionView>()({
    description: "Changes this session's step timeboxes (minutes).",
    input: z.object({ id, timeboxes: stepMinutesSchema.partial().strict() }).strict(),
    events: ['sessions.changed'],
  }),
  abandon: channel<SessionView>()({
    description: 'Sets a session aside without a journal entry (it is kept, marked abandoned).',
    input: byId,
    events: ['sessions.changed'],
  }),
  finish: channel<FinishResult>()({
    description: 'Finishes the session and writes its journal entry.',
    input: byId,
    events: ['sessions.changed'],
  }),
  skipWeek: channel<TodayView>()({
    description: 'Marks a programme week (default: this one) as skipped. Skipped weeks never count against you.',
    input: z.object({ programmeWeek: programmeWeek.optional() }).strict(),
    events: ['sessions.changed'],
  }),
  unskipWeek: channel<TodayView>()({
    description: 'Takes back a skip.',
    input: z.object({ programmeWeek }).strict(),
    events: ['sessions.changed'],
  }),
  pauseProgramme: channel<TodayView>()({
    description: 'Pauses the programme (travel, leave) for a number of weeks or until resumed; paused weeks are not counted.',
    input: z.object({ weeks: z.number().int().min(1).max(52).nullable() }).strict(),
    events: ['sessions.changed'],
  }),
  resumeProgramme: channel<TodayView>()({
    description: 'Ends a pause: this week counts again.',
    input: z.object({}).strict(),
    events: ['sessions.changed'],
  }),
  questions: channel<readonly OpenQuestion[]>()({
    description: 'Questions for the tech lead, oldest first: open ones, or all with includeAnswered.',
    input: z.object({ includeAnswered: z.boolean().optional() }).strict(),
  }),
  answerQuestion: channel<OpenQuestion>()({
    description: 'Marks a question for the tech lead as answered (with the answer, if noted); or reopens it.',
    input: z
      .object({
        questionId: z.string().min(1).max(100),
        answer: z.string().max(10_000).nullable().optional(),
        reopen: z.boolean().optional(),
      })
      .strict(),
    events: ['sessions.changed'],
  }),
  visits: channel<RepoVisits>()({
    description:
      'Where the leader has been in a repository over every hour there: files opened in the viewer, cited in the walkthrough and changed, counted per hour.',
    input: z.object({ repoId: z.string().min(1).max(100) }).strict(),
  }),
  weekFit: channel<WeekFit | null>()({
    description:
      "This week's hour as it reads for its repository's kind of codebase (a library follows one call through its public API), and why; null without a repository.",
    input: z.object({}).strict(),
  }),
  nextArea: channel<NextArea>()({
    description:
      "The part of the next hour's repository the leader has never been to that the team changed most lately (weighted by the week's theme), and why.",
    input: z.object({}).strict(),
  }),
} as const
