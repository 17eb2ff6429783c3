import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { DEFAULT_TIMEBOXES, REFLECT_PROMPTS } from '../../../../../shared/models/sessions.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'
import { buildReflectDraft } from '../../../../../electron/services/sessions/reflect-draft.ts'

const week = defaultCurriculum().weeks[3]!
const now = new Date('2026-02-03T10:00:00Z')
const empty = newSession({
  id: 'session-draft',
  programmeWeek: 4,
  week,
  repo: { id: 'r', name: 'checkout-web', path: '/r', commit: null },
  timeboxes: DEFAULT_TIMEBOXES,
  offline: true,
  now: new Date('2026-02-03T09:00:00Z'),
})

describe('buildReflectDraft', () => {
  it('for an empty session says plainly what is missing and asks every guided prompt', () => {
    const draft = buildReflectDraft(empty, week, [], now)
    expect(draft.startsWith('# Week 4: The developer loop — checkout-web\n')).toBe(true)
    expect(draft).toContain('_Nothing recorded in the explore step._')
    expect(draft).toContain('_No diagram this week._')
    expect(draft).toContain('_No change this week._')
    for (const prompt of REFLECT_PROMPTS) expect(draft).toContain(`### ${prompt.label}`)
    for (const prompt of week.steps.reflect.prompts) expect(draft).toContain(`### ${prompt}`)
    expect(draft).toContain('_None yet._')
  })

  it('reports a failing test run and a corrected actual time honestly', () => {
    const change = {
      ...empty.steps.change,
      payload: {
        ...empty.steps.change.payload,
        request: 'Fix the README setup step',
        estimateMinutes: 10,
        actualMinutes: 45,
        branch: 'gemba/readme',
        commit: null,
        testRun: { command: 'make test', exitCode: 2, durationMs: 310_000, outputTail: '' },
      },
    }
    const draft = buildReflectDraft({ ...empty, steps: { ...empty.steps, change } }, week, [], now)
    expect(draft).toContain('Estimate: 10 min; actual: 45 min.')
    expect(draft).toContain('Branch `gemba/readme`, not committed.')
    expect(draft).toContain('`make test` failed (exit 2) in 310 s.')
  })
})
