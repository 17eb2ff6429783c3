import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { journalSessionRecordSchema } from '../../../../../shared/models/journal.ts'
import { DEFAULT_TIMEBOXES } from '../../../../../shared/models/sessions.ts'
import { applyStepPatch } from '../../../../../electron/services/sessions/apply-step-patch.ts'
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
const newId = () => 'q-1'
const record = (session: typeof base) => toJournalRecord({ session, carried: [], transcript: [], timeZone: 'UTC', now })

describe('toJournalRecord', () => {
  it('keeps the diagram’s SVG when the session has one, and leaves it out otherwise', () => {
    const drawn = applyStepPatch(base, { step: 'diagram', payload: { mermaid: 'flowchart LR\n a --> b', caption: 'The shop', svg: '<svg><g/></svg>', source: 'ai' } }, now, newId)
    expect(record(drawn).diagram).toEqual({ mermaid: 'flowchart LR\n a --> b', caption: 'The shop', svg: '<svg><g/></svg>' })
    const offline = applyStepPatch(base, { step: 'diagram', payload: { mermaid: 'flowchart TD\n x --> y', source: 'offline' } }, now, newId)
    expect(record(offline).diagram).toEqual({ mermaid: 'flowchart TD\n x --> y' })
    expect(record(base).diagram).toBeNull()
  })

  it('puts the walkthrough and the leader’s notes in the entry, with the citations', () => {
    const explored = applyStepPatch(base, { step: 'explore', payload: { walkthrough: '### Tour\n\nSee src/a.ts:3', citations: [{ path: 'src/a.ts', line: 3 }], notes: 'My notes', source: 'ai' } }, now, newId)
    const entry = record(explored)
    expect(entry.walkthrough).toEqual({ markdown: '### Tour\n\nSee src/a.ts:3\n\nMy notes', citations: [{ path: 'src/a.ts', line: 3 }] })
    expect(journalSessionRecordSchema.safeParse(entry).success).toBe(true)
  })

  it('is offline only when Claude took no part: no AI walkthrough, diagram or agent change, and no tokens', () => {
    const offlineOnly = applyStepPatch(
      applyStepPatch(base, { step: 'explore', payload: { walkthrough: '# Offline tour', source: 'offline' } }, now, newId),
      { step: 'change', payload: { request: 'Rename a label', manual: true, diff: '+x' } },
      now,
      newId,
    )
    expect(record(offlineOnly).offline).toBe(true)
    expect(record({ ...offlineOnly, offline: false }).offline).toBe(true)
    expect(record(applyStepPatch(offlineOnly, { step: 'diagram', payload: { mermaid: 'flowchart LR\n a --> b', source: 'ai' } }, now, newId)).offline).toBe(false)
    expect(record(applyStepPatch(offlineOnly, { step: 'change', payload: { manual: false } }, now, newId)).offline).toBe(false)
    expect(record({ ...offlineOnly, usage: { ...offlineOnly.usage, outputTokens: 40, costUsd: 0.001 } }).offline).toBe(false)
  })
})
