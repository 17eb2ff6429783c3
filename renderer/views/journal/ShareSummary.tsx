// A one-page summary of the last weeks for tech leads: previewed here, copied as Markdown, exported
// or printed. The private reflection text stays out unless the leader ticks it in.
import { useEffect, useId } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { Markdown } from '../../components/Markdown.tsx'
import { ExportPanel } from './ExportPanel.tsx'
import { BackToList } from './BackToList.tsx'
import { useStores } from '../../stores-context.tsx'

const WEEK_CHOICES = [2, 4, 6, 8, 12, 26] as const

export function ShareSummary() {
  const { useJournalShare } = useStores()
  const weeks = useJournalShare((state) => state.weeks)
  const includeReflections = useJournalShare((state) => state.includeReflections)
  const summary = useJournalShare((state) => state.summary)
  const summaryError = useJournalShare((state) => state.summaryError)
  const copied = useJournalShare((state) => state.copied)
  const loadSummary = useJournalShare((state) => state.loadSummary)
  const copySummary = useJournalShare((state) => state.copySummary)
  const weeksId = useId()
  const reflectionsId = useId()

  useEffect(() => {
    void loadSummary()
  }, [loadSummary])

  return (
    <div className="page share-summary">
      <BackToList />
      <header className="page-header no-print">
        <div>
          <h1 id="page-title" tabIndex={-1}>
            Share with tech leads
          </h1>
          <p className="page-header__subtitle">
            A one-page summary of your recent hours: what you looked at, the friction, the open questions.
          </p>
        </div>
      </header>
      <form className="card share-summary__controls no-print" aria-label="Summary options" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={weeksId}>Covering</label>
          <select id={weeksId} value={weeks} onChange={(event) => void loadSummary({ weeks: Number(event.target.value) })}>
            {WEEK_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                the last {choice} weeks
              </option>
            ))}
          </select>
        </div>
        <div className="share-summary__check">
          <input
            id={reflectionsId}
            type="checkbox"
            checked={includeReflections}
            onChange={(event) => void loadSummary({ includeReflections: event.target.checked })}
          />
          <label htmlFor={reflectionsId}>Include my reflections</label>
          <p className="field__hint">Off by default: your reflections are private notes.</p>
        </div>
        <div className="share-summary__copy">
          <button type="button" className="button" disabled={!summary} onClick={() => void copySummary()}>
            Copy as Markdown
          </button>
          <span role="status" className="settings-section__status">
            {copied ? 'Copied' : ''}
          </span>
        </div>
      </form>
      {summaryError ? <ErrorNotice error={summaryError} /> : null}
      {summary ? (
        <article className="card share-summary__preview printable" aria-label="Summary preview">
          <p className="muted share-summary__note no-print">
            Preview · {summary.sessions === 1 ? '1 session' : `${summary.sessions} sessions`} ·{' '}
            {summary.includesReflections ? 'includes your reflections' : 'reflections left out'}
          </p>
          <Markdown source={summary.markdown} />
        </article>
      ) : (
        <p className="muted" role="status">
          Preparing the summary…
        </p>
      )}
      {summary ? (
        <ExportPanel
          title="Export the summary"
          target={{ summary: true }}
          markdownLabel="Export Markdown file"
          pdfFileName={`gemba-summary-${summary.from}-to-${summary.to}.pdf`}
        />
      ) : null}
    </div>
  )
}
