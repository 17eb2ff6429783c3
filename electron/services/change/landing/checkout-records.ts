// What Gemba remembers about the branches it left in the leader's clones, in the settings file (so it
// survives a restart): per repository, the Gemba branch the last change landed on and the branch to go
// back to; and the branches deleted with their commit kept under refs/gemba/kept/ until the session's
// journal entry is written. Plain records; the landing does the git side.
import type { ChangePrefs, CheckoutRecord, KeptRecord } from '../change-prefs.ts'

export class CheckoutRecords {
  readonly #prefs: ChangePrefs

  constructor(prefs: ChangePrefs) {
    this.#prefs = prefs
  }

  checkouts(): Readonly<Record<string, CheckoutRecord>> {
    return this.#prefs.get('change.checkouts') ?? {}
  }

  checkout(repoId: string): CheckoutRecord | null {
    return this.checkouts()[repoId] ?? null
  }

  setCheckout(repoId: string, record: CheckoutRecord | null): void {
    const { [repoId]: _previous, ...others } = this.checkouts()
    this.#prefs.set('change.checkouts', record ? { ...others, [repoId]: record } : others)
  }

  kept(): readonly KeptRecord[] {
    return this.#prefs.get('change.kept') ?? []
  }

  keptFor(repoId: string, branch: string): KeptRecord | null {
    return this.kept().find((record) => record.repoId === repoId && record.branch === branch) ?? null
  }

  addKept(record: KeptRecord): void {
    this.#prefs.set('change.kept', [
      ...this.kept().filter((other) => other.repoId !== record.repoId || other.branch !== record.branch),
      record,
    ])
  }

  removeKept(repoId: string, branch: string): void {
    this.#prefs.set(
      'change.kept',
      this.kept().filter((record) => record.repoId !== repoId || record.branch !== branch),
    )
  }
}
