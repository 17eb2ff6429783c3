// Errors as data at the process boundary: a stable code, a sentence for a person and, where there is
// one, the next step. Stack traces stay in the main process's log; they never reach the screen.

export type ErrorCode =
  | 'invalid_input'
  | 'unknown_channel'
  | 'not_found'
  | 'not_a_repository'
  | 'repository_broken'
  | 'dirty_working_tree'
  | 'conflict'
  | 'refused'
  | 'cancelled'
  | 'timeout'
  | 'no_api_key'
  | 'auth_failed'
  | 'rate_limited'
  | 'overloaded'
  | 'network'
  | 'budget_exceeded'
  | 'storage'
  | 'unavailable'
  | 'internal'

export interface GembaErrorData {
  readonly code: ErrorCode
  readonly message: string
  /** What the person can do about it, in one sentence. */
  readonly next?: string
  /** Machine-readable particulars (field issues, retry-after seconds…); never secrets. */
  readonly details?: Readonly<Record<string, unknown>>
}

/** Thrown inside the main process; crosses the boundary only as its `toData()`. */
export class GembaError extends Error {
  readonly code: ErrorCode
  readonly next: string | undefined
  readonly details: Readonly<Record<string, unknown>> | undefined

  constructor(data: GembaErrorData, options?: { cause?: unknown }) {
    super(data.message, options)
    this.name = 'GembaError'
    this.code = data.code
    this.next = data.next
    this.details = data.details
  }

  toData(): GembaErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.next === undefined ? {} : { next: this.next }),
      ...(this.details === undefined ? {} : { details: this.details }),
    }
  }
}
