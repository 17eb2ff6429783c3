// "Weeks practised out of the last 12", week by week, with a skip and a pause for travel: an
// honest count, never a streak that breaks.
import { useState } from 'react'
import type { TodayView, WeekRecord } from '../../../shared/models/sessions.ts'
import { useStores } from '../../stores-context.tsx'

const OUTCOME_LABEL: Readonly<Record<WeekRecord['outcome'], string>> = {
  practised: 'practised',
  skipped: 'skipped',
  missed: 'not done',
  pending: 'this week',
}

export function ConsistencyCard(props: { today: TodayView }) {
  const { useSessions } = useStores()
  const { consistency, programme, outcome } = props.today
  const skip = useSessions((state) => state.skipWeek)
  const pause = useSessions((state) => state.pauseProgramme)
  const busy = useSessions((state) => state.busy === 'skip' || state.busy === 'pause')
  const [weeks, setWeeks] = useState('1')
  const canSkip = !programme.paused && outcome !== 'practised' && outcome !== 'skipped' && !props.today.activeSession
  return (
    <section className="card consistency" aria-labelledby="consistency-title">
      <h2 id="consistency-title">Consistency</h2>
      <p className="consistency__summary">{consistency.summary}</p>
      {consistency.weeks.length > 0 ? (
        <ol className="consistency__weeks" aria-label="The last 12 weeks, oldest first">
          {[...consistency.weeks].reverse().map((week) => (
            <li
              key={week.programmeWeek}
              className={`week-dot week-dot--${week.outcome}`}
              title={`Week of ${week.weekOf}: ${week.theme} — ${OUTCOME_LABEL[week.outcome]}`}
            >
              <span className="visually-hidden">
                Week of {week.weekOf}, {week.theme}: {OUTCOME_LABEL[week.outcome]}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {consistency.weeks.length > 0 ? (
        <ul className="consistency__legend" aria-hidden="true">
          <li>
            <span className="week-dot week-dot--practised" /> practised
          </li>
          <li>
            <span className="week-dot week-dot--skipped" /> skipped
          </li>
          <li>
            <span className="week-dot week-dot--missed" /> not done
          </li>
          <li>
            <span className="week-dot week-dot--pending" /> this week
          </li>
        </ul>
      ) : null}
      <p className="muted">A week counts when you do its steps here. Skipped and paused weeks never count against you.</p>
      {!programme.paused ? (
        <div className="today-actions consistency__actions">
          {canSkip ? (
            <button type="button" className="button" disabled={busy} onClick={() => void skip()}>
              Skip this week
            </button>
          ) : null}
          <label className="consistency__pause">
            <span>Away?</span>
            <select aria-label="How long to pause" value={weeks} onChange={(event) => setWeeks(event.target.value)}>
              <option value="1">1 week</option>
              <option value="2">2 weeks</option>
              <option value="3">3 weeks</option>
              <option value="4">4 weeks</option>
              <option value="open">until I resume</option>
            </select>
          </label>
          <button type="button" className="button" disabled={busy} onClick={() => void pause(weeks === 'open' ? null : Number(weeks))}>
            Pause the programme
          </button>
        </div>
      ) : null}
    </section>
  )
}
