// A labelled number input: empty while the value is not a number, so a half-typed value can be fixed.
import type { ReactNode } from 'react'
import { Field } from './Field.tsx'

export function NumberField(props: {
  label: string
  value: number
  onChange: (value: number) => void
  min: number
  max: number
  step?: number
  hint?: ReactNode
  error?: string | undefined
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="number"
          min={props.min}
          max={props.max}
          step={props.step ?? 1}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={Number.isFinite(props.value) ? props.value : ''}
          onChange={(event) => props.onChange(event.target.valueAsNumber)}
        />
      )}
    </Field>
  )
}
