// A failed coach call: what happened, the next step, a retry when it makes sense (after the
// rate limit's countdown), and a pointer to the offline tour when Claude cannot be reached.
import { useState } from 'react'
import type { GembaErrorData } from '../../../shared/errors.ts'
import { withInlineCode } from '../../components/ErrorNotice.tsx'
import { coachErrorView } from './coach-errors.ts'
import { useCountdown } from './use-countdown.ts'

export function CoachError(props: { error: GembaErrorData; onRetry?: () => void; kept: boolean }) {
  const view = coachErrorView(props.error)
  const [until] = useState(() => (view.retryAfterSeconds ? Date.now() + view.retryAfterSeconds * 1000 : null))
  const left = useCountdown(until)
  const cancelled = props.error.code === 'cancelled'
  return (
    <div className={`notice ${cancelled ? 'notice--warning' : 'notice--error'} coach-error`} role={cancelled ? 'status' : 'alert'}>
      <p className="notice__message">
        <strong>{withInlineCode(props.error.message)}</strong>
      </p>
      {props.error.next ? <p className="notice__next">{withInlineCode(props.error.next)}</p> : null}
      {props.kept && !cancelled ? <p className="muted">The answer so far is kept above.</p> : null}
      {left > 0 ? (
        <p className="coach-error__countdown" aria-live="polite">
          You can retry in {left} second{left === 1 ? '' : 's'}.
        </p>
      ) : null}
      {props.onRetry && (view.retryable || props.error.code === 'overloaded') ? (
        <button type="button" className="button" onClick={props.onRetry} disabled={left > 0}>
          {cancelled ? 'Ask again' : 'Retry'}
        </button>
      ) : null}
    </div>
  )
}
