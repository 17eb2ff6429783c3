// A free-text field saved as the leader types (debounced) and at once when it loses focus.
import { useId } from 'react'
import { type TextField } from '../../stores/session-runner-store.ts'
import { useStores } from '../../stores-context.tsx'

export function NotesField(props: { field: TextField; label: string; hint?: string; rows?: number; placeholder?: string }) {
  const { useSessionRunner } = useStores()
  const id = useId()
  const value = useSessionRunner((state) => state.drafts[props.field])
  const type = useSessionRunner((state) => state.type)
  const flush = useSessionRunner((state) => state.flush)
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 6}
        value={value}
        placeholder={props.placeholder}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => type(props.field, event.target.value)}
        onBlur={() => void flush(props.field)}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  )
}
