// The one clear button of Today: start this week's hour, or resume the session already running.
import type { TodayView } from '../../../shared/models/sessions.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { useStores } from '../../stores-context.tsx'

export function StartButton(props: { today: TodayView }) {
  const { useSessions } = useStores()
  const start = useSessions((state) => state.start)
  const busy = useSessions((state) => state.busy === 'start')
  const error = useSessions((state) => state.actionError)
  const active = props.today.activeSession
  const label = active
    ? active.programmeWeek === props.today.week.programmeWeek
      ? 'Resume this week’s hour'
      : `Resume week ${active.weekNumber}: ${active.theme}`
    : 'Start this week’s hour'
  return (
    <div className="start-button">
      <button
        type="button"
        className="button button--primary button--large"
        disabled={busy}
        onClick={() => void start(active?.programmeWeek)}
      >
        {busy ? 'Opening…' : label}
      </button>
      {active?.paused ? <span className="muted">Paused — the timer waits for you.</span> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  )
}
