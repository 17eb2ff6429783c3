// The coach's "what I already know" note, shown before it is sent: which past sessions it comes from,
// the note itself (redacted, exactly as sent), and the leader's choice of what the coach may remember
// (with or without their reflections, or nothing), which applies to the next conversation.
import { useStores } from '../../stores-context.tsx'
import { formatDay } from '../journal/journal-format.ts'
import { MemoryChoiceSelect } from './MemoryChoiceSelect.tsx'

export function MemoryNote(props: { panelKey: string }) {
  const { useCoach } = useStores()
  const panel = useCoach((state) => state.panels[props.panelKey])
  const setMemory = useCoach((state) => state.setMemory)
  const memory = panel?.thread?.memory ?? panel?.preview?.memory ?? null
  if (!panel || !memory) return null
  if (memory.choice !== 'off' && !memory.text) return null
  const choice = (
    <label className="coach-memory__choice">
      <span className="coach-sr-only">What the coach remembers</span>
      <MemoryChoiceSelect
        value={memory.choice}
        disabled={Boolean(panel.thread)}
        onChange={(value) => void setMemory(props.panelKey, value)}
      />
    </label>
  )
  if (memory.choice === 'off') {
    return (
      <section className="coach-memory" aria-label="What I already know">
        <div className="coach-memory__head">
          <p className="muted">The coach’s memory of your past sessions is off: nothing from your journal is sent.</p>
          {panel.thread ? null : choice}
        </div>
      </section>
    )
  }
  const sessions = `${memory.sessions} past session${memory.sessions === 1 ? '' : 's'}`
  return (
    <section className="coach-memory" aria-labelledby={`${props.panelKey}-memory`}>
      <div className="coach-memory__head">
        <h3 id={`${props.panelKey}-memory`}>What I already know</h3>
        {panel.thread ? null : choice}
      </div>
      <p className="muted">
        From your {sessions} in this repository{memory.lastVisit ? `, the last on ${formatDay(memory.lastVisit)}` : ''},{' '}
        {memory.choice === 'with_reflections' ? 'your reflections included' : 'your reflections left out'}. It is sent with your questions
        {memory.redactions ? `, ${memory.redactions} line${memory.redactions === 1 ? '' : 's'} redacted` : ''}
        {panel.thread ? '; to change it, start a new conversation.' : ', exactly as shown.'}
      </p>
      <pre className="coach-memory__text" tabIndex={0} aria-label="The note the coach is sent">
        {memory.text}
      </pre>
    </section>
  )
}
