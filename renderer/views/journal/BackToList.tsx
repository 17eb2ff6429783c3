// The way back from a session, the summary or the roll-up to the journal's list (not printed).
import { useStores } from '../../stores-context.tsx'

export function BackToList() {
  const { useJournal } = useStores()
  const show = useJournal((state) => state.show)
  return (
    <button type="button" className="button button--quiet journal-back no-print" onClick={() => show('list')}>
      ← All sessions
    </button>
  )
}
