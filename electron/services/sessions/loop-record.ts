// What the session keeps of the developer loop as it happens: each test run and setup step the change
// service records, and each wait on the agent, stamped with the session's clock when it is kept, so
// the journal can say how long the first real test run took to come, never from memory. Pure and
// bounded (the newest MAX_LOOP_RECORDS of each); the sessions service saves the result.
import { MAX_LOOP_RECORDS, type ChangePayload, type SetupHistoryEntry, type TestHistoryEntry } from '../../../shared/models/sessions.ts'

/** One setup step as the change service ran it (its SetupStepRun). */
export interface SetupStepRecord {
  readonly command: string
  readonly exitCode: number | null
  readonly durationMs: number
  readonly outcome: string
}

/** The loop facts the change service records; the sessions service stamps and appends them. */
export type LoopRecord = {
  /** Setup steps that just ran, in order. */
  readonly setupSteps?: readonly SetupStepRecord[]
  /** A wait on the agent that just ended. */
  readonly agentWait?: { readonly start: string; readonly end: string }
}

const bounded = <T>(list: readonly T[]): T[] => list.slice(-MAX_LOOP_RECORDS)

/** The change payload with a just-recorded test run, setup steps and agent wait appended to its history. */
export function withLoopFacts(
  payload: ChangePayload,
  facts: { readonly testRun?: ChangePayload['testRun'] | undefined } & LoopRecord,
  now: Date,
): Pick<ChangePayload, 'testHistory' | 'setupHistory' | 'agentWaits'> {
  const at = now.toISOString()
  const next: Pick<ChangePayload, 'testHistory' | 'setupHistory' | 'agentWaits'> = {}
  const run = facts.testRun
  if (run) {
    // The outcome is kept once the change service records it (older runs are read from the exit code).
    const outcome = 'outcome' in run && typeof run.outcome === 'string' ? run.outcome : undefined
    const entry: TestHistoryEntry = {
      at,
      command: run.command,
      exitCode: run.exitCode,
      durationMs: run.durationMs,
      ...(outcome !== undefined ? { outcome } : {}),
      ...(run.commit !== undefined ? { commit: run.commit } : {}),
      ...(run.onChange !== undefined ? { onChange: run.onChange } : {}),
      ...(run.failed?.length ? { failed: [...run.failed] } : {}),
    }
    next.testHistory = bounded([...(payload.testHistory ?? []), entry])
  }
  if (facts.setupSteps?.length) {
    const steps: SetupHistoryEntry[] = facts.setupSteps.map((step) => ({
      at,
      command: step.command.slice(0, 2_000),
      exitCode: step.exitCode,
      durationMs: Math.max(0, step.durationMs),
      outcome: step.outcome.slice(0, 40),
    }))
    next.setupHistory = bounded([...(payload.setupHistory ?? []), ...steps])
  }
  if (facts.agentWait && facts.agentWait.end >= facts.agentWait.start) {
    next.agentWaits = bounded([...(payload.agentWaits ?? []), { start: facts.agentWait.start, end: facts.agentWait.end }])
  }
  return next
}
