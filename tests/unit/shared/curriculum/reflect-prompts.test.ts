import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../shared/curriculum/load-curriculum.ts'
import { reflectPromptsFor, tidyReflection } from '../../../../shared/curriculum/reflect-prompts.ts'
import { DEFAULT_TIMEBOXES } from '../../../../shared/models/sessions.ts'
import { newSession } from '../../../../electron/services/sessions/new-session.ts'
import { buildReflectDraft } from '../../../../electron/services/sessions/reflect-draft.ts'

const week = defaultCurriculum().weeks[3]!
const empty = newSession({
  id: 'session-tidy',
  programmeWeek: 4,
  week,
  repo: { id: 'r', name: 'checkout-web', path: '/r', commit: null },
  timeboxes: DEFAULT_TIMEBOXES,
  offline: true,
  now: new Date('2026-02-03T09:00:00Z'),
})

describe('tidyReflection', () => {
  const prompts = reflectPromptsFor(week)

  it('drops the prompts left unanswered and keeps every word the leader wrote', () => {
    const draft = buildReflectDraft(empty, week).replace('### What surprised me\n', '### What surprised me\n\nNothing runs on merge.\n')
    const tidy = tidyReflection(`A first thought of my own.\n\n${draft}`, prompts)
    expect(tidy).toBe('A first thought of my own.\n\n### What surprised me\n\nNothing runs on merge.\n')
  })

  it('leaves the leader’s own headings alone, even when empty', () => {
    expect(tidyReflection('## My plan\n\n### Friction my team lives with\n', prompts)).toBe('## My plan\n')
  })

  it('turns an untouched draft into an empty reflection', () => {
    expect(tidyReflection(buildReflectDraft(empty, week), prompts)).toBe('')
  })
})
