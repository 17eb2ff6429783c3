// How the coach presents a failed call: a short title, whether retrying makes sense (and when), and
// whether the offline tour and diagram should be offered instead. Pure; the messages come from main.
import type { GembaErrorData } from '../../../shared/errors.ts'

export interface CoachErrorView {
  readonly title: string
  readonly retryable: boolean
  /** Seconds to wait before retrying (429's retry-after), or null. */
  readonly retryAfterSeconds: number | null
  /** No key, or no network: offer what works without Claude. */
  readonly offline: boolean
  readonly partialText: string
}

const TITLES: Partial<Record<GembaErrorData['code'], string>> = {
  no_api_key: 'No API key yet',
  auth_failed: 'The API key was not accepted',
  not_found: 'That model is not available',
  rate_limited: 'Rate limited',
  overloaded: 'Claude is overloaded',
  unavailable: 'Anthropic had a problem',
  network: 'No connection',
  timeout: 'Timed out',
  cancelled: 'Stopped',
  budget_exceeded: 'Session budget reached',
  invalid_input: 'The request was refused',
}

export function coachErrorView(error: GembaErrorData): CoachErrorView {
  const details = error.details ?? {}
  const wait = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : null
  return {
    title: TITLES[error.code] ?? 'Something went wrong',
    retryable: details.retryable === true || error.code === 'cancelled' || error.code === 'timeout',
    retryAfterSeconds: wait,
    offline: error.code === 'no_api_key' || error.code === 'network' || details.offline === true,
    partialText: typeof details.partialText === 'string' ? details.partialText : '',
  }
}
