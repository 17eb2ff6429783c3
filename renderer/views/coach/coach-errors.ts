// How the coach presents a failed call: whether retrying makes sense (and when), and
// whether the offline tour and diagram should be offered instead. Pure; the messages come from main.
import type { GembaErrorData } from '../../../shared/errors.ts'

export interface CoachErrorView {
  readonly retryable: boolean
  /** Seconds to wait before retrying (429's retry-after), or null. */
  readonly retryAfterSeconds: number | null
  /** No key, or no network: offer what works without Claude. */
  readonly offline: boolean
  readonly partialText: string
}

export function coachErrorView(error: GembaErrorData): CoachErrorView {
  const details = error.details ?? {}
  const wait = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : null
  return {
    retryable: details.retryable === true || error.code === 'cancelled' || error.code === 'timeout',
    retryAfterSeconds: wait,
    offline: error.code === 'no_api_key' || error.code === 'network' || details.offline === true,
    partialText: typeof details.partialText === 'string' ? details.partialText : '',
  }
}
