import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { DEFAULT_TIMEBOXES, sessionSchema } from '../../../../../shared/models/sessions.ts'
import { applyStepPatch } from '../../../../../electron/services/sessions/apply-step-patch.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'
import { answerQuestion } from '../../../../../electron/services/sessions/open-questions.ts'

const now = new Date('2026-02-03T09:00:00Z')
const base = newSession({
  id: 'session-patch',
  programmeWeek: 1,
  week: defaultCurriculum().weeks[0]!,
  repo: { id: 'r', name: 'r', path: '/r', commit: null },
  timeboxes: DEFAULT_TIMEBOXES,
  offline: false,
  now,
})
let n = 0
const newId = () => `q-${(n += 1)}`

describe('applyStepPatch', () => {
  it('merges a partial payload and leaves the rest untouched', () => {
    const once = applyStepPatch(base, { step: 'change', payload: { estimateMinutes: 20 } }, now, newId)
    const twice = applyStepPatch(once, { step: 'change', status: 'done', payload: { actualMinutes: 30 } }, now, newId)
    expect(twice.steps.change.payload).toMatchObject({ estimateMinutes: 20, actualMinutes: 30, diff: '' })
    expect(twice.steps.change.status).toBe('done')
    expect(base.steps.change.payload.estimateMinutes).toBeNull()
    expect(sessionSchema.safeParse(twice).success).toBe(true)
  })

  it('merges reflection answers one prompt at a time and de-duplicates friction tags', () => {
    let session = applyStepPatch(base, { step: 'reflect', payload: { answers: { surprised: 'a' } } }, now, newId)
    session = applyStepPatch(
      session,
      { step: 'reflect', payload: { answers: { friction: 'b' }, frictionTags: ['slow-tests', 'slow-tests', 'x'] } },
      now,
      newId,
    )
    expect(session.steps.reflect.payload.answers).toMatchObject({ surprised: 'a', friction: 'b', aiHelp: '' })
    expect(session.steps.reflect.payload.frictionTags).toEqual(['slow-tests', 'x'])
  })

  it('keeps a question’s id and answered state when its text is edited; new ones get ids', () => {
    let session = applyStepPatch(base, { step: 'reflect', payload: { questionsForTechLead: [{ text: 'Why?' }] } }, now, newId)
    const [asked] = session.steps.reflect.payload.questionsForTechLead
    session = answerQuestion(session, asked!.id, 'Because.', false, now)
    session = applyStepPatch(
      session,
      { step: 'reflect', payload: { questionsForTechLead: [{ id: asked!.id, text: 'Why, really?' }, { text: 'Who decides?' }] } },
      now,
      newId,
    )
    const [first, second] = session.steps.reflect.payload.questionsForTechLead
    expect(first).toMatchObject({ id: asked!.id, text: 'Why, really?', answer: 'Because.' })
    expect(first?.answeredAt).not.toBeNull()
    expect(second).toMatchObject({ text: 'Who decides?', answeredAt: null })
    expect(second?.id).not.toBe(asked!.id)
  })
})
