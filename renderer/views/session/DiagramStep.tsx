// Diagram: the week's questions, the coach's architecture diagram (validated here, then kept by the
// session as Mermaid and SVG as soon as it is drawn; the newest replaces the last unless the leader
// picked one), or the offline module diagram when there is no key or network (kept until Claude draws
// one); and notes.
import { useEffect } from 'react'
import type { Session } from '../../../shared/models/sessions.ts'
import { DiagramCoach, type DiagramKeeping } from '../coach/DiagramCoach.tsx'
import { useHasApiKey } from '../coach/NoKeyNotice.tsx'
import { KeptNote } from './KeptNote.tsx'
import { NotesField } from './NotesField.tsx'
import { OfflineDetails } from './OfflineDetails.tsx'
import { useOfflineTour } from './OfflineTour.tsx'
import { WeekPrompts } from './WeekPrompts.tsx'
import { useStores } from '../../stores-context.tsx'

export function DiagramStep(props: { session: Session }) {
  const { useSessionRunner } = useStores()
  const { session } = props
  const hasKey = useHasApiKey()
  const { tour } = useOfflineTour(session.repo.id)
  const keepDrawing = useSessionRunner((state) => state.keepDrawing)
  const keepOffline = useSessionRunner((state) => state.keepOffline)
  const payload = session.steps.diagram.payload
  const kept = payload.mermaid.trim() !== ''
  const mermaid = tour?.status === 'ready' ? tour.tour?.mermaid : undefined

  useEffect(() => {
    if (!kept && mermaid) keepOffline('diagram')
  }, [kept, mermaid, keepOffline])

  const keeping: DiagramKeeping = {
    auto: payload.choice !== 'leader',
    kept: { source: payload.mermaid, leaderPick: payload.choice === 'leader' },
    // The session keeps Claude's drawing (source and caption from Claude's answer) with the SVG drawn here.
    keep: async (diagram, choice) => {
      const { threadId, mermaid: source, svg } = diagram
      const saved = threadId !== null && (await keepDrawing({ threadId, mermaid: source, svg }, choice))
      if (!saved) throw new Error('The diagram was not kept.')
    },
  }

  return (
    <div className="step-panel">
      <WeekPrompts session={session} step="diagram" title="Questions for the diagram" />
      <DiagramCoach key={session.id} repoId={session.repo.id} sessionId={session.id} keeping={keeping} />
      <KeptNote session={session} step="diagram" hasKey={hasKey} offline={mermaid ?? null} />
      <OfflineDetails session={session} hasKey={hasKey} show="diagram" />
      <NotesField
        field="diagram.notes"
        label="Your notes on the architecture"
        hint="Saved as you type, and kept in the journal under the diagram."
        rows={5}
      />
    </div>
  )
}
