// The four steps, always free to visit in any order, each with its time against its timebox.
import { useRef, type KeyboardEvent } from 'react'
import { STEP_KEYS, type Session, type StepKey } from '../../../shared/models/sessions.ts'
import { formatClock, type LiveTimer } from '../../stores/session-clock.ts'
import { STEP_LABELS } from './step-labels.ts'
import { useStores } from '../../stores-context.tsx'

export function Stepper(props: { session: Session; live: LiveTimer }) {
  const { useSessionRunner } = useStores()
  const goToStep = useSessionRunner((state) => state.goToStep)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const onKey = (event: KeyboardEvent, index: number): void => {
    // Arrow keys move between the steps, as in a tab list; Enter or Space opens one.
    const delta =
      event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0
    if (delta === 0) return
    event.preventDefault()
    buttons.current[(index + delta + STEP_KEYS.length) % STEP_KEYS.length]?.focus()
  }
  return (
    <nav aria-label="Steps of the hour">
      <ol className="stepper">
        {STEP_KEYS.map((step: StepKey, index) => {
          const state = props.session.steps[step]
          const timer = props.live.steps[step]
          const current = props.session.currentStep === step
          return (
            <li key={step}>
              <button
                ref={(element) => {
                  buttons.current[index] = element
                }}
                type="button"
                className={`stepper__step stepper__step--${state.status} ${current ? 'stepper__step--current' : ''}`}
                aria-current={current ? 'step' : undefined}
                onClick={() => (current ? undefined : void goToStep(step))}
                onKeyDown={(event) => onKey(event, index)}
              >
                <span className="stepper__mark" aria-hidden="true">
                  {state.status === 'done' ? '✓' : index + 1}
                </span>
                <span className="stepper__text">
                  <span className="stepper__name">{STEP_LABELS[step]}</span>
                  <span className={`stepper__time ${timer.overTime ? 'stepper__time--over' : ''}`}>
                    {formatClock(timer.elapsedMs)} / {Math.round(timer.timeboxMs / 60_000)} min
                    <span className="visually-hidden">
                      {state.status === 'done' ? ', done' : state.status === 'in_progress' ? ', in progress' : ', not started'}
                    </span>
                  </span>
                </span>
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
