// The in-app reminder, on every screen, when the weekly hour starts (a notification may come too).
import { useStores } from '../../stores-context.tsx'

export function ReminderBanner() {
  const { useSessions } = useStores()
  const reminder = useSessions((state) => state.reminder)
  const start = useSessions((state) => state.start)
  const dismiss = useSessions((state) => state.dismissReminder)
  if (!reminder) return null
  return (
    <div className="reminder-banner" role="status" aria-live="polite">
      <p>
        <strong>Your weekly hour starts now.</strong> Week {reminder.weekNumber}: {reminder.theme}.
      </p>
      <div className="reminder-banner__actions">
        <button type="button" className="button button--primary" onClick={() => void start()}>
          Start this week’s hour
        </button>
        <button type="button" className="button button--quiet" onClick={dismiss}>
          Not now
        </button>
      </div>
    </div>
  )
}
