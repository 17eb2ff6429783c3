import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createJournalShareStore, paperForLocale, shiftQuarter } from '../../../../renderer/stores/journal-share-store.ts'
import { failWith } from '../../../fixtures/fake-client.ts'
import { journalClient } from '../../../fixtures/journal-client.ts'
import type { Harness } from '../../electron/services/journal/fixtures/journal-harness.ts'
import { buildSessionRecord } from '../../electron/services/journal/fixtures/build-session-record.ts'

let journal: Harness | undefined
let out: string | undefined
afterEach(async () => {
  await journal?.dispose()
  if (out) await rm(out, { recursive: true, force: true })
})

describe('the journal share store', () => {
  it('exports the chosen sessions as Markdown to the folder typed in', async () => {
    const made = await journalClient()
    journal = made.journal
    await journal.service.saveSession(buildSessionRecord())
    out = await mkdtemp(join(tmpdir(), 'gemba-export-'))
    const store = createJournalShareStore(made.fake.client)
    store.getState().setFolder(`  ${out}  `)
    await store.getState().exportMarkdown({ ids: ['session-0001'] })
    expect(store.getState().outcome).toMatchObject({ status: 'done', result: { sessions: 1 } })
    expect((await readdir(out)).some((name) => name.endsWith('.md'))).toBe(true)
  })

  it('loads the summary to share, without private reflections unless asked, and the quarter’s roll-up', async () => {
    const made = await journalClient()
    journal = made.journal
    await journal.service.saveSession(buildSessionRecord({ date: '2026-11-24' }))
    const store = createJournalShareStore(made.fake.client)
    await store.getState().loadSummary({ weeks: 8 })
    expect(made.fake.inputs('journal.summary')).toEqual([{ weeks: 8, includeReflections: false }])
    expect(store.getState().summary?.includesReflections).toBe(false)
    await store.getState().loadRollup()
    expect(store.getState().quarter).toBe('2026-Q4')
    expect(store.getState().rollup?.sessions).toHaveLength(1)
  })

  it('shows a refused export as data and moves between quarters across years', async () => {
    const made = await journalClient({
      'journal.exportMarkdown': () => failWith({ code: 'refused', message: 'That folder is inside the journal.' }),
    })
    journal = made.journal
    const store = createJournalShareStore(made.fake.client)
    store.getState().setFolder('/somewhere')
    await store.getState().exportMarkdown({ from: '2026-01-01' })
    expect(store.getState().outcome).toMatchObject({ status: 'error', error: { message: 'That folder is inside the journal.' } })
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1')
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4')
  })
  it('lays a desktop PDF out on the paper of the leader’s region, and on the paper they choose', async () => {
    expect(paperForLocale('en-US')).toBe('Letter')
    expect(paperForLocale('fr-CA')).toBe('Letter')
    expect(paperForLocale('en-GB')).toBe('A4')
    expect(paperForLocale('de')).toBe('A4')
    const made = await journalClient({ 'system.printToPdf': () => ({ path: '/out/entry.pdf', supported: true }) })
    journal = made.journal
    const store = createJournalShareStore(made.fake.client, { locale: 'en-US' })
    store.getState().setFolder('/out')
    await store.getState().savePdf('entry.pdf', true)
    store.getState().setPaper('A4')
    await store.getState().savePdf('entry.pdf', true)
    expect(made.fake.inputs('system.printToPdf')).toEqual([
      { folder: '/out', fileName: 'entry.pdf', paper: 'Letter' },
      { folder: '/out', fileName: 'entry.pdf', paper: 'A4' },
    ])
    expect(store.getState().outcome).toMatchObject({ status: 'done', pdfPath: '/out/entry.pdf' })
  })
})
