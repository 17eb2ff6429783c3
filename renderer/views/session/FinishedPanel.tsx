// After finishing: where the journal entry went (or that it waits safely), and what counted.
import type { FinishResult } from '../../../shared/models/sessions.ts'
import { STEP_LABELS } from './step-labels.ts'
import { useStores } from '../../stores-context.tsx'

export function FinishedPanel(props: { result: FinishResult }) {
  const { useJournal, useNavigation } = useStores()
  const go = useNavigation((state) => state.go)
  const openEntry = useJournal((state) => state.openEntry)
  const { result } = props
  return (
    <section className="card finished" aria-labelledby="finished-title">
      <h2 id="finished-title">
        Week {result.session.weekNumber} is done: {result.session.theme}
      </h2>
      {result.journalPath ? (
        <p>
          Your journal entry is saved at <code>{result.journalPath}</code>.
        </p>
      ) : null}
      {result.journalPending ? (
        <div className="notice notice--warning" role="status">
          <p className="notice__message">Your entry is safe and will be written to the journal later.</p>
          <p className="notice__next">{result.journalPending.message}</p>
        </div>
      ) : null}
      <p>
        {result.practised
          ? 'All four steps were done here, so this week counts as practised.'
          : `This week does not count as practised yet: ${result.notDone.map((step) => STEP_LABELS[step]).join(', ')} ${result.notDone.length === 1 ? 'was' : 'were'} not done in the app. That is fine; it is a record, not a score.`}
      </p>
      <div className="today-actions">
        {/* The entry just written; while it waits to be written, the journal's list (which says so). */}
        <button
          type="button"
          className="button button--primary"
          onClick={() => (result.journalPath ? openEntry(result.session.id) : go('journal'))}
        >
          Open the journal
        </button>
        <button type="button" className="button" onClick={() => go('today')}>
          Back to Today
        </button>
      </div>
    </section>
  )
}
