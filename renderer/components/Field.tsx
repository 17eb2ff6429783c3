// A labelled form field with its hint and error wired up for screen readers.
import { useId, type ReactElement, type ReactNode } from 'react'

export function Field(props: {
  label: string
  hint?: ReactNode
  error?: string | undefined
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactElement
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field ${props.error ? 'field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, describedBy, invalid: Boolean(props.error) })}
      {props.hint ? (
        <p id={hintId} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="field__error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  )
}
