import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { DEFAULT_TIMEBOXES, REFLECT_PROMPTS } from '../../../../../shared/models/sessions.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'
import { buildReflectDraft } from '../../../../../electron/services/sessions/reflect-draft.ts'

const week = defaultCurriculum().weeks[3]!
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
  it('asks every guided prompt and the week’s own, as headings for the leader’s words', () => {
    const draft = buildReflectDraft(empty, week)
    for (const prompt of REFLECT_PROMPTS) expect(draft).toContain(`### ${prompt.label}\n`)
    for (const prompt of week.steps.reflect.prompts) expect(draft).toContain(`### ${prompt}\n`)
    // Only the leader's own words belong here: no title, no section of the entry repeated.
    expect(draft).not.toMatch(/^#{1,2} /m)
  })

  it('never copies the hour’s artefacts: no diagram source, no change, no questions', () => {
    const diagram = {
      ...empty.steps.diagram,
      payload: { ...empty.steps.diagram.payload, mermaid: 'flowchart LR\n  api --> db', caption: 'The parts' },
    }
    const change = {
      ...empty.steps.change,
      payload: { ...empty.steps.change.payload, request: 'Fix the README setup step', estimateMinutes: 10 },
    }
    const draft = buildReflectDraft({ ...empty, steps: { ...empty.steps, diagram, change } }, week)
    expect(draft).not.toContain('mermaid')
    expect(draft).not.toContain('flowchart')
    expect(draft).not.toContain('Fix the README')
    expect(draft).not.toContain('None yet')
  })

  it('keeps answers the leader already gave under their prompt', () => {
    const reflect = {
      ...empty.steps.reflect,
      payload: { ...empty.steps.reflect.payload, answers: { ...empty.steps.reflect.payload.answers, surprised: 'Deploys are manual.' } },
    }
    expect(buildReflectDraft({ ...empty, steps: { ...empty.steps, reflect } }, week)).toContain(
      '### What surprised me\n\nDeploys are manual.',
    )
  })
})
