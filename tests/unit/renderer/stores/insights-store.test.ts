import { afterEach, describe, expect, it, vi } from 'vitest'
import { createInsightsStore } from '../../../../renderer/stores/insights-store.ts'
import { failWith } from '../../../fixtures/fake-client.ts'
import { journalClient } from '../../../fixtures/journal-client.ts'
import type { Harness } from '../../electron/services/journal/fixtures/journal-harness.ts'
import { buildSessionRecord } from '../../electron/services/journal/fixtures/build-session-record.ts'

let journal: Harness | undefined
afterEach(() => journal?.dispose())

describe('the insights store', () => {
  it('asks for a year with the programme’s skipped weeks marked, and follows the journal once loaded', async () => {
    const made = await journalClient()
    journal = made.journal
    await journal.service.saveSession(buildSessionRecord())
    const store = createInsightsStore(made.fake.client)
    await store.getState().load(2026)
    expect(made.fake.inputs('journal.insights')[0]).toMatchObject({ year: 2026, marks: [{ isoWeek: '2026-W46', status: 'skipped' }] })
    expect(store.getState()).toMatchObject({ year: 2026, loading: false, error: null })
    expect(store.getState().insights).not.toBeNull()
    await journal.service.saveSession(buildSessionRecord({ id: 'session-0002', date: '2026-11-25' }))
    await vi.waitFor(() => expect(made.fake.inputs('journal.insights')).toHaveLength(2))
  })

  it('still shows practised weeks when the programme cannot be read', async () => {
    const made = await journalClient({ 'sessions.programme': () => failWith({ code: 'internal', message: 'unreadable' }) })
    journal = made.journal
    const store = createInsightsStore(made.fake.client)
    await store.getState().load(2026)
    expect(made.fake.inputs('journal.insights')).toEqual([{ year: 2026, marks: [] }])
    expect(store.getState().error).toBeNull()
  })
})
