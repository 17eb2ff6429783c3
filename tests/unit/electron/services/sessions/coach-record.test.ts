import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { DEFAULT_TIMEBOXES } from '../../../../../shared/models/sessions.ts'
import { withStepPayload } from '../../../../fixtures/session-steps.ts'
import { coachWalkthroughOf, withCoachTurn, type CoachTurnRecord } from '../../../../../electron/services/sessions/coach-record.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'

const now = new Date('2026-02-03T09:00:00Z')
const base = newSession({
  id: 'session-coach',
  programmeWeek: 1,
  week: defaultCurriculum().weeks[0]!,
  repo: { id: 'r', name: 'r', path: '/r', commit: null },
  timeboxes: DEFAULT_TIMEBOXES,
  offline: false,
  now,
})
const toured = withStepPayload(base, 'explore', { walkthrough: '# Offline tour', source: 'offline' })
const turn = (question: string, answer: string, threadId = 'thread-1'): CoachTurnRecord => ({
  sessionId: base.id,
  purpose: 'explore',
  threadId,
  question,
  answer,
  citations: [{ path: 'src/a.ts', line: 3 }],
})

describe('withCoachTurn', () => {
  it('replaces the offline tour with Claude’s first answer, then adds each answer under its question', () => {
    const first = withCoachTurn(toured, turn('Walk me through it.', '## Parts\n\nThree of them.'))
    const second = withCoachTurn(first, turn('And tests?', 'One suite.', 'thread-2'))
    const payload = second.steps.explore.payload
    expect(payload.walkthrough).toBe('### Walk me through it.\n\n#### Parts\n\nThree of them.\n\n### And tests?\n\nOne suite.')
    expect(payload).toMatchObject({
      source: 'ai',
      transcriptRef: 'thread-2',
      threadRefs: ['thread-1', 'thread-2'],
      questionsAsked: ['Walk me through it.', 'And tests?'],
    })
    expect(payload.citations).toEqual([{ path: 'src/a.ts', line: 3 }])
  })

  it('keeps the leader’s own pick, while still keeping Claude’s answers to switch back to', () => {
    const picked = withStepPayload(toured, 'explore', { choice: 'leader' })
    const answered = withCoachTurn(picked, turn('Walk me through it.', 'Three parts.'))
    expect(answered.steps.explore.payload).toMatchObject({
      walkthrough: '# Offline tour',
      source: 'offline',
      questionsAsked: ['Walk me through it.'],
    })
    expect(coachWalkthroughOf(answered.steps.explore.payload)).toMatchObject({
      walkthrough: '### Walk me through it.\n\nThree parts.',
      source: 'ai',
    })
  })

  it('lists a diagram conversation once, without touching the drawing the page saved', () => {
    const drawn = withStepPayload(base, 'diagram', { mermaid: 'flowchart LR\n a --> b', source: 'ai' })
    const diagram = { ...turn('Draw it', '```mermaid\nflowchart LR\n x --> y\n```'), purpose: 'diagram' as const }
    const twice = withCoachTurn(withCoachTurn(drawn, diagram), diagram)
    expect(twice.steps.diagram.payload).toMatchObject({ mermaid: 'flowchart LR\n a --> b', threadRefs: ['thread-1'] })
  })
})
