// Files the journal could not read (skipped, never touched) and entries still waiting in the data
// folder, shown calmly at the top with what to do, and "Write them now" for the waiting ones.
import { useStores } from '../../stores-context.tsx'

export function JournalProblems() {
  const { useJournal } = useStores()
  const problems = useJournal((state) => state.problems)
  const flushing = useJournal((state) => state.flushing)
  const flushResult = useJournal((state) => state.flushResult)
  const flushPending = useJournal((state) => state.flushPending)
  if (problems.problems.length === 0 && problems.pending.length === 0 && !flushResult) return null
  return (
    <section className="journal-problems" aria-label="Journal problems">
      {problems.pending.length > 0 ? (
        <div className="notice notice--warning">
          <div>
            <p className="notice__message">
              {problems.pending.length === 1 ? '1 session is' : `${problems.pending.length} sessions are`} waiting to be written to the
              journal folder.
            </p>
            <p className="muted">{problems.pending[0]?.reason} They are safe in Gemba’s data folder meanwhile.</p>
          </div>
          <button type="button" className="button" disabled={flushing} onClick={() => void flushPending()}>
            {flushing ? 'Writing…' : 'Write them now'}
          </button>
        </div>
      ) : null}
      {flushResult && flushResult.written.length > 0 ? (
        <p className="journal-problems__ok" role="status">
          Written: {flushResult.written.join(', ')}.
        </p>
      ) : null}
      {flushResult?.reason && problems.pending.length > 0 ? (
        <p className="muted" role="status">
          Still waiting: {flushResult.reason}
        </p>
      ) : null}
      {problems.problems.length > 0 ? (
        <details className="notice notice--quiet">
          <summary>
            {problems.problems.length === 1
              ? '1 file in the journal folder could not be read'
              : `${problems.problems.length} files in the journal folder could not be read`}{' '}
            — skipped, left as they are.
          </summary>
          <ul className="journal-problems__list">
            {problems.problems.map((problem) => (
              <li key={`${problem.fileName}-${problem.code}`}>
                <code>{problem.fileName}</code>: {problem.message}
              </li>
            ))}
          </ul>
          <p className="muted">Fix a file by hand and it is read again as soon as it changes.</p>
        </details>
      ) : null}
    </section>
  )
}
