// The way from an empty journal or insights screen to the hour that will fill it: to this week's hour
// while it is still to do (or to resume it), and only the date of the next one once it is done.
import { useEffect } from 'react'
import { nextStartText } from './slot-text.ts'
import { useStores } from '../../stores-context.tsx'

export function GoToThisWeek() {
  const { useNavigation, useSessions } = useStores()
  const go = useNavigation((state) => state.go)
  const today = useSessions((state) => state.today)
  const load = useSessions((state) => state.load)
  useEffect(() => {
    if (!today) void load()
  }, [today, load])
  if (today?.outcome === 'practised' && !today.activeSession) {
    return (
      <p className="muted" role="status">
        This week’s hour is done. The next one: {nextStartText(today.nextSlot, today.schedule.timeZone)}.
      </p>
    )
  }
  return (
    <button type="button" className="button button--primary" onClick={() => go('today')}>
      {today?.activeSession ? 'Resume this week’s hour' : 'Go to this week’s hour'}
    </button>
  )
}
