// The one clear button of Today: start this week's hour (or an extra one), or resume the session
// already running. With several repositories it names the one the hour goes into, and lets the leader
// pick another.
import { useState } from 'react'
import type { TodayView } from '../../../shared/models/sessions.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { useStores } from '../../stores-context.tsx'
import { HourRepoPicker } from './HourRepoPicker.tsx'

export function StartButton(props: { today: TodayView; /** An extra hour in a week already practised. */ extra?: boolean }) {
  const { useSessions } = useStores()
  const start = useSessions((state) => state.start)
  const busy = useSessions((state) => state.busy === 'start')
  const error = useSessions((state) => state.actionError)
  const { today } = props
  const active = today.activeSession
  const suggested = (props.extra ? today.repoChoices[0]?.id : today.week.repo?.id) ?? null
  const [picked, setPicked] = useState<string | null>(null)
  const repoId = picked !== null && today.repoChoices.some((choice) => choice.id === picked) ? picked : suggested
  const label = active
    ? active.programmeWeek === today.week.programmeWeek
      ? 'Resume this week’s hour'
      : `Resume week ${active.weekNumber}: ${active.theme}`
    : props.extra
      ? 'Take an extra hour'
      : 'Start this week’s hour'
  return (
    <div className="start-button">
      {!active && repoId !== null && today.repoChoices.length > 1 ? (
        <HourRepoPicker
          choices={today.repoChoices}
          value={repoId}
          suggested={suggested}
          onChange={setPicked}
          label={props.extra ? 'An extra hour goes into' : 'This hour goes into'}
        />
      ) : null}
      <button
        type="button"
        className={`button ${props.extra ? '' : 'button--primary button--large'}`}
        disabled={busy}
        onClick={() => void (active ? start(active.programmeWeek) : start(undefined, repoId ?? undefined))}
      >
        {busy ? 'Opening…' : label}
      </button>
      {active?.paused ? <span className="muted">Paused — the timer waits for you.</span> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  )
}
