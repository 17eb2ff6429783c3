// One past session, read-only except for its reflection, in the order of its journal file: the
// leader's reflection and questions first, the figures, then every step's work (citations open the
// file viewer while the repository is there; how much of the cited code changed since its commit),
// the session a quarter before in the same repository, and exports of this session.
import { useEffect } from 'react'
import { STEP_KEYS } from '../../../shared/models/curriculum.ts'
import type { JournalDriftView, JournalSessionRecord } from '../../../shared/models/journal.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { FileViewer } from '../coach/FileViewer.tsx'
import { ExportPanel } from './ExportPanel.tsx'
import { formatCost, formatDay, formatMinutes, shortCommit } from './journal-format.ts'
import { PrintHeading } from './PrintHeading.tsx'
import { ReflectionEditor } from './ReflectionEditor.tsx'
import { SentSection } from './SentSection.tsx'
import { ChangeSection, DiagramSection, QuestionsSection, TranscriptSection, WalkthroughSection } from './SessionSections.tsx'
import { DeveloperLoopSection } from './DeveloperLoopSection.tsx'
import { BackToList } from './BackToList.tsx'
import { useStores } from '../../stores-context.tsx'

const STEP_LABELS = { explore: 'Explore', diagram: 'Diagram', change: 'Change', reflect: 'Reflect' } as const

/** Time per step against its timebox, and what the AI cost: effort and friction sit with the reflection. */
function Figures(props: { record: JournalSessionRecord }) {
  const { record } = props
  return (
    <section className="card session-figures" aria-label="Time per step">
      <dl className="figures">
        {STEP_KEYS.map((step) => (
          <div key={step}>
            <dt>{STEP_LABELS[step]}</dt>
            <dd>
              {formatMinutes(record.stepMinutes[step])} <span className="muted">of {formatMinutes(record.timeboxMinutes[step])}</span>
            </dd>
          </div>
        ))}
        <div>
          <dt>AI</dt>
          <dd>{record.offline ? 'offline (no AI)' : formatCost(record.usage.costUsd)}</dd>
        </div>
      </dl>
    </section>
  )
}

function DriftNote(props: { drift: JournalDriftView | null; loading: boolean }) {
  if (props.loading && !props.drift)
    return (
      <p className="muted session-drift" role="status">
        Checking the repository for changes since this session…
      </p>
    )
  if (!props.drift) return null
  if (props.drift.state === 'unknown') {
    return (
      <p className="session-drift session-drift--unknown" role="status">
        Can’t tell how the code changed since: {props.drift.reason}
      </p>
    )
  }
  const { drift, headCommit } = props.drift
  return (
    <p className="session-drift" role="status">
      <strong>{drift.summary}</strong> <span className="muted">(compared with {shortCommit(headCommit)}, the repository today)</span>
    </p>
  )
}

export function SessionReview(props: { id: string }) {
  const { useJournal, useJournalSession } = useStores()
  const status = useJournalSession((state) => state.status)
  const view = useJournalSession((state) => state.view)
  const error = useJournalSession((state) => state.error)
  const drift = useJournalSession((state) => state.drift)
  const driftLoading = useJournalSession((state) => state.driftLoading)
  const lookBack = useJournalSession((state) => state.lookBack)
  const cited = useJournalSession((state) => state.cited)
  const viewer = useJournalSession((state) => state.viewer)
  const openCitation = useJournalSession((state) => state.openCitation)
  const openFile = useJournalSession((state) => state.openFile)
  const closeViewer = useJournalSession((state) => state.closeViewer)
  const load = useJournalSession((state) => state.load)
  const open = useJournal((state) => state.open)

  useEffect(() => {
    void load(props.id)
  }, [load, props.id])

  const back = <BackToList />
  if (status === 'error' && error) {
    return (
      <div className="page">
        {back}
        <ErrorNotice error={error} onRetry={() => void load(props.id)} />
      </div>
    )
  }
  if (!view) {
    return (
      <div className="page">
        {back}
        <p className="muted" role="status">
          Opening the session…
        </p>
      </div>
    )
  }
  const { record } = view
  return (
    <div className="page session-review printable">
      <PrintHeading text={`Week ${record.week} · ${record.theme.title} — ${record.repository.name} · ${formatDay(record.date)}`} />
      {back}
      <header className="page-header">
        <div>
          <h1 id="page-title" tabIndex={-1}>
            {record.theme.title}
          </h1>
          <p className="page-header__subtitle">
            {formatDay(record.date)} · week {record.week} · {record.repository.name} at <code>{shortCommit(record.repository.commit)}</code>
            {record.offline ? ' · offline' : ''}
          </p>
          <p className="muted session-file">{view.fileName}</p>
        </div>
      </header>
      <DriftNote drift={drift} loading={driftLoading} />
      {lookBack ? (
        <p className="session-lookback no-print">
          A quarter ago in this repository:{' '}
          <button type="button" className="button button--quiet" onClick={() => open(lookBack.id)}>
            {lookBack.theme.title}, {formatDay(lookBack.date)}
          </button>
        </p>
      ) : null}
      <ReflectionEditor record={record} fileName={view.fileName} />
      {record.questions.length > 0 ? <QuestionsSection questions={record.questions} /> : null}
      <Figures record={record} />
      {record.walkthrough || record.notes?.explore || record.questionsAsked?.length ? (
        <WalkthroughSection record={record} drift={drift} cited={cited} onOpen={openCitation} />
      ) : null}
      {record.diagram || record.notes?.diagram ? <DiagramSection record={record} /> : null}
      {record.change ? <ChangeSection change={record.change} /> : null}
      <DeveloperLoopSection loop={record.loop} />
      {view.hasTranscript && record.transcript.length > 0 ? <TranscriptSection transcript={record.transcript} /> : null}
      {record.sent && record.sent.length > 0 ? <SentSection sent={record.sent} /> : null}
      <ExportPanel title="Export this session" target={{ ids: [record.id] }} pdfFileName={view.fileName.replace(/\.md$/i, '.pdf')} />
      <FileViewer target={viewer} onOpen={openFile} onClose={closeViewer} />
    </div>
  )
}
