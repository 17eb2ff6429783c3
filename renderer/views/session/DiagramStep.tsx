// Diagram: the week's questions, the offline module diagram (kept with the session) and notes.
import { useEffect } from 'react'
import type { Session } from '../../../shared/models/sessions.ts'
import { useSessionRunner } from '../../stores/session-runner-store.ts'
import { NotesField } from './NotesField.tsx'
import { OfflineTour, useOfflineTour } from './OfflineTour.tsx'
import { WeekPrompts } from './WeekPrompts.tsx'

export function DiagramStep(props: { session: Session }) {
  const { session } = props
  const { tour } = useOfflineTour(session.repo.id)
  const updateStep = useSessionRunner((state) => state.updateStep)
  const kept = session.steps.diagram.payload.mermaid.trim() !== ''
  const mermaid = tour?.status === 'ready' ? tour.tour?.mermaid : undefined

  useEffect(() => {
    // The diagram is saved with the session (and so in the journal) the first time it is shown.
    if (!kept && mermaid) void updateStep('diagram', { mermaid, caption: 'Modules and their imports, computed from the repository.', source: 'offline' })
  }, [kept, mermaid, updateStep])

  return (
    <div className="step-panel">
      <WeekPrompts programmeWeek={session.programmeWeek} step="diagram" title="Questions for the diagram" />
      <OfflineTour repoId={session.repo.id} repoName={session.repo.name} show="diagram" />
      {kept ? <p className="muted">This diagram is kept with the session and goes into the journal.</p> : null}
      <NotesField field="diagram.notes" label="Your notes on the architecture" hint="What the picture tells you, what is missing from it, what you would draw differently." rows={5} />
    </div>
  )
}
