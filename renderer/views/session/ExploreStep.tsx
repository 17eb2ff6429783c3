// Explore: which kind of codebase the week's text is for, the week's questions, the coach (a grounded
// walkthrough with Claude, each answer kept with the session as it arrives; or the offline tour when
// there is no key or network, labelled so), what the session keeps and the way to pick the other, and
// the leader's own notes.
import { useEffect } from 'react'
import type { Session } from '../../../shared/models/sessions.ts'
import { ExploreCoach } from '../coach/ExploreCoach.tsx'
import { useHasApiKey } from '../coach/NoKeyNotice.tsx'
import { kindSentence } from '../../../shared/curriculum/kind-sentence.ts'
import { curriculumWeek, ownCurriculumWeek } from './curriculum-week.ts'
import { KeptNote } from './KeptNote.tsx'
import { NotesField } from './NotesField.tsx'
import { OfflineDetails } from './OfflineDetails.tsx'
import { useOfflineTour } from './OfflineTour.tsx'
import { WeekPrompts } from './WeekPrompts.tsx'
import { useStores } from '../../stores-context.tsx'

export function ExploreStep(props: { session: Session }) {
  const { useSessionRunner } = useStores()
  const { session } = props
  const hasKey = useHasApiKey()
  const { tour } = useOfflineTour(session.repo.id)
  const keepOffline = useSessionRunner((state) => state.keepOffline)
  const offline = tour?.status === 'ready' ? tour.tour?.markdown : undefined
  const kept = session.steps.explore.payload.walkthrough.trim() !== ''

  useEffect(() => {
    if (!kept && offline) keepOffline('explore')
  }, [kept, offline, keepOffline])

  return (
    <div className="step-panel">
      {session.repoKind ? (
        <p className="muted week-kind">
          {kindSentence(ownCurriculumWeek(session.programmeWeek), curriculumWeek(session), session.repoKind)}
        </p>
      ) : null}
      {/* With a key the week's questions are the coach's buttons, so they are listed once, there. */}
      <WeekPrompts session={session} step="explore" title="Questions to explore" briefOnly={hasKey !== false} />
      <ExploreCoach
        key={session.id}
        repoId={session.repo.id}
        sessionId={session.id}
        prompts={curriculumWeek(session).steps.explore.prompts}
      />
      <KeptNote session={session} step="explore" hasKey={hasKey} offline={offline ?? null} />
      <OfflineDetails session={session} hasKey={hasKey} show="tour" />
      <NotesField
        field="explore.notes"
        label="Your notes"
        hint="Saved as you type, and kept in the journal under the walkthrough."
        rows={7}
      />
    </div>
  )
}
