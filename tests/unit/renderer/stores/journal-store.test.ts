import { afterEach, describe, expect, it, vi } from 'vitest'
import { createJournalStore, SEARCH_DELAY_MS } from '../../../../renderer/stores/journal-store.ts'
import { createNavigationStore } from '../../../../renderer/stores/navigation-store.ts'
import { journalClient } from '../../../fixtures/journal-client.ts'
import type { Harness } from '../../electron/services/journal/fixtures/journal-harness.ts'
import { buildSessionRecord } from '../../electron/services/journal/fixtures/build-session-record.ts'

let journal: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await journal?.dispose()
})

async function withEntries() {
  const made = await journalClient()
  journal = made.journal
  await journal.service.saveSession(buildSessionRecord())
  await journal.service.saveSession(
    buildSessionRecord({
      id: 'session-0002',
      date: '2026-11-25',
      frictionTags: ['flaky-ci'],
      theme: { id: 'data-model', title: 'The data model' },
    }),
  )
  return made.fake
}

describe('the journal store', () => {
  it('lists the entries with their facets, and filters through the backend', async () => {
    const fake = await withEntries()
    const store = createJournalStore(fake.client)
    await store.getState().load()
    expect(store.getState().entries.map((entry) => entry.id)).toEqual(['session-0002', 'session-0001'])
    store.getState().setFilter({ tag: 'flaky-ci' })
    await vi.waitFor(() => expect(store.getState().entries.map((entry) => entry.id)).toEqual(['session-0002']))
    expect(fake.inputs('journal.list').at(-1)).toEqual({ filter: { tag: 'flaky-ci' }, limit: 5000 })
  })

  it('searches after typing pauses; a newer search cancels the one under way (held in its state)', async () => {
    const fake = await withEntries()
    const store = createJournalStore(fake.client)
    await store.getState().load()
    vi.useFakeTimers()
    store.getState().setQuery('ledg')
    store.getState().setQuery('ledger')
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS)
    vi.useRealTimers()
    expect(fake.inputs('journal.search').map((input) => input.query)).toEqual(['ledger'])
    await vi.waitFor(() => expect(store.getState().searching).toBe(false))
    expect(store.getState().hits?.map((hit) => hit.entry.id)).toContain('session-0001')

    const first = new AbortController()
    store.setState({ searchCall: first, query: 'router' })
    vi.useFakeTimers()
    store.getState().setQuery('router')
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS)
    expect(first.signal.aborted).toBe(true)
  })

  it('follows journal.changed once loaded: an entry saved elsewhere shows without a reload', async () => {
    const fake = await withEntries()
    const store = createJournalStore(fake.client)
    await store.getState().load()
    await journal!.service.saveSession(buildSessionRecord({ id: 'session-0003', date: '2026-11-26' }))
    await vi.waitFor(() => expect(store.getState().all).toHaveLength(3))
    expect(fake.inputs('journal.list').length).toBeGreaterThan(1)
  })

  it('opens one entry from another screen, and shows the list again when the Journal screen is chosen', async () => {
    const fake = await withEntries()
    let hash = '#/session'
    const navigation = createNavigationStore({ hash: () => hash, push: (next) => void (hash = next) })
    const store = createJournalStore(fake.client, { navigation })
    store.getState().openEntry('session-0002')
    expect(navigation.getState().screen).toBe('journal')
    expect(store.getState()).toMatchObject({ mode: 'session', selectedId: 'session-0002' })
    // The Journal chosen while it shows an entry, or again from another screen, shows the list.
    navigation.getState().go('journal')
    expect(store.getState().mode).toBe('list')
    store.getState().open('session-0001')
    navigation.getState().go('settings')
    expect(store.getState().mode).toBe('session')
    navigation.getState().go('journal')
    expect(store.getState().mode).toBe('list')
  })
})
