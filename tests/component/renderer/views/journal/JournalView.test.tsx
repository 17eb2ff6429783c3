// Getting to and around the journal: "Open the journal" at the end of an hour opens the entry just
// written (focus on its title), choosing Journal in the side bar from an entry returns to the list,
// and the list's export names what it exports (the sessions listed or matching), never "the session
// shown" when none is shown.
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { indexEntryOf } from '../../../../../electron/services/journal/index-entry.ts'
import type { JournalSessionRecord, JournalSessionView } from '../../../../../shared/models/journal.ts'
import type { FinishResult } from '../../../../../shared/models/sessions.ts'
import { JournalView } from '../../../../../renderer/views/journal/JournalView.tsx'
import { FinishedPanel } from '../../../../../renderer/views/session/FinishedPanel.tsx'
import { useStores } from '../../../../../renderer/stores-context.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'
import { repoView, session } from '../../../../fixtures/renderer-views.ts'
import { buildSessionRecord } from '../../../../unit/electron/services/journal/fixtures/build-session-record.ts'

const JUST_WRITTEN = buildSessionRecord({ id: 'session-0002', date: '2026-11-25', theme: { id: 'data-model', title: 'The data model' } })
const OLDER = buildSessionRecord()
const RECORDS = [JUST_WRITTEN, OLDER]

const summary = (record: JournalSessionRecord) =>
  indexEntryOf(record, { fileName: `${record.date}-${record.id}.md`, mtimeMs: 0, size: 1 }).summary

const FINISHED: FinishResult = {
  session: session(JUST_WRITTEN.id),
  journalPath: '/journal/2026-11-25-session-0002.md',
  journalPending: null,
  practised: true,
  notDone: [],
}

/** The two screens as the app switches them: the finished hour (Session) and the Journal. */
function Screens() {
  const { useNavigation } = useStores()
  const screen = useNavigation((state) => state.screen)
  return screen === 'journal' ? <JournalView /> : <FinishedPanel result={FINISHED} />
}

function journal() {
  return renderView(() => <Screens />, {
    handlers: {
      'journal.list': () => ({ entries: RECORDS.map(summary), total: RECORDS.length, problemCount: 0 }),
      'journal.problems': () => ({ problems: [], pending: [] }),
      'journal.search': () => ({ hits: [{ entry: summary(OLDER), score: 1, snippets: [] }], total: 1, problemCount: 0 }),
      'journal.get': ({ id }) => {
        const record = RECORDS.find((one) => one.id === id)!
        const view: JournalSessionView = { fileName: `${record.id}.md`, record, hasTranscript: false, modifiedAt: record.finishedAt }
        return view
      },
      'journal.drift': () => ({
        state: 'unknown',
        reason: 'The repository is not on this computer.',
        repositoryPath: OLDER.repository.path,
      }),
      'journal.lookBack': () => null,
      'repos.list': () => [repoView(OLDER.repository.id, { path: OLDER.repository.path })],
    },
    prepare: (stores) => stores.useNavigation.getState().go('session'),
  })
}

describe('the journal’s navigation', () => {
  it('opens the entry just written from the finished hour, with focus on its title', async () => {
    const { stores } = journal()
    await userEvent.click(page.getByRole('button', { name: 'Open the journal' }))
    const title = page.getByRole('heading', { level: 1, name: 'The data model' })
    await expect.element(title).toBeVisible()
    await expect.element(title).toHaveFocus()
    expect(stores.useNavigation.getState().screen).toBe('journal')
  })

  it('returns from an entry to the list when Journal is chosen again', async () => {
    const { stores } = journal()
    await userEvent.click(page.getByRole('button', { name: 'Open the journal' }))
    await expect.element(page.getByRole('heading', { level: 1, name: 'The data model' })).toBeVisible()
    // The side bar's Journal item (and Ctrl+4) call go('journal') on the screen already shown.
    stores.useNavigation.getState().go('journal')
    const list = page.getByRole('heading', { level: 1, name: 'Journal' })
    await expect.element(list).toBeVisible()
    await expect.element(list).toHaveFocus()
  })

  it('names what the list exports: the sessions listed, or those matching a search', async () => {
    const { stores } = journal()
    stores.useNavigation.getState().go('journal')
    await expect.element(page.getByRole('heading', { level: 2, name: 'Export the 2 sessions listed' })).toBeVisible()
    expect(page.getByRole('heading', { name: /shown/ }).elements()).toHaveLength(0)
    await userEvent.fill(page.getByRole('searchbox'), 'ledger')
    await expect.element(page.getByRole('heading', { level: 2, name: 'Export the matching session' })).toBeVisible()
  })
})
