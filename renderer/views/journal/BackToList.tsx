// The way back from a session, the summary or the roll-up to the journal's list (not printed).
import { useJournal } from '../../app-stores.ts'

export function BackToList() {
  const show = useJournal((state) => state.show)
  return (
    <button type="button" className="button button--quiet journal-back no-print" onClick={() => show('list')}>
      ← All sessions
    </button>
  )
}
