// The time each scan phase that walks the repository may take: reading files, parsing them, reading
// the history and the manifests. A phase past its budget stops where it is and the scan goes on with
// what it had by then; what stopped is recorded (the tour says it in one sentence). Budgets are checked
// by the phases' own loops between files or commits, so a phase stops within one step of its budget.
// The phases after them (modules, ranking) are pure computations over what these read, bounded by
// construction (a fixed number of PageRank iterations; property tests prove they end); the worker that
// runs a scan has a hard cap on top of it all (worker-lane.ts). Owns no scan logic.
import type { ScanShortfall } from '../../../../shared/models/repos.ts'

export type BudgetedPhase = ScanShortfall['phase']
export type PhaseBudgets = Readonly<Record<BudgetedPhase, number>>

/** Generous: a 100,000-file repository scans well inside them; they exist for what nobody foresaw. */
export const DEFAULT_PHASE_BUDGETS: PhaseBudgets = {
  files: 60_000,
  parse: 60_000,
  history: 30_000,
  manifests: 15_000,
}

/** A point in time a loop checks between steps. */
export interface Deadline {
  readonly passed: boolean
}

export const NEVER: Deadline = { passed: false }

/** A deadline `ms` from now (on this thread's clock). */
export function deadlineIn(ms: number): Deadline {
  if (!Number.isFinite(ms)) return NEVER
  const at = performance.now() + Math.max(0, ms)
  return {
    get passed() {
      return performance.now() >= at
    },
  }
}

/** The budgets of one scan and the phases that ran out of theirs. */
export class ScanBudget {
  readonly budgets: PhaseBudgets
  private readonly stopped: ScanShortfall[] = []

  constructor(budgets: Partial<PhaseBudgets> = {}) {
    this.budgets = { ...DEFAULT_PHASE_BUDGETS, ...budgets }
  }

  /** Starts a phase's clock. */
  start(phase: BudgetedPhase): Deadline {
    return deadlineIn(this.budgets[phase])
  }

  /** Records that a phase stopped at its budget, and how far it got. */
  stop(phase: BudgetedPhase, done = 0, total = 0): void {
    if (this.stopped.some((part) => part.phase === phase)) return
    this.stopped.push({ phase, budgetMs: this.budgets[phase], done, total })
  }

  get shortfalls(): readonly ScanShortfall[] {
    return this.stopped
  }
}

const LATE = Symbol('late')

/**
 * Runs asynchronous work against a deadline: its result, or `fallback()` once the budget is spent
 * (the work's own result is then dropped; it must be bounded, as it may still finish behind).
 */
export async function withinBudget<T>(
  ms: number,
  work: () => Promise<T>,
  fallback: () => Promise<T>,
): Promise<{ value: T; stopped: boolean }> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), Math.max(0, ms))))
  try {
    const running = work()
    running.catch(() => undefined)
    const first = await Promise.race([running, late])
    if (first !== LATE) return { value: first, stopped: false }
    return { value: await fallback(), stopped: true }
  } finally {
    clearTimeout(timer)
  }
}
