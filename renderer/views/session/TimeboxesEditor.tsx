// This session's timeboxes, editable without touching the defaults in Settings.
import { useState, type FormEvent } from 'react'
import { STEP_KEYS, type Session } from '../../../shared/models/sessions.ts'
import type { StepMinutes } from '../../../shared/models/settings.ts'
import { STEP_LABELS } from './step-labels.ts'
import { useStores } from '../../stores-context.tsx'

export function TimeboxesEditor(props: { session: Session }) {
  const { useSessionRunner } = useStores()
  const setTimeboxes = useSessionRunner((state) => state.setTimeboxes)
  const initial = Object.fromEntries(STEP_KEYS.map((step) => [step, String(props.session.steps[step].timeboxMinutes)])) as Record<
    keyof StepMinutes,
    string
  >
  const [draft, setDraft] = useState(initial)
  const valid = STEP_KEYS.every((step) => /^\d+$/.test(draft[step]) && Number(draft[step]) >= 1 && Number(draft[step]) <= 120)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (valid) void setTimeboxes(Object.fromEntries(STEP_KEYS.map((step) => [step, Number(draft[step])])) as StepMinutes)
  }
  return (
    <details className="timeboxes">
      <summary>Timeboxes</summary>
      <form className="timeboxes__form" onSubmit={submit} aria-label="This session’s timeboxes">
        {STEP_KEYS.map((step) => (
          <label key={step} className="timeboxes__field">
            <span>{STEP_LABELS[step]}</span>
            <input
              type="number"
              min={1}
              max={120}
              value={draft[step]}
              onChange={(event) => setDraft({ ...draft, [step]: event.target.value })}
            />
            <span className="muted">min</span>
          </label>
        ))}
        <button type="submit" className="button" disabled={!valid}>
          Save for this session
        </button>
        {!valid ? <p className="field__error">Each step takes 1 to 120 minutes.</p> : null}
      </form>
    </details>
  )
}
