// Applies what the leader typed into a step to a session, pure. Questions for the tech lead keep their
// id and answered state when edited; new ones get an id from the caller's generator. The update holds
// only the leader's own fields (the contract's patch schemas): facts a service made never come here.
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

function mergePayload(session: Session, update: StepUpdate, now: Date, newId: () => string): unknown {
  if (update.step !== 'reflect') return { ...session.steps[update.step].payload, ...update.payload }
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
