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
    const twice = applyStepPatch(once, { step: 'change', status: 'done', payload: { branch: 'gemba/x' } }, now, newId)
    expect(twice.steps.change.payload).toMatchObject({ estimateMinutes: 20, branch: 'gemba/x', diff: '' })
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

  it('never lets the offline tour or diagram replace what the coach made, but fills an empty step', () => {
    let session = applyStepPatch(base, { step: 'explore', payload: { walkthrough: '# Offline tour', source: 'offline' } }, now, newId)
    expect(session.steps.explore.payload).toMatchObject({ walkthrough: '# Offline tour', source: 'offline' })
    session = applyStepPatch(
      session,
      {
        step: 'explore',
        payload: { walkthrough: '### Walk me through\n\nAI tour', citations: [{ path: 'src/a.ts', line: 3 }], source: 'ai' },
      },
      now,
      newId,
    )
    session = applyStepPatch(
      session,
      { step: 'explore', payload: { walkthrough: '# Offline tour again', citations: [], source: 'offline', notes: 'mine' } },
      now,
      newId,
    )
    expect(session.steps.explore.payload).toMatchObject({
      walkthrough: '### Walk me through\n\nAI tour',
      citations: [{ path: 'src/a.ts', line: 3 }],
      source: 'ai',
      notes: 'mine',
    })

    session = applyStepPatch(
      session,
      { step: 'diagram', payload: { mermaid: 'flowchart LR\n a --> b', caption: 'AI', svg: '<svg/>', source: 'ai' } },
      now,
      newId,
    )
    session = applyStepPatch(
      session,
      { step: 'diagram', payload: { mermaid: 'flowchart TD\n x --> y', caption: 'Modules', source: 'offline' } },
      now,
      newId,
    )
    expect(session.steps.diagram.payload).toMatchObject({ mermaid: 'flowchart LR\n a --> b', caption: 'AI', svg: '<svg/>', source: 'ai' })
    // A newer AI diagram still replaces the saved one.
    session = applyStepPatch(
      session,
      { step: 'diagram', payload: { mermaid: 'flowchart LR\n c --> d', svg: '<svg id="2"/>', source: 'ai' } },
      now,
      newId,
    )
    expect(session.steps.diagram.payload).toMatchObject({ mermaid: 'flowchart LR\n c --> d', svg: '<svg id="2"/>' })
    expect(sessionSchema.safeParse(session).success).toBe(true)
  })

  it('lets the leader pick the offline tour or module diagram over the coach’s', () => {
    let session = applyStepPatch(
      base,
      { step: 'diagram', payload: { mermaid: 'flowchart LR\n a --> b', svg: '<svg/>', source: 'ai' } },
      now,
      newId,
    )
    session = applyStepPatch(
      session,
      { step: 'diagram', payload: { mermaid: 'flowchart TD\n x --> y', svg: '', source: 'offline', choice: 'leader' } },
      now,
      newId,
    )
    expect(session.steps.diagram.payload).toMatchObject({ mermaid: 'flowchart TD\n x --> y', svg: '', source: 'offline', choice: 'leader' })
  })
})
