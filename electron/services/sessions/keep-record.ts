// What a step keeps for the journal when a record is picked: the offline tour or module diagram (by
// the page the first time it shows one, or by the leader), Claude's walkthrough as the session
// recorded it, or one of Claude's drawings. Pure: the sessions service reads the content itself (the
// repository's tour, the diagram conversation) and saves the result. Of what the page sends, only a
// drawing's SVG is kept as sent: Mermaid draws it in the page, and nowhere else.
import { GembaError } from '../../../shared/errors.ts'
import { appendTestLog } from '../../../shared/models/change.ts'
import type { ChangePayload, DiagramPayload, ExplorePayload, RecordChoice, Session } from '../../../shared/models/sessions.ts'
import { extractMermaid } from '../../../shared/text/extract-mermaid.ts'
import { coachWalkthroughOf } from './coach-record.ts'
import { withLoopFacts, type LoopRecord } from './loop-record.ts'

export const OFFLINE_CAPTION = 'Modules and their imports, computed from the repository.'
const MAX_WALKTHROUGH = 400_000
const MAX_MERMAID = 200_000
const MAX_CAPTION = 2_000

/**
 * What the change service records of a change: everything but the leader's estimate and actual time
 * and the waits on the agent, which the session appends as they are recorded.
 */
export type ChangeRecord = Partial<Omit<ChangePayload, 'estimateMinutes' | 'actualMinutes' | 'agentWaits'>> & LoopRecord

/** The port the change service records what it did through (the sessions service implements it). */
export interface ChangeRecordPort {
  record(sessionId: string, patch: ChangeRecord): Promise<void>
}

/** The tour and module diagram computed from the repository (the repos service's offline tour). */
export interface OfflineTourPort {
  offline(repoId: string, signal: AbortSignal): Promise<{ readonly markdown: string; readonly mermaid: string }>
}

/** A drawing of Claude's, as the session keeps it. */
export interface KeptDrawing {
  readonly threadId: string
  readonly mermaid: string
  readonly caption: string
  readonly svg: string
}

/** The change step with the patch's fields replaced, except the test record and the waits on the agent, which the patch appends to. */
export function withChangeRecord(session: Session, patch: ChangeRecord): Session {
  const change = session.steps.change
  const { agentWait, ...fields } = patch
  const testLog = fields.testLog ? { testLog: appendTestLog(change.payload.testLog, fields.testLog) } : {}
  const loop = withLoopFacts(change.payload, agentWait ? { agentWait } : {})
  return { ...session, steps: { ...session.steps, change: { ...change, payload: { ...change.payload, ...fields, ...testLog, ...loop } } } }
}

/**
 * The offline tour (explore) or module diagram (diagram) as the step's record. Picked by the page
 * ('auto') it is kept only while the step keeps nothing yet; picked by the leader, it replaces what
 * is kept until they pick again. Null when nothing changes.
 */
export function withOfflineRecord(
  session: Session,
  step: 'explore' | 'diagram',
  tour: { readonly markdown: string; readonly mermaid: string },
  by: RecordChoice,
): Session | null {
  if (step === 'explore') {
    const payload = session.steps.explore.payload
    if (!tour.markdown.trim() || (by === 'auto' && (payload.walkthrough.trim() !== '' || payload.source !== null))) return null
    const next: ExplorePayload = {
      ...payload,
      walkthrough: tour.markdown.slice(0, MAX_WALKTHROUGH),
      citations: [],
      source: 'offline',
      ...(by === 'leader' ? { choice: 'leader' as const } : {}),
    }
    return { ...session, steps: { ...session.steps, explore: { ...session.steps.explore, payload: next } } }
  }
  const payload = session.steps.diagram.payload
  if (!tour.mermaid.trim() || (by === 'auto' && (payload.mermaid.trim() !== '' || payload.source !== null))) return null
  const next: DiagramPayload = {
    ...payload,
    mermaid: tour.mermaid.slice(0, MAX_MERMAID),
    caption: OFFLINE_CAPTION,
    source: 'offline',
    // The module diagram has no drawing of Claude's to keep: the journal draws the Mermaid source.
    ...(by === 'leader' ? { svg: '', choice: 'leader' as const } : {}),
  }
  return { ...session, steps: { ...session.steps, diagram: { ...session.steps.diagram, payload: next } } }
}

/** Back to Claude's walkthrough as the session recorded it; from now on each answer extends it again. */
export function withCoachWalkthrough(session: Session): Session {
  const payload = session.steps.explore.payload
  const coach = coachWalkthroughOf(payload)
  if (!coach)
    throw new GembaError({
      code: 'conflict',
      message: 'Claude has not answered in this session yet, so there is no walkthrough of Claude’s to keep.',
      next: 'Ask the coach a question first.',
    })
  const next: ExplorePayload = { ...payload, ...coach, citations: coach.citations.map((citation) => ({ ...citation })), choice: 'auto' }
  return { ...session, steps: { ...session.steps, explore: { ...session.steps.explore, payload: next } } }
}

/**
 * One of Claude's drawings as the step's record. Kept by the page as it is drawn ('auto') unless the
 * leader picked one themselves; picked by the leader, it replaces any. Null when nothing changes.
 */
export function withDrawing(session: Session, drawing: KeptDrawing, by: RecordChoice): Session | null {
  const payload = session.steps.diagram.payload
  if (by === 'auto' && payload.choice === 'leader') return null
  const next: DiagramPayload = {
    ...payload,
    mermaid: drawing.mermaid.slice(0, MAX_MERMAID),
    caption: drawing.caption.slice(0, MAX_CAPTION),
    svg: drawing.svg,
    source: 'ai',
    transcriptRef: drawing.threadId,
    choice: by,
  }
  return { ...session, steps: { ...session.steps, diagram: { ...session.steps.diagram, payload: next } } }
}

/**
 * The drawing with this Mermaid source among Claude's answers in a diagram conversation (the newest
 * first), with the caption around it; a drawing Claude did not answer is refused.
 */
export function drawingFromAnswers(threadId: string, answers: readonly string[], mermaid: string, svg: string): KeptDrawing {
  if (svg !== '' && !/^\s*<svg[\s>]/i.test(svg))
    throw new GembaError({ code: 'invalid_input', message: 'A drawing is kept as the SVG Mermaid drew, and this is not one.' })
  const wanted = mermaid.trim()
  for (const answer of [...answers].reverse()) {
    const found = extractMermaid(answer)
    if (found?.source === wanted) return { threadId, mermaid: found.source, caption: found.caption, svg }
  }
  throw new GembaError({
    code: 'refused',
    message: 'That drawing is not one of Claude’s answers in this session’s diagram conversation.',
    next: 'Keep one of the drawings Claude made this hour.',
  })
}
