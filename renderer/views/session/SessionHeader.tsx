// The session's title, the hour's timer, pause/resume, this session's timeboxes and save state.
import type { SessionView } from '../../../shared/models/sessions.ts'
import { formatClock, type LiveTimer } from '../../stores/session-clock.ts'
import { TimeboxesEditor } from './TimeboxesEditor.tsx'
import { useStores } from '../../stores-context.tsx'

const SAVE_TEXT = { idle: '', pending: 'Saving…', saving: 'Saving…', saved: 'All changes saved', error: 'Not saved yet' } as const

export function SessionHeader(props: { view: SessionView; live: LiveTimer }) {
  const { useSessionRunner } = useStores()
  const { session } = props.view
  const pause = useSessionRunner((state) => state.pause)
  const resume = useSessionRunner((state) => state.resume)
  const saveStatus = useSessionRunner((state) => state.saveStatus)
  const saveError = useSessionRunner((state) => state.saveError)
  const step = props.live.steps[session.currentStep]
  return (
    <header className="session-header">
      <div className="session-header__title">
        <p className="session-header__eyebrow">
          Week {session.weekNumber} · {session.repo.name}
          {session.repo.commit ? <span className="muted"> @ {session.repo.commit.slice(0, 8)}</span> : null}
        </p>
        <h1 id="page-title" tabIndex={-1}>
          {session.theme}
        </h1>
      </div>
      <div className="session-header__clock" aria-label="Timers">
        <div className={`clock ${step.overTime ? 'clock--over' : ''}`}>
          <span className="clock__label">This step</span>
          <span
            className="clock__value"
            role="timer"
            aria-label={`This step: ${formatClock(step.elapsedMs)} of ${Math.round(step.timeboxMs / 60_000)} minutes`}
          >
            {formatClock(step.elapsedMs)}
          </span>
          <span className="clock__of">of {Math.round(step.timeboxMs / 60_000)} min</span>
        </div>
        <div className="clock">
          <span className="clock__label">The hour</span>
          <span
            className="clock__value"
            role="timer"
            aria-label={`The hour: ${formatClock(props.live.hour.elapsedMs)} of ${Math.round(props.live.hour.timeboxMs / 60_000)} minutes`}
          >
            {formatClock(props.live.hour.elapsedMs)}
          </span>
          <span className="clock__of">of {Math.round(props.live.hour.timeboxMs / 60_000)} min</span>
        </div>
        {session.paused ? (
          <button type="button" className="button button--primary" onClick={() => void resume()}>
            Resume
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void pause()}>
            Pause
          </button>
        )}
      </div>
      <div className="session-header__meta">
        <TimeboxesEditor key={JSON.stringify(Object.values(session.steps).map((s) => s.timeboxMinutes))} session={session} />
        <span className={`save-status save-status--${saveStatus}`} role="status" aria-live="polite">
          {SAVE_TEXT[saveStatus]}
          {saveStatus === 'error' && saveError
            ? ` — ${saveError.message} Your text is kept here and saved when the connection is back.`
            : ''}
        </span>
      </div>
    </header>
  )
}
