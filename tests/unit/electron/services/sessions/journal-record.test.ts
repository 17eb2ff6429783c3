import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { journalSessionRecordSchema } from '../../../../../shared/models/journal.ts'
import { DEFAULT_TIMEBOXES } from '../../../../../shared/models/sessions.ts'
import { withStepPayload } from '../../../../fixtures/session-steps.ts'
import { toJournalRecord } from '../../../../../electron/services/sessions/journal-record.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'

const now = new Date('2026-02-03T09:00:00Z')
const base = newSession({
  id: 'session-record',
  programmeWeek: 1,
  week: defaultCurriculum().weeks[0]!,
  repo: { id: 'r', name: 'r', path: '/r', commit: 'abc1234' },
  timeboxes: DEFAULT_TIMEBOXES,
  offline: false,
  now,
})
const record = (session: typeof base) => toJournalRecord({ session, carried: [], transcript: [], timeZone: 'UTC', now })

describe('toJournalRecord', () => {
  it('keeps the diagram’s SVG when the session has one, and leaves it out otherwise', () => {
    const drawn = withStepPayload(base, 'diagram', {
      mermaid: 'flowchart LR\n a --> b',
      caption: 'The shop',
      svg: '<svg><g/></svg>',
      source: 'ai',
    })
    expect(record(drawn).diagram).toEqual({ mermaid: 'flowchart LR\n a --> b', caption: 'The shop', svg: '<svg><g/></svg>', source: 'ai' })
    const offline = withStepPayload(base, 'diagram', { mermaid: 'flowchart TD\n x --> y', source: 'offline' })
    expect(record(offline).diagram).toEqual({ mermaid: 'flowchart TD\n x --> y', source: 'offline' })
    expect(record(base).diagram).toBeNull()
  })

  it('puts the walkthrough, the questions asked and each step’s notes in the entry, with the citations', () => {
    const explored = withStepPayload(base, 'explore', {
      walkthrough: '### Tour\n\nSee src/a.ts:3',
      citations: [{ path: 'src/a.ts', line: 3 }],
      notes: 'My notes',
      questionsAsked: ['Tour?'],
      source: 'ai',
    })
    const drawn = withStepPayload(explored, 'diagram', { notes: 'Three boxes' })
    const entry = record(drawn)
    expect(entry.walkthrough).toEqual({ markdown: '### Tour\n\nSee src/a.ts:3', citations: [{ path: 'src/a.ts', line: 3 }], source: 'ai' })
    expect(entry.notes).toEqual({ explore: 'My notes', diagram: 'Three boxes' })
    expect(entry.questionsAsked).toEqual(['Tour?'])
    expect(journalSessionRecordSchema.safeParse(entry).success).toBe(true)
  })

  it('places a tour’s own headings under the entry’s walkthrough heading', () => {
    const toured = withStepPayload(base, 'explore', {
      walkthrough: '# A tour of r\n\n## What it does\n\n```md\n# not a heading\n```',
      source: 'offline',
    })
    expect(record(toured).walkthrough?.markdown).toBe('### A tour of r\n\n#### What it does\n\n```md\n# not a heading\n```')
  })

  it('is offline only when Claude took no part: no AI walkthrough, diagram or agent change, and no tokens', () => {
    const offlineOnly = withStepPayload(withStepPayload(base, 'explore', { walkthrough: '# Offline tour', source: 'offline' }), 'change', {
      request: 'Rename a label',
      manual: true,
      diff: '+x',
    })
    expect(record(offlineOnly).offline).toBe(true)
    expect(record({ ...offlineOnly, offline: false }).offline).toBe(true)
    expect(record(withStepPayload(offlineOnly, 'diagram', { mermaid: 'flowchart LR\n a --> b', source: 'ai' })).offline).toBe(false)
    expect(record(withStepPayload(offlineOnly, 'change', { manual: false })).offline).toBe(false)
    expect(record({ ...offlineOnly, usage: { ...offlineOnly.usage, outputTokens: 40, costUsd: 0.001 } }).offline).toBe(false)
  })
})
