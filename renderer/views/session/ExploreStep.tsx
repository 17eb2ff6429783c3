// Explore: the week's questions, the coach (a grounded walkthrough with Claude, or the offline tour
// when there is no key or network, labelled so), what the session keeps, and the leader's own notes.
import { useEffect } from 'react'
import type { Session } from '../../../shared/models/sessions.ts'
import { ExploreCoach, type ExploreTranscript } from '../coach/ExploreCoach.tsx'
import { useHasApiKey } from '../coach/NoKeyNotice.tsx'
import { curriculumWeek } from './curriculum-week.ts'
import { KeptNote } from './KeptNote.tsx'
import { NotesField } from './NotesField.tsx'
import { OfflineDetails } from './OfflineDetails.tsx'
import { useOfflineTour } from './OfflineTour.tsx'
import { WeekPrompts } from './WeekPrompts.tsx'
import { useSessionRunner } from '../../app-stores.ts'

export function ExploreStep(props: { session: Session }) {
  const { session } = props
  const hasKey = useHasApiKey()
  const { tour } = useOfflineTour(session.repo.id)
  const updateStep = useSessionRunner((state) => state.updateStep)
  const keepOffline = useSessionRunner((state) => state.keepOffline)
  const offline = tour?.status === 'ready' ? tour.tour?.markdown : undefined
  const kept = session.steps.explore.payload.walkthrough.trim() !== ''

  useEffect(() => {
    if (!kept && offline) keepOffline('explore', offline)
  }, [kept, offline, keepOffline])

  const keep = async (transcript: ExploreTranscript): Promise<void> => {
    const saved = await updateStep('explore', {
      walkthrough: transcript.walkthrough.slice(0, 400_000),
      citations: transcript.citations.slice(0, 500).map((citation) => ({ ...citation })),
      questionsAsked: transcript.questionsAsked.slice(-200).map((question) => question.slice(0, 4_000)),
      transcriptRef: transcript.transcriptRef,
      source: 'ai',
    })
    if (!saved) throw new Error('The walkthrough was not saved.')
  }

  return (
    <div className="step-panel">
      <WeekPrompts programmeWeek={session.programmeWeek} step="explore" title="Questions to explore" />
      <ExploreCoach key={session.id} repoId={session.repo.id} sessionId={session.id} prompts={curriculumWeek(session.programmeWeek).steps.explore.prompts} onSave={keep} />
      <KeptNote session={session} step="explore" hasKey={hasKey} />
      <OfflineDetails session={session} hasKey={hasKey} show="tour" />
      <NotesField field="explore.notes" label="Your notes" hint="Saved as you type. They go into the reflection’s first draft." rows={7} />
    </div>
  )
}
