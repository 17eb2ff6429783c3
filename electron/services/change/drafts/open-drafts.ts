// The changes in progress, held in memory with a lifecycle that frees them: a draft is open until
// another change starts in its session (the page shows one change per session), until it has sat
// idle for a day, until too many are open (the least recently used goes first), or until the service
// is disposed. A draft still working is never freed. A freed draft answers not_found, with the next
// step; the branch of an applied change stays in the repository either way.
import { GembaError } from '../../../../shared/errors.ts'
import type { ChangeDraft } from './change-draft.ts'

export const DRAFT_IDLE_MS = 24 * 60 * 60 * 1000
export const MAX_OPEN_DRAFTS = 20

export interface OpenDraftsOptions {
  readonly now: () => Date
  readonly idleMs?: number
  readonly maxOpen?: number
}

export class OpenDrafts {
  readonly #options: OpenDraftsOptions
  /** Least recently used first. */
  readonly #open = new Map<string, { readonly draft: ChangeDraft; usedAt: number }>()

  constructor(options: OpenDraftsOptions) {
    this.#options = options
  }

  get size(): number {
    return this.#open.size
  }

  /** Opens a new draft; the session's earlier one (and any stale one) is freed. */
  open(draft: ChangeDraft): void {
    for (const [id, entry] of this.#open) {
      if (draft.sessionId !== null && entry.draft.sessionId === draft.sessionId && !entry.draft.busy) this.#open.delete(id)
    }
    this.#open.set(draft.id, { draft, usedAt: this.#now() })
    this.#sweep()
  }

  get(id: string): ChangeDraft {
    this.#sweep()
    const entry = this.#open.get(id)
    if (!entry) {
      throw new GembaError({
        code: 'not_found',
        message: 'That change is no longer open (Gemba was restarted, or another change was started since).',
        next: 'Start the change again; the branch, if applied, is still in the repository.',
      })
    }
    this.#open.delete(id)
    entry.usedAt = this.#now()
    this.#open.set(id, entry)
    return entry.draft
  }

  /** Frees every draft (the service is going away). */
  clear(): void {
    this.#open.clear()
  }

  #sweep(): void {
    const idleSince = this.#now() - (this.#options.idleMs ?? DRAFT_IDLE_MS)
    for (const [id, entry] of this.#open) {
      if (entry.usedAt < idleSince && !entry.draft.busy) this.#open.delete(id)
    }
    const max = this.#options.maxOpen ?? MAX_OPEN_DRAFTS
    for (const [id, entry] of this.#open) {
      if (this.#open.size <= max) break
      if (!entry.draft.busy) this.#open.delete(id)
    }
  }

  #now(): number {
    return this.#options.now().getTime()
  }
}
