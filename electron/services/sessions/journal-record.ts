// Turns a finished session into the record the journal saves (shared/models/journal.ts). Pure: the
// journal domain owns the files; this only maps and measures.
import {
  JOURNAL_SCHEMA_VERSION,
  type JournalQuestion,
  type JournalSentRecord,
  type JournalSessionRecord,
  type JournalTranscriptEntry,
} from '../../../shared/models/journal.ts'
import { STEP_KEYS, type OpenQuestion, type Session, type StepKey } from '../../../shared/models/sessions.ts'
import { civilDateIn } from '../calendar/index.ts'
import { demoteHeadings } from '../../../shared/text/demote-headings.ts'
import { tidyReflection } from '../../../shared/curriculum/reflect-prompts.ts'
import { stepElapsedMs } from './session-timer.ts'
import { developerLoopOf } from './developer-loop.ts'

/** What the sessions domain needs from the journal: one call, when a session finishes. */
export interface JournalPort {
  saveSession(record: JournalSessionRecord): Promise<{ path: string }>
}

export interface JournalRecordInput {
  readonly session: Session
  readonly carried: readonly OpenQuestion[]
  readonly transcript: readonly JournalTranscriptEntry[]
  /** What each request to Claude carried, when the coach's conversations were kept. */
  readonly sent?: readonly JournalSentRecord[]
  /** The reflection prompts the draft offered: those left unanswered are dropped from the entry. */
  readonly prompts?: readonly string[]
  readonly timeZone: string
  readonly now: Date
}

export function toJournalRecord({
  session,
  carried,
  transcript,
  sent = [],
  prompts = [],
  timeZone,
  now,
}: JournalRecordInput): JournalSessionRecord {
  const { explore, diagram, change, reflect } = session.steps
  const minutes = (step: StepKey) => Math.round(stepElapsedMs(session, step, now) / 6_000) / 10
  const changeMade = change.payload.request.trim() !== '' || change.payload.diff.trim() !== ''
  // Under the entry's "Walkthrough" heading: a tour's or an answer's own headings come below it.
  const walkthrough = demoteHeadings(explore.payload.walkthrough.trim(), 3)
  const notes = { explore: explore.payload.notes.trim(), diagram: diagram.payload.notes.trim() }
  const loop = developerLoopOf(session, now)
  const viewed = explore.payload.viewed ?? []
  return {
    schemaVersion: JOURNAL_SCHEMA_VERSION,
    id: session.id,
    date: civilDateIn(new Date(session.createdAt), timeZone),
    startedAt: session.createdAt,
    finishedAt: session.finishedAt ?? now.toISOString(),
    week: session.programmeWeek,
    theme: { id: session.themeId, title: session.theme },
    repository: { id: session.repo.id, name: session.repo.name, path: session.repo.path, commit: session.repo.commit ?? '' },
    offline: !usedAi(session, changeMade),
    stepMinutes: Object.fromEntries(STEP_KEYS.map((step) => [step, minutes(step)])) as Record<StepKey, number>,
    timeboxMinutes: Object.fromEntries(STEP_KEYS.map((step) => [step, session.steps[step].timeboxMinutes])) as Record<StepKey, number>,
    effort: {
      estimateMinutes: change.payload.estimateMinutes,
      actualMinutes: change.payload.actualMinutes ?? (changeMade || change.status !== 'not_started' ? Math.round(minutes('change')) : null),
    },
    frictionTags: [...reflect.payload.frictionTags],
    usage: { ...session.usage },
    walkthrough:
      walkthrough || explore.payload.citations.length > 0
        ? {
            markdown: walkthrough,
            citations: explore.payload.citations,
            ...(explore.payload.source ? { source: explore.payload.source } : {}),
          }
        : null,
    diagram: diagram.payload.mermaid.trim()
      ? {
          mermaid: diagram.payload.mermaid,
          ...(diagram.payload.caption.trim() ? { caption: diagram.payload.caption } : {}),
          ...(diagram.payload.svg?.trim() ? { svg: diagram.payload.svg } : {}),
          ...(diagram.payload.source ? { source: diagram.payload.source } : {}),
        }
      : null,
    ...(notes.explore || notes.diagram
      ? { notes: { ...(notes.explore ? { explore: notes.explore } : {}), ...(notes.diagram ? { diagram: notes.diagram } : {}) } }
      : {}),
    ...(explore.payload.questionsAsked.length > 0 ? { questionsAsked: [...explore.payload.questionsAsked] } : {}),
    change: changeMade
      ? {
          request: change.payload.request,
          branch: change.payload.branch ?? '',
          commit: change.payload.commit,
          diff: change.payload.diff,
          testRun: change.payload.testRun,
          ...(change.payload.testLog ? { testLog: change.payload.testLog } : {}),
          explanation: demoteHeadings(change.payload.explanation, 4),
          manual: change.payload.manual,
          ...landingFacts(change.payload),
        }
      : null,
    reflection: tidyReflection(reflect.payload.markdown, prompts),
    questions: [
      ...carried.map((question) => toJournalQuestion(question, question.sessionId)),
      ...reflect.payload.questionsForTechLead.map((question) => toJournalQuestion(question, session.id)),
    ],
    transcript: [...transcript],
    ...(sent.length > 0 ? { sent: [...sent] } : {}),
    ...(loop ? { loop } : {}),
    ...(viewed.length > 0 ? { viewed: [...viewed] } : {}),
  }
}

/** Where the clone went and whose hands wrote the change, when the session knows (absent in older sessions). */
function landingFacts(payload: Session['steps']['change']['payload']) {
  return {
    ...(payload.originalBranch !== undefined ? { originalBranch: payload.originalBranch } : {}),
    ...(payload.returned !== undefined ? { returned: payload.returned } : {}),
    ...(payload.branchDeleted !== undefined ? { branchDeleted: payload.branchDeleted } : {}),
    ...(payload.cloneOn !== undefined ? { cloneOn: payload.cloneOn } : {}),
    ...(payload.branchTip !== undefined ? { branchTip: payload.branchTip } : {}),
    ...(payload.authorship !== undefined ? { authorship: payload.authorship } : {}),
  }
}

/**
 * Whether Claude took part (the entry says "offline (no AI)" otherwise). Decided by what the session
 * holds, not by how it was started: a session begun without a key may still use the coach later.
 */
function usedAi(session: Session, changeMade: boolean): boolean {
  const { explore, diagram, change } = session.steps
  const tokens = session.usage.inputTokens + session.usage.cachedInputTokens + session.usage.cacheWriteTokens + session.usage.outputTokens
  return explore.payload.source === 'ai' || diagram.payload.source === 'ai' || (changeMade && !change.payload.manual) || tokens > 0
}

function toJournalQuestion(
  question: { id: string; text: string; answeredAt: string | null; answer: string | null },
  askedInSession: string,
): JournalQuestion {
  return {
    id: question.id,
    text: question.text,
    status: question.answeredAt === null ? 'open' : 'answered',
    ...(question.answer !== null ? { answer: question.answer } : {}),
    ...(question.answeredAt !== null ? { answeredAt: question.answeredAt } : {}),
    askedInSession,
  }
}
