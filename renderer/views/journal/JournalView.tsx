// Journal: every past session, newest first, searchable and filterable; one session in full; the
// share summary and the quarterly roll-up. Problems with files are shown calmly at the top.
import { useEffect } from 'react'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { focusWhenShown } from '../../components/focus-when-shown.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import '../../styles/journal.css'
import { ExportPanel } from './ExportPanel.tsx'
import { JournalFilters } from './JournalFilters.tsx'
import { JournalList } from './JournalList.tsx'
import { JournalProblems } from './JournalProblems.tsx'
import { QuarterRollup } from './QuarterRollup.tsx'
import { SessionReview } from './SessionReview.tsx'
import { ShareSummary } from './ShareSummary.tsx'
import { useStores } from '../../stores-context.tsx'
import { useLoadOnShow } from '../use-load-on-show.ts'
import { GoToThisWeek } from '../today/GoToThisWeek.tsx'

export function JournalView() {
  const { useJournal } = useStores()
  const mode = useJournal((state) => state.mode)
  const selectedId = useJournal((state) => state.selectedId)
  const load = useJournal((state) => state.load)
  useLoadOnShow(load)
  useEffect(() => {
    document.querySelector('.main')?.scrollTo({ top: 0 })
    // An entry shows its title once it is read.
    return focusWhenShown('page-title')
  }, [mode, selectedId])

  if (mode === 'session' && selectedId) return <SessionReview id={selectedId} />
  if (mode === 'summary') return <ShareSummary />
  if (mode === 'rollup') return <QuarterRollup />
  return <JournalHome />
}

function JournalHome() {
  const { useJournal } = useStores()
  const loaded = useJournal((state) => state.loaded)
  const error = useJournal((state) => state.error)
  const all = useJournal((state) => state.all)
  const entries = useJournal((state) => state.entries)
  const hits = useJournal((state) => state.hits)
  const load = useJournal((state) => state.load)
  const show = useJournal((state) => state.show)
  const shown = hits ? hits.map((hit) => hit.entry) : entries
  const sessions = shown.length === 1 ? 'session' : `${shown.length} sessions`

  return (
    <div className="page page--wide journal">
      <PageHeader
        title="Journal"
        subtitle="Every past session, as Markdown files you own."
        actions={
          all.length > 0 ? (
            <>
              <button type="button" className="button" onClick={() => show('rollup')}>
                Quarter roll-up
              </button>
              <button type="button" className="button" onClick={() => show('summary')}>
                Share with tech leads
              </button>
            </>
          ) : null
        }
      />
      <JournalProblems />
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {!loaded ? (
        <p className="muted" role="status">
          Reading the journal…
        </p>
      ) : all.length === 0 ? (
        <EmptyState title="No sessions yet" action={<GoToThisWeek />}>
          <p>
            Each finished weekly hour becomes a Markdown file here: the walkthrough, the diagram, the change and your reflection. You can
            search them, review them and share a summary with your tech leads.
          </p>
        </EmptyState>
      ) : (
        <>
          <JournalFilters />
          <JournalList />
          {shown.length > 0 ? (
            <ExportPanel
              title={
                hits
                  ? `Export the ${shown.length === 1 ? 'matching session' : `${shown.length} matching sessions`}`
                  : `Export the ${sessions} listed`
              }
              target={{ ids: shown.map((entry) => entry.id) }}
              pdfFileName="gemba-journal.pdf"
            />
          ) : null}
        </>
      )}
    </div>
  )
}
