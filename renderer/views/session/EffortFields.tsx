// Effort: the estimate written before starting, and the actual time — measured by the change
// step's timer unless the leader corrects it. Saved when a field is left or Enter is pressed. The
// change step shows them apart (the estimate before the change, the actual after); Reflect, both.
// The Save button is always in sight: it says "Saved" once what is typed is what is kept.
import { useState, type FormEvent } from 'react'
import type { Session } from '../../../shared/models/sessions.ts'
import { useStores } from '../../stores-context.tsx'

function parseMinutes(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null
  const value = Number(text)
  return Number.isFinite(value) && value >= 0 && value <= 1440 ? Math.round(value) : 'invalid'
}

export function EffortFields(props: { session: Session; measuredMinutes: number; show: 'estimate' | 'actual' | 'both' }) {
  const { useSessionRunner } = useStores()
  const payload = props.session.steps.change.payload
  const updateStep = useSessionRunner((state) => state.updateStep)
  const [estimate, setEstimate] = useState(payload.estimateMinutes === null ? '' : String(payload.estimateMinutes))
  const [actual, setActual] = useState(payload.actualMinutes === null ? '' : String(payload.actualMinutes))
  const estimateValue = parseMinutes(estimate)
  const actualValue = parseMinutes(actual)
  const unchanged =
    (props.show === 'actual' || estimateValue === payload.estimateMinutes) &&
    (props.show === 'estimate' || actualValue === payload.actualMinutes)

  const saveEstimate = (): void => {
    if (estimateValue !== 'invalid' && estimateValue !== payload.estimateMinutes)
      void updateStep('change', { estimateMinutes: estimateValue })
  }
  const saveActual = (): void => {
    if (actualValue !== 'invalid' && actualValue !== payload.actualMinutes) void updateStep('change', { actualMinutes: actualValue })
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    saveEstimate()
    saveActual()
  }
  return (
    <form
      className="effort"
      onSubmit={submit}
      aria-label={props.show === 'estimate' ? 'Estimate' : props.show === 'actual' ? 'Actual time' : 'Effort'}
    >
      {props.show !== 'actual' ? (
        <div className="field effort__field">
          <label htmlFor="effort-estimate">Your estimate (minutes)</label>
          <input
            id="effort-estimate"
            inputMode="numeric"
            value={estimate}
            onChange={(event) => setEstimate(event.target.value)}
            onBlur={saveEstimate}
            aria-invalid={estimateValue === 'invalid'}
          />
          {estimateValue === 'invalid' ? <p className="field__error">A number of minutes, 0 to 1440.</p> : null}
        </div>
      ) : null}
      {props.show !== 'estimate' ? (
        <div className="field effort__field">
          <label htmlFor="effort-actual">Actual (minutes)</label>
          <input
            id="effort-actual"
            inputMode="numeric"
            value={actual}
            placeholder={String(props.measuredMinutes)}
            onChange={(event) => setActual(event.target.value)}
            onBlur={saveActual}
            aria-describedby="effort-actual-hint"
            aria-invalid={actualValue === 'invalid'}
          />
          <p id="effort-actual-hint" className="field__hint">
            {payload.actualMinutes === null
              ? `Measured by the timer: ${props.measuredMinutes} min. Type a number to correct it.`
              : `You corrected it; the timer says ${props.measuredMinutes} min. Clear it to use the timer.`}
          </p>
        </div>
      ) : null}
      <button
        type="submit"
        className="button effort__save"
        disabled={unchanged || estimateValue === 'invalid' || actualValue === 'invalid'}
      >
        {unchanged && (payload.estimateMinutes !== null || payload.actualMinutes !== null)
          ? 'Saved'
          : props.show === 'estimate'
            ? 'Save estimate'
            : props.show === 'actual'
              ? 'Save actual time'
              : 'Save'}
      </button>
    </form>
  )
}
