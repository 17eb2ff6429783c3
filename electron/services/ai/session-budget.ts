// A session's spending limit: every request asks for room first (with an estimate of what it may
// cost) and records what it did cost. Stops cleanly between requests; never mid-answer.
import { GembaError } from '../../../shared/errors.ts'

function dollars(usd: number): string {
  return `$${usd < 0.1 ? usd.toFixed(3) : usd.toFixed(2)}`
}

export class SessionBudget {
  readonly limitUsd: number
  #spentUsd: number

  constructor(limitUsd: number, spentUsd = 0) {
    this.limitUsd = limitUsd
    this.#spentUsd = spentUsd
  }

  get spentUsd(): number {
    return this.#spentUsd
  }

  record(costUsd: number): void {
    this.#spentUsd += costUsd
  }

  /** Throws budget_exceeded when the next request (estimated at `estimateUsd`) would pass the limit. */
  ensureRoom(estimateUsd: number): void {
    if (this.#spentUsd + estimateUsd <= this.limitUsd) return
    const used = `This session has used ${dollars(this.#spentUsd)} of its ${dollars(this.limitUsd)} budget`
    throw new GembaError({
      code: 'budget_exceeded',
      message: estimateUsd > 0 && this.#spentUsd < this.limitUsd ? `${used}, and the next request could cost about ${dollars(estimateUsd)}.` : `${used}.`,
      next: 'Raise the per-session budget in Settings, or start a new session.',
      details: { spentUsd: this.#spentUsd, limitUsd: this.limitUsd, estimateUsd },
    })
  }
}
