// The journal folder changes through one explicit call: saving another folder in Settings moves the
// journal service there before the save answers, so the very next journal call reads the new folder.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JournalService } from '../../../electron/services/journal/index.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'
import { buildSessionRecord } from '../../unit/electron/services/journal/fixtures/build-session-record.ts'

let test: TestBackend | undefined
let chosen: string | undefined
afterEach(async () => {
  await test?.cleanup()
  if (chosen) await rm(chosen, { recursive: true, force: true })
})

async function listed(backend: TestBackend['backend']): Promise<string[]> {
  const result = await backend.dispatcher.dispatch('journal.list', {})
  if (!result.ok) throw new Error(result.error.message)
  return (result.value as { entries: { id: string }[] }).entries.map((entry) => entry.id)
}

describe('changing the journal folder', () => {
  it('reads the folder Settings name from the next call on, and back again', async () => {
    test = await makeTestBackend()
    chosen = await mkdtemp(join(tmpdir(), 'gemba-chosen-journal-'))
    const elsewhere = new JournalService({
      journalFolder: chosen,
      createJournalFolder: false,
      cacheFolder: join(chosen, '.cache'),
      pendingFolder: join(chosen, '.pending'),
      now: () => new Date(),
    })
    await elsewhere.saveSession(buildSessionRecord({ id: 'kept-elsewhere' }))
    expect(await listed(test.backend)).toEqual([])

    const saved = await test.backend.dispatcher.dispatch('settings.update', { journalFolder: chosen })
    expect(saved).toMatchObject({ ok: true, value: { journalFolderInUse: chosen } })
    expect(await listed(test.backend)).toEqual(['kept-elsewhere'])

    await test.backend.dispatcher.dispatch('settings.update', { journalFolder: null })
    expect(await listed(test.backend)).toEqual([])
  })
})
