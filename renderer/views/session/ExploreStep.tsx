// Explore: the week's questions, the repository's offline tour, and the leader's own notes.
import type { Session } from '../../../shared/models/sessions.ts'
import { NotesField } from './NotesField.tsx'
import { OfflineTour } from './OfflineTour.tsx'
import { WeekPrompts } from './WeekPrompts.tsx'

export function ExploreStep(props: { session: Session }) {
  const { session } = props
  return (
    <div className="step-panel">
      <WeekPrompts programmeWeek={session.programmeWeek} step="explore" title="Questions to explore" />
      <OfflineTour repoId={session.repo.id} repoName={session.repo.name} show="tour" />
      <NotesField field="explore.notes" label="Your notes" hint="Saved as you type. They go into the reflection’s first draft." rows={7} />
    </div>
  )
}
