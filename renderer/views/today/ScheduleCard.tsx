// When the hour is booked: the next start in the leader's zone, the calendar file, and reminders.
import type { TodayView } from '../../../shared/models/sessions.ts'
import { nextStartText, slotText } from './slot-text.ts'
import { useStores } from '../../stores-context.tsx'

export function ScheduleCard(props: { today: TodayView }) {
  const { useNavigation, useSessions } = useStores()
  const downloadCalendar = useSessions((state) => state.downloadCalendar)
  const calendarBusy = useSessions((state) => state.busy === 'calendar')
  const go = useNavigation((state) => state.go)
  const { schedule, nextSlot } = props.today
  return (
    <section className="card today-schedule" aria-labelledby="schedule-title">
      <h2 id="schedule-title">When</h2>
      <p>
        Next: <strong>{nextStartText(nextSlot, schedule.timeZone)}</strong>
      </p>
      <p className="muted">{slotText(schedule)}</p>
      <div className="today-actions">
        <button type="button" className="button" disabled={calendarBusy} onClick={() => void downloadCalendar()}>
          Add to calendar (.ics)
        </button>
        <button type="button" className="button button--quiet" onClick={() => go('settings')}>
          Change the slot
        </button>
      </div>
      <ReminderToggle />
    </section>
  )
}

function ReminderToggle() {
  const { useAppInfo, useSessions } = useStores()
  const desktop = useAppInfo((state) => state.info?.mode === 'desktop')
  const permission = useSessions((state) => state.notifications)
  const enable = useSessions((state) => state.enableNotifications)
  if (desktop)
    return <p className="muted today-reminder">Gemba reminds you from the desktop when your hour starts, and its tray menu can start it.</p>
  if (permission === 'granted')
    return <p className="today-reminder">Reminders on: a notification when your hour starts, while this page is open.</p>
  if (permission === 'denied')
    return <p className="muted today-reminder">Notifications are blocked for this page; Gemba shows a banner here when your hour starts.</p>
  if (permission === 'unsupported') return <p className="muted today-reminder">Gemba shows a banner here when your hour starts.</p>
  return (
    <div className="today-reminder">
      <button type="button" className="button" onClick={() => void enable()}>
        Remind me when my hour starts
      </button>
      <span className="muted">A browser notification, while this page is open.</span>
    </div>
  )
}
