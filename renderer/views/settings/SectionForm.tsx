// One settings section: its fields, a Save button, and its own saved / error state.
import type { FormEvent, ReactNode } from 'react'
import type { GembaErrorData } from '../../../shared/errors.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'

export function SectionForm(props: {
  title: string
  description?: ReactNode
  saving: boolean
  saved: boolean | undefined
  /** What the status says once saved (default "Saved"). */
  savedLabel?: string
  error: GembaErrorData | undefined
  onSubmit: () => void
  submitLabel?: string
  children: ReactNode
  extraActions?: ReactNode
}) {
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    props.onSubmit()
  }
  const headingId = `section-${props.title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <form className="card settings-section" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h2 id={headingId}>{props.title}</h2>
      {props.description ? <div className="settings-section__description">{props.description}</div> : null}
      <div className="settings-section__fields">{props.children}</div>
      {props.error ? <ErrorNotice error={props.error} /> : null}
      <div className="settings-section__actions">
        <button type="submit" className="button button--primary" disabled={props.saving}>
          {props.saving ? 'Saving…' : (props.submitLabel ?? 'Save')}
        </button>
        {props.extraActions}
        <span className="settings-section__status" role="status" aria-live="polite">
          {props.saved && !props.saving && !props.error ? (props.savedLabel ?? 'Saved') : ''}
        </span>
      </div>
    </form>
  )
}
