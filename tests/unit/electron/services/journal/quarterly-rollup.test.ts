import { describe, expect, it } from 'vitest'
import { indexEntryOf } from '../../../../../electron/services/journal/index-entry.ts'
import { lookBack } from '../../../../../electron/services/journal/look-back.ts'
import { quarterlyRollup } from '../../../../../electron/services/journal/quarterly-rollup.ts'
import type { JournalSessionRecord } from '../../../../../shared/models/journal.ts'
import { buildSessionRecord } from './fixtures/build-session-record.ts'

const entry = (overrides: Partial<JournalSessionRecord>) => {
  const record = buildSessionRecord(overrides)
  return indexEntryOf(record, { fileName: `${record.id}.md`, mtimeMs: 0, size: 0 })
}
const web = { ...buildSessionRecord().repository, id: 'web', name: 'Web Shop' }
const deploy = { id: 'deploy-path', title: 'The deploy path' }

describe('quarterlyRollup', () => {
  it('gathers one quarter: themes, repositories, friction, calibration, open questions', () => {
    const all = [
      entry({ id: 'a', date: '2026-10-06', theme: deploy }),
      entry({ id: 'b', date: '2026-11-10', theme: deploy, repository: web, frictionTags: ['deploy-pain'] }),
      entry({ id: 'c', date: '2026-12-30', questions: [] }),
      entry({ id: 'outside', date: '2026-09-30' }),
    ]
    const rollup = quarterlyRollup(all, '2026-Q4')
    expect(rollup.sessions.map((s) => s.id)).toEqual(['a', 'b', 'c'])
    expect([rollup.from, rollup.to]).toEqual(['2026-10-01', '2026-12-31'])
    expect(rollup.themes).toEqual([
      { id: 'deploy-path', title: 'The deploy path', count: 2 },
      { id: 'request-end-to-end', title: 'Follow one request end to end', count: 1 },
    ])
    expect(rollup.repositories).toEqual([
      { id: 'repo-payments', name: 'Payments API', count: 2 },
      { id: 'web', name: 'Web Shop', count: 1 },
    ])
    expect(rollup.friction).toEqual([
      { tag: 'slow-tests', count: 2 },
      { tag: 'unclear-docs', count: 2 },
      { tag: 'deploy-pain', count: 1 },
    ])
    expect(rollup.calibration).toEqual({ medianRatio: 1.87, count: 3 })
    expect(rollup.openQuestions.map((q) => q.id)).toEqual(['q-1'])
    expect(rollup.summary).toBe(
      '2026-Q4: 3 sessions across 2 repositories; themes The deploy path, Follow one request end to end; most friction: slow-tests (2); changes took 1.9× the estimate; 1 question still open.',
    )
    expect(quarterlyRollup(all, '2025-Q1').summary).toBe('No sessions in 2025-Q1.')
  })
})

describe('lookBack', () => {
  it('offers the session from the same repository closest to a quarter earlier', () => {
    const now = entry({ id: 'now', date: '2026-11-24' })
    const all = [
      now,
      entry({ id: 'quarter', date: '2026-08-20' }),
      entry({ id: 'month', date: '2026-10-20' }),
      entry({ id: 'other-repo', date: '2026-08-25', repository: web }),
      entry({ id: 'year', date: '2025-11-24' }),
    ]
    expect(lookBack(all, now)?.summary.id).toBe('quarter')
    expect(lookBack([now, entry({ id: 'year', date: '2025-11-24' })], now)).toBeNull()
  })
})
