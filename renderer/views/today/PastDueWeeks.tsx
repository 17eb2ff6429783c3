// Earlier weeks not done and not skipped: offered quietly, folded away, never a count of failures.
import type { TodayView } from '../../../shared/models/sessions.ts'
import { useStores } from '../../stores-context.tsx'

export function PastDueWeeks(props: { today: TodayView }) {
  const { useSessions } = useStores()
  const start = useSessions((state) => state.start)
  const skip = useSessions((state) => state.skipWeek)
  const busy = useSessions((state) => state.busy !== null)
  const weeks = props.today.pastDue.slice(0, 5)
  if (weeks.length === 0) return null
  return (
    <details className="card past-due">
      <summary>
        <h2>Earlier weeks you can still do</h2>
      </summary>
      <p className="muted">If one of these themes matters now, do it instead of waiting for it to come round again.</p>
      <ul className="past-due__list">
        {weeks.map((week) => (
          <li key={week.programmeWeek}>
            <div>
              <strong>
                Week {week.weekNumber}: {week.theme}
              </strong>
              {week.repo ? <span className="muted"> · {week.repo.name}</span> : null}
            </div>
            <div className="today-actions">
              <button
                type="button"
                className="button"
                disabled={busy || props.today.activeSession !== null}
                onClick={() => void start(week.programmeWeek)}
              >
                Do it now
              </button>
              <button type="button" className="button button--quiet" disabled={busy} onClick={() => void skip(week.programmeWeek)}>
                Mark as skipped
              </button>
            </div>
          </li>
        ))}
      </ul>
    </details>
  )
}
