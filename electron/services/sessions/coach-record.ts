// What a session keeps of the coach's work, as it happens: every answered question of the explore
// step is added to Claude's walkthrough (which becomes the step's record, replacing the offline
// tour, unless the leader picked a record themselves), and every conversation of either step is
// listed so the journal's transcript reads them all. Pure; the sessions service saves the result.
import type { ExplorePayload, Session } from '../../../shared/models/sessions.ts'
import { demoteHeadings } from '../../../shared/text/demote-headings.ts'

export interface CoachTurnRecord {
  readonly sessionId: string
  readonly purpose: 'explore' | 'diagram'
  readonly threadId: string
  readonly question: string
  readonly answer: string
  /**
   * Citations of the answer (path, and line when there is one), each marked as the session showed it
   * when the repository did not confirm it.
   */
  readonly citations: readonly {
    readonly path: string
    readonly line?: number
    readonly endLine?: number
    readonly mark?: 'unverified' | 'withheld'
  }[]
}

/** The port the AI service records answered turns through (the sessions service implements it). */
export interface CoachRecordPort {
  keep(record: CoachTurnRecord): Promise<void>
}

const MAX_WALKTHROUGH = 400_000
const MAX_CITATIONS = 500
const MAX_QUESTIONS = 200
const MAX_THREADS = 200

export function withCoachTurn(session: Session, record: CoachTurnRecord): Session {
  if (record.purpose === 'diagram') {
    const diagram = session.steps.diagram
    const payload = { ...diagram.payload, threadRefs: withThread(diagram.payload.threadRefs, record.threadId) }
    return { ...session, steps: { ...session.steps, diagram: { ...diagram, payload } } }
  }
  const explore = session.steps.explore
  const payload = explore.payload
  const coach = {
    markdown: appendAnswer(payload.coach?.markdown ?? '', record.question, record.answer),
    citations: mergeCitations(payload.coach?.citations ?? [], record.citations),
  }
  const next: ExplorePayload = {
    ...payload,
    coach,
    questionsAsked: [...payload.questionsAsked, record.question.slice(0, 4_000)].slice(-MAX_QUESTIONS),
    threadRefs: withThread(payload.threadRefs, record.threadId),
    ...(payload.choice === 'leader'
      ? {}
      : { walkthrough: coach.markdown, citations: coach.citations, source: 'ai' as const, transcriptRef: record.threadId }),
  }
  return { ...session, steps: { ...session.steps, explore: { ...explore, payload: next } } }
}

/** The leader's pick back to Claude's walkthrough, from what the session kept of it. */
export function coachWalkthroughOf(payload: ExplorePayload): Pick<ExplorePayload, 'walkthrough' | 'citations' | 'source'> | null {
  if (!payload.coach?.markdown.trim()) return null
  return { walkthrough: payload.coach.markdown, citations: payload.coach.citations, source: 'ai' }
}

function appendAnswer(markdown: string, question: string, answer: string): string {
  // The question heads its answer; the answer's own headings sit below it.
  const section = `### ${question.replace(/\s+/g, ' ').trim()}\n\n${demoteHeadings(answer.trim(), 4)}`
  const next = markdown.trim() ? `${markdown.trimEnd()}\n\n${section}` : section
  // Past the limit the newest answers still reach the transcript; the record keeps what fits.
  return next.length <= MAX_WALKTHROUGH ? next : markdown
}

function mergeCitations<C extends { readonly path: string; readonly line?: number; readonly endLine?: number }>(
  kept: readonly C[],
  added: readonly C[],
): C[] {
  const seen = new Set(kept.map((citation) => `${citation.path}:${citation.line ?? ''}`))
  const merged = [...kept]
  for (const citation of added) {
    const key = `${citation.path}:${citation.line ?? ''}`
    if (seen.has(key) || merged.length >= MAX_CITATIONS) continue
    seen.add(key)
    merged.push(citation)
  }
  return merged
}

function withThread(refs: readonly string[] | undefined, threadId: string): string[] {
  const list = refs ?? []
  return list.includes(threadId) ? [...list] : [...list, threadId].slice(-MAX_THREADS)
}
