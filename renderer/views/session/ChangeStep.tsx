// Small change, by hand: the leader's estimate first (calibration data), then what they changed,
// and the actual time measured by the step's timer (correctable).
import { useState } from 'react'
import type { Session } from '../../../shared/models/sessions.ts'
import { wholeMinutes, type LiveTimer } from '../../stores/session-clock.ts'
import { NotesField } from './NotesField.tsx'
import { EffortFields } from './EffortFields.tsx'
import { WeekPrompts } from './WeekPrompts.tsx'

export function ChangeStep(props: { session: Session; live: LiveTimer }) {
  const { session } = props
  const estimate = session.steps.change.payload.estimateMinutes
  const [withoutEstimate, setWithoutEstimate] = useState(false)
  const ready = estimate !== null || withoutEstimate
  return (
    <div className="step-panel">
      <WeekPrompts programmeWeek={session.programmeWeek} step="change" title="Ideas for a small change" />
      <section className="card session-estimate" aria-labelledby="estimate-title">
        <h3 id="estimate-title">Before you start: how long will it take?</h3>
        <p className="muted">Write your guess down first. Comparing it with the measured time is how your sense of effort gets recalibrated.</p>
        <EffortFields session={session} measuredMinutes={wholeMinutes(props.live.steps.change.elapsedMs)} showActual={ready} />
        {!ready ? (
          <button type="button" className="button button--quiet" onClick={() => setWithoutEstimate(true)}>
            Start without an estimate
          </button>
        ) : null}
      </section>
      {ready ? (
        <>
          <NotesField field="change.request" label="The change" hint="What you set out to change, in your words." rows={3} />
          <NotesField field="change.explanation" label="What you changed and what you noticed" hint="Files you touched, the test you ran, what slowed you down. Saved as you type." rows={6} />
        </>
      ) : null}
    </div>
  )
}
