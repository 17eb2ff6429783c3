// The way from an empty journal or insights screen to the hour that will fill it.
import { useNavigation } from '../../app-stores.ts'

export function GoToThisWeek() {
  const go = useNavigation((state) => state.go)
  return (
    <button type="button" className="button button--primary" onClick={() => go('today')}>
      Go to this week’s hour
    </button>
  )
}
