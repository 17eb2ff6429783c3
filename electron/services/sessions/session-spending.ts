// A session's spending, kept once: the sessions service's port that the AI and change services use
// around every request to Claude (is there room for it? what did it cost?). Seeded from the saved
// session, so a restart keeps the count; added to where each call is made and saved with the session,
// so the page never relays usage. Work outside any session gets a record of its own for this run
// only. Stops cleanly between requests, never mid-answer.
import { GembaError } from '../../../shared/errors.ts'
import type { AiUsage } from '../../../shared/models/ai.ts'
import type { SessionUsage } from '../../../shared/models/sessions.ts'

export interface SpendingTotals {
  readonly spentUsd: number
  readonly limitUsd: number
}

/** One session's spending as a caller of Claude sees it. */
export interface Spending {
  /** Throws budget_exceeded when the next request, estimated at `estimateUsd`, would pass the limit. */
  ensureRoom(estimateUsd: number): Promise<void>
  /** Adds one request's usage and cost; answers the totals after it. Never throws: the answer is paid for. */
  record(usage: AiUsage, costUsd: number): Promise<SpendingTotals>
  totals(): Promise<SpendingTotals>
}

export interface SpendingOwner {
  /** The Gemba session whose budget the work spends, when there is one. */
  readonly sessionId: string | null
  /** Names the record of work outside any session (a thread, a draft), for this run only. */
  readonly key: string
}

/** The port the AI and change services are given at construction. */
export interface SpendingPort {
  open(owner: SpendingOwner): Spending
}

/** The sessions service's side: saved usage per session. */
export interface SessionUsageBook {
  /** The budget per session (Settings), read at every check so a raised limit applies at once. */
  limitUsd(): Promise<number>
  /** The saved usage of a session; null when there is no such session. */
  usageOf(sessionId: string): Promise<SessionUsage | null>
  /** Adds to a saved session's usage; false when there is no such session. */
  add(sessionId: string, usage: SessionUsage): Promise<boolean>
}

/** Records of work outside any session kept at once; the oldest are forgotten first. */
const MAX_UNSAVED = 500

export function sessionUsageOf(usage: AiUsage, costUsd: number): SessionUsage {
  return {
    inputTokens: usage.inputTokens,
    cachedInputTokens: usage.cacheReadTokens,
    cacheWriteTokens: usage.cacheWriteTokens,
    outputTokens: usage.outputTokens,
    costUsd: Math.max(0, costUsd),
  }
}

export class SessionSpending implements SpendingPort {
  readonly #book: SessionUsageBook
  readonly #unsaved = new Map<string, number>()

  constructor(book: SessionUsageBook) {
    this.#book = book
  }

  open(owner: SpendingOwner): Spending {
    return {
      totals: () => this.#totals(owner),
      ensureRoom: async (estimateUsd) => ensureRoom(await this.#totals(owner), estimateUsd),
      record: async (usage, costUsd) => {
        const added = sessionUsageOf(usage, costUsd)
        const saved = owner.sessionId !== null && (await this.#book.add(owner.sessionId, added).catch(() => false))
        if (!saved) this.#addUnsaved(unsavedKey(owner), added.costUsd)
        return this.#totals(owner)
      },
    }
  }

  async #totals(owner: SpendingOwner): Promise<SpendingTotals> {
    const limitUsd = await this.#book.limitUsd()
    const saved = owner.sessionId === null ? null : await this.#book.usageOf(owner.sessionId)
    // What could not be added to the saved session (no such session, a failed write) still counts.
    return { spentUsd: (saved?.costUsd ?? 0) + (this.#unsaved.get(unsavedKey(owner)) ?? 0), limitUsd }
  }

  #addUnsaved(key: string, costUsd: number): void {
    const spent = (this.#unsaved.get(key) ?? 0) + costUsd
    this.#unsaved.delete(key)
    this.#unsaved.set(key, spent)
    if (this.#unsaved.size > MAX_UNSAVED) this.#unsaved.delete(this.#unsaved.keys().next().value!)
  }
}

/** A session id the sessions service does not know (yet) still gets one record, shared by its callers. */
function unsavedKey(owner: SpendingOwner): string {
  return owner.sessionId ?? `unsaved:${owner.key}`
}

function dollars(usd: number): string {
  return `$${usd < 0.1 ? usd.toFixed(3) : usd.toFixed(2)}`
}

export function ensureRoom(totals: SpendingTotals, estimateUsd: number): void {
  const { spentUsd, limitUsd } = totals
  if (spentUsd + estimateUsd <= limitUsd) return
  const used = `This session has used ${dollars(spentUsd)} of its ${dollars(limitUsd)} budget`
  throw new GembaError({
    code: 'budget_exceeded',
    message:
      estimateUsd > 0 && spentUsd < limitUsd ? `${used}, and the next request could cost about ${dollars(estimateUsd)}.` : `${used}.`,
    next: 'Raise the per-session budget in Settings, or start a new session.',
    details: { spentUsd, limitUsd, estimateUsd },
  })
}
