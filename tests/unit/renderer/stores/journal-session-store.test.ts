import { afterEach, describe, expect, it, vi } from 'vitest'
import { createJournalSessionStore } from '../../../../renderer/stores/journal-session-store.ts'
import { journalClient } from '../../../fixtures/journal-client.ts'
import type { Harness } from '../../electron/services/journal/fixtures/journal-harness.ts'
import { buildSessionRecord } from '../../electron/services/journal/fixtures/build-session-record.ts'

let journal: Harness | undefined
afterEach(() => journal?.dispose())

async function withEntries(handlers = {}) {
  const made = await journalClient(handlers)
  journal = made.journal
  await journal.service.saveSession(buildSessionRecord())
  await journal.service.saveSession(buildSessionRecord({ id: 'session-0002', date: '2026-11-25' }))
  return made.fake
}

describe('the journal session store', () => {
  it('opens a session with its drift, the session before it and where its citations open', async () => {
    const fake = await withEntries({
      'repos.list': () => [{ id: 'repo-payments', name: 'Payments API', path: '/home/lead/code/payments-api' }],
    })
    const store = createJournalSessionStore(fake.client)
    await store.getState().load('session-0001')
    expect(store.getState()).toMatchObject({ status: 'ready', id: 'session-0001', loadCall: null, driftLoading: false })
    expect(store.getState().view?.record.id).toBe('session-0001')
    expect(store.getState().drift?.state).toBeDefined()
    expect(store.getState().cited).toMatchObject({ state: 'available', repoId: 'repo-payments' })
    store.getState().openCitation('src/ledger/post.ts', 7)
    expect(store.getState().viewer).toEqual({ repoId: 'repo-payments', path: 'src/ledger/post.ts', line: 7 })
  })

  it('opening another session cancels the load under way (held in its state)', async () => {
    const fake = await withEntries()
    const store = createJournalSessionStore(fake.client)
    const first = store.getState().load('session-0001')
    const firstCall = store.getState().loadCall!
    const second = store.getState().load('session-0002')
    expect(firstCall.signal.aborted).toBe(true)
    await Promise.all([first, second])
    expect(store.getState()).toMatchObject({ id: 'session-0002', status: 'ready', error: null })
  })

  it('saves the reflection explicitly and shows the saved state; a file changed on disk reloads unless mid-edit', async () => {
    const fake = await withEntries()
    const store = createJournalSessionStore(fake.client)
    await store.getState().load('session-0001')
    store.getState().startEditing()
    store.getState().setDraft('Slow tests cost us the hour.')
    await store.getState().saveReflection()
    expect(store.getState()).toMatchObject({ save: 'saved', editing: false })
    expect(store.getState().view?.record.reflection).toBe('Slow tests cost us the hour.')
    const gets = fake.inputs('journal.get').length
    fake.emit('journal.changed', { reason: 'files', fileNames: ['x.md'] })
    await vi.waitFor(() => expect(fake.inputs('journal.get').length).toBe(gets + 1))
    store.getState().startEditing()
    fake.emit('journal.changed', { reason: 'files', fileNames: ['x.md'] })
    expect(fake.inputs('journal.get').length).toBe(gets + 1)
  })
})
