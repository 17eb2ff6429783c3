// Export controls shared by a session, a date range and the share summary: Markdown into a folder the
// leader chooses (the system picker on the desktop, a path field in the browser), and PDF
// (printToPDF on the desktop, the browser's print dialog otherwise). Shows where things went.
import { useEffect, useId } from 'react'
import { PAPER_SIZES, type PaperSize } from '../../../shared/channels/system.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { type ExportTarget } from '../../stores/journal-share-store.ts'
import { useStores } from '../../stores-context.tsx'

export function ExportPanel(props: { title: string; target: ExportTarget; pdfFileName: string; markdownLabel?: string }) {
  const { useAppInfo, useJournalShare } = useStores()
  const desktop = useAppInfo((state) => state.info?.mode === 'desktop')
  const folder = useJournalShare((state) => state.folder)
  const outcome = useJournalShare((state) => state.outcome)
  const setFolder = useJournalShare((state) => state.setFolder)
  const paper = useJournalShare((state) => state.paper)
  const setPaper = useJournalShare((state) => state.setPaper)
  const pickFolder = useJournalShare((state) => state.pickFolder)
  const exportMarkdown = useJournalShare((state) => state.exportMarkdown)
  const savePdf = useJournalShare((state) => state.savePdf)
  const resetOutcome = useJournalShare((state) => state.resetOutcome)
  const id = useId()
  useEffect(() => resetOutcome, [resetOutcome])
  const noFolder = folder.trim() === ''
  return (
    <section className="export-panel card no-print" aria-label={props.title}>
      <h2>{props.title}</h2>
      <div className="export-panel__row">
        <div className="field">
          <label htmlFor={id}>Export folder</label>
          <input
            id={id}
            value={folder}
            spellCheck={false}
            placeholder="/home/you/Documents/gemba-export"
            onChange={(event) => setFolder(event.target.value)}
          />
        </div>
        {desktop ? (
          <button type="button" className="button" onClick={() => void pickFolder()}>
            Choose…
          </button>
        ) : null}
        <button
          type="button"
          className="button button--primary"
          disabled={noFolder || outcome.status === 'working'}
          onClick={() => void exportMarkdown(props.target)}
        >
          {props.markdownLabel ?? 'Export Markdown'}
        </button>
        {desktop ? (
          <>
            <div className="field export-panel__paper">
              <label htmlFor={`${id}-paper`}>Paper</label>
              <select id={`${id}-paper`} value={paper} onChange={(event) => setPaper(event.target.value as PaperSize)}>
                {PAPER_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button"
              disabled={noFolder || outcome.status === 'working'}
              onClick={() => void savePdf(props.pdfFileName, true)}
            >
              Save as PDF
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => void savePdf(props.pdfFileName, false)}>
            Print or save as PDF…
          </button>
        )}
      </div>
      <div role="status" className="export-panel__status">
        {outcome.status === 'working' ? <p className="muted">Writing…</p> : null}
        {outcome.status === 'done' && outcome.result ? (
          <p>
            Exported {outcome.result.files.length === 1 ? '1 file' : `${outcome.result.files.length} files`} to{' '}
            <code>{outcome.result.folder}</code>: {outcome.result.files.join(', ')}.
          </p>
        ) : null}
        {outcome.status === 'done' && outcome.pdfPath ? (
          <p>
            Saved <code>{outcome.pdfPath}</code>.
          </p>
        ) : null}
      </div>
      {outcome.error ? <ErrorNotice error={outcome.error} /> : null}
    </section>
  )
}
