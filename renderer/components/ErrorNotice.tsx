// An error as a person should see it: the sentence, and the next step. Never a stack trace. A command
// or name the backend wrote between backticks (`git clone <path> <folder>`) is shown as code, not as
// backticks.
import type { ReactNode } from 'react'
import type { GembaErrorData } from '../../shared/errors.ts'

/** The text with each `…` span as code; an unpaired backtick stays as written. */
export function withInlineCode(text: string): ReactNode[] {
  return text.split(/(`[^`\n]+`)/).map((part, index) => (index % 2 === 1 ? <code key={index}>{part.slice(1, -1)}</code> : part))
}

export function ErrorNotice(props: { error: GembaErrorData; onRetry?: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__message">{withInlineCode(props.error.message)}</p>
      {props.error.next ? <p className="notice__next">{withInlineCode(props.error.next)}</p> : null}
      {props.onRetry ? (
        <button type="button" className="button button--quiet" onClick={props.onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  )
}
