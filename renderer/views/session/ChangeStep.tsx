// Small change: the leader's estimate first (the calibration data, asked once), then the change itself
// (SmallChange: by the agent or by hand, reviewed, committed on a gemba/ branch, tested, explained; it
// saves those to the session itself), then the actual time measured by the step's timer (correctable).
import type { Session } from '../../../shared/models/sessions.ts'
import { wholeMinutes, type LiveTimer } from '../../stores/session-clock.ts'
import { SmallChange } from '../change/SmallChange.tsx'
import { EffortFields } from './EffortFields.tsx'
import { ChangeKeptNote } from './KeptNote.tsx'
import { WeekPrompts } from './WeekPrompts.tsx'

export function ChangeStep(props: { session: Session; live: LiveTimer }) {
  const { session } = props
  const estimate = session.steps.change.payload.estimateMinutes
  const measured = wholeMinutes(props.live.steps.change.elapsedMs)
  return (
    <div className="step-panel">
      <WeekPrompts session={session} step="change" title="Ideas for a small change" />
      <section className="card session-estimate" aria-labelledby="estimate-title">
        <h3 id="estimate-title">Before you start: how long will it take?</h3>
        <p className="muted">
          Write your guess down first. Comparing it with the measured time is how your sense of effort gets recalibrated.
          {estimate === null ? ' The change opens once it is written down.' : null}
        </p>
        <EffortFields session={session} measuredMinutes={measured} show="estimate" />
      </section>
      {estimate !== null ? (
        <>
          <SmallChange key={session.id} repoId={session.repo.id} sessionId={session.id} estimateMinutes={estimate} />
          <section className="card session-estimate" aria-labelledby="actual-title">
            <h3 id="actual-title">How long it really took</h3>
            <EffortFields session={session} measuredMinutes={measured} show="actual" />
            <ChangeKeptNote session={session} />
          </section>
        </>
      ) : null}
    </div>
  )
}
