// An error as a person should see it: the sentence, and the next step. Never a stack trace.
import type { GembaErrorData } from '../../shared/errors.ts'

export function ErrorNotice(props: { error: GembaErrorData; onRetry?: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__message">{props.error.message}</p>
      {props.error.next ? <p className="notice__next">{props.error.next}</p> : null}
      {props.onRetry ? (
        <button type="button" className="button button--quiet" onClick={props.onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  )
}
