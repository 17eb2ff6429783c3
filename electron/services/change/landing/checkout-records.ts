// What Gemba remembers about the branches it left in the leader's clones, in the settings file (so it
// survives a restart): per repository, the Gemba branch the last change landed on and the branch to go
// back to; and the branches deleted with their commit kept under refs/gemba/kept/ until the session's
// journal entry is written. Plain records; the landing does the git side.
import type { ChangePrefs } from '../change-ports.ts'

export interface CheckoutRecord {
  readonly branch: string
  readonly originalBranch: string
  readonly commit: string
  readonly sessionId: string | null
  readonly landedAt: string
}

export interface KeptRecord {
  readonly repoId: string
  readonly branch: string
  readonly commit: string
  readonly sessionId: string | null
  readonly keptAt: string
}

const CHECKOUTS_KEY = 'change.checkouts'
const KEPT_KEY = 'change.kept'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

export class CheckoutRecords {
  readonly #prefs: ChangePrefs

  constructor(prefs: ChangePrefs) {
    this.#prefs = prefs
  }

  checkouts(): Readonly<Record<string, CheckoutRecord>> {
    const value = this.#prefs.get(CHECKOUTS_KEY)
    return isObject(value) ? (value as Record<string, CheckoutRecord>) : {}
  }

  checkout(repoId: string): CheckoutRecord | null {
    return this.checkouts()[repoId] ?? null
  }

  setCheckout(repoId: string, record: CheckoutRecord | null): void {
    const { [repoId]: _previous, ...others } = this.checkouts()
    this.#prefs.set(CHECKOUTS_KEY, record ? { ...others, [repoId]: record } : others)
  }

  kept(): readonly KeptRecord[] {
    const value = this.#prefs.get(KEPT_KEY)
    return Array.isArray(value) ? (value as KeptRecord[]).filter(isObject) : []
  }

  keptFor(repoId: string, branch: string): KeptRecord | null {
    return this.kept().find((record) => record.repoId === repoId && record.branch === branch) ?? null
  }

  addKept(record: KeptRecord): void {
    this.#prefs.set(KEPT_KEY, [...this.kept().filter((other) => other.repoId !== record.repoId || other.branch !== record.branch), record])
  }

  removeKept(repoId: string, branch: string): void {
    this.#prefs.set(
      KEPT_KEY,
      this.kept().filter((record) => record.repoId !== repoId || record.branch !== branch),
    )
  }
}
