// Applies a partial step update to a session, pure. Questions for the tech lead keep their id and
// answered state when edited; new ones get an id from the caller's generator. The offline tour or
// diagram never replaces one the coach (or the leader) made, unless the leader picks it: otherwise
// that update's offline fields are dropped.
import type { Session, StepKey, StepPayloadPatch, StepStatus, TechLeadQuestion } from '../../../shared/models/sessions.ts'

export interface StepUpdate<S extends StepKey = StepKey> {
  readonly step: S
  readonly status?: StepStatus | undefined
  readonly payload?: StepPayloadPatch<S> | undefined
}

export function applyStepPatch(session: Session, update: StepUpdate, now: Date, newId: () => string): Session {
  const state = session.steps[update.step]
  const payload = update.payload === undefined ? state.payload : mergePayload(session, update, now, newId)
  return {
    ...session,
    steps: { ...session.steps, [update.step]: { ...state, status: update.status ?? state.status, payload } },
  }
}

/** What an offline update would overwrite, per step; kept when something better is already saved. */
const OFFLINE_FIELDS = {
  explore: { content: 'walkthrough', fields: ['walkthrough', 'citations', 'source'] },
  diagram: { content: 'mermaid', fields: ['mermaid', 'caption', 'svg', 'source'] },
} as const

function withoutOfflineOverwrite(session: Session, update: StepUpdate): Record<string, unknown> {
  const patch = { ...(update.payload as Record<string, unknown>) }
  // The leader's own pick of the offline one is theirs to make.
  if ((update.step !== 'explore' && update.step !== 'diagram') || patch['source'] !== 'offline' || patch['choice'] === 'leader')
    return patch
  const { content, fields } = OFFLINE_FIELDS[update.step]
  const current = session.steps[update.step].payload as unknown as Record<string, unknown>
  const kept = current['source'] !== null && current['source'] !== 'offline' && String(current[content] ?? '').trim() !== ''
  if (kept) for (const field of fields) delete patch[field]
  return patch
}

function mergePayload(session: Session, update: StepUpdate, now: Date, newId: () => string): unknown {
  if (update.step !== 'reflect') return { ...session.steps[update.step].payload, ...withoutOfflineOverwrite(session, update) }
  const current = session.steps.reflect.payload
  const patch = update.payload as StepPayloadPatch<'reflect'>
  const { answers, questionsForTechLead, ...rest } = patch
  return {
    ...current,
    ...rest,
    answers: { ...current.answers, ...answers },
    ...(rest.frictionTags ? { frictionTags: [...new Set(rest.frictionTags)] } : {}),
    questionsForTechLead: questionsForTechLead
      ? mergeQuestions(current.questionsForTechLead, questionsForTechLead, now, newId)
      : current.questionsForTechLead,
  }
}

function mergeQuestions(
  existing: readonly TechLeadQuestion[],
  edited: readonly { id?: string | undefined; text: string }[],
  now: Date,
  newId: () => string,
): TechLeadQuestion[] {
  const byId = new Map(existing.map((question) => [question.id, question]))
  return edited.map((question) => {
    const known = question.id === undefined ? undefined : byId.get(question.id)
    return known
      ? { ...known, text: question.text }
      : { id: newId(), text: question.text, askedAt: now.toISOString(), answeredAt: null, answer: null }
  })
}
