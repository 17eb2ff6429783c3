// The developer loop of one hour, measured from what the session kept as it happened: the change
// step's clock, each test run and setup step stamped when it was recorded, and each wait on the
// agent. Nothing is estimated: a figure with nothing behind it is left out, never written as 0.
// Pure; reads every outcome tolerantly (older runs say 'timed_out' or 'stopped', or only an exit code).
import { z } from 'zod'
import type { DeveloperLoop } from '../../../shared/models/journal.ts'
import type { Session, SetupHistoryEntry, TestHistoryEntry } from '../../../shared/models/sessions.ts'
import { stepElapsedMs } from './session-timer.ts'

export type LoopOutcome = 'passed' | 'failed' | 'could_not_run'

/** A kept run's outcome, whatever its age: the recorded outcome, else its exit code (none: it did not finish). */
export function loopOutcomeOf(run: { readonly outcome?: string | undefined; readonly exitCode: number | null }): LoopOutcome {
  if (run.outcome === 'passed' || run.outcome === 'failed' || run.outcome === 'could_not_run') return run.outcome
  if (run.outcome === 'timed_out' || run.outcome === 'stopped' || run.exitCode === null) return 'could_not_run'
  return run.exitCode === 0 ? 'passed' : 'failed'
}

/** Commands that build or type-check (generic across ecosystems), so their time is the build's. */
const BUILD_STEP =
  /(^|[\s/:])(build|compile|tsc|typecheck|type-check|check-types|mypy|pyright)(\s|$)|\bcargo (build|check)\b|\bgo (build|vet)\b|\bmvn\b.*\bcompile\b|\bgradlew?\b.*\b(assemble|build|compileJava)\b|\bdotnet build\b/

const minutes = (ms: number) => Math.round(ms / 6_000) / 10
const seconds = (ms: number) => Math.round(ms / 100) / 10

/** Hour time between two instants: the time any step's clock ran (pauses and time away left out, overlaps once). */
export function hourTimeBetween(session: Session, from: number, to: number, now: Date): number {
  const spans = Object.values(session.steps)
    .flatMap((step) => step.intervals)
    .map(
      (interval) =>
        [
          Math.max(from, Date.parse(interval.start)),
          Math.min(to, interval.end === null ? now.getTime() : Date.parse(interval.end)),
        ] as const,
    )
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
  let total = 0
  let reached = -Infinity
  for (const [start, end] of spans) {
    if (end <= reached) continue
    total += end - Math.max(start, reached)
    reached = end
  }
  return total
}

/**
 * The change service's own test record, when the session has one (`testLog`: every setup step and run
 * with its time, reruns and the flaky tests they found), read for the few fields the loop needs and
 * tolerantly: an unreadable one is ignored and the session's own history is read instead.
 */
const testLogShape = z.object({
  setup: z.array(
    z.object({
      at: z.string(),
      command: z.string(),
      exitCode: z.number().nullable(),
      durationMs: z.number(),
      outcome: z.string().optional(),
    }),
  ),
  runs: z.array(
    z.object({
      at: z.string(),
      command: z.string(),
      exitCode: z.number().nullable(),
      durationMs: z.number(),
      outcome: z.string().optional(),
      failed: z.array(z.string()).optional(),
      onChange: z.boolean().optional(),
      rerun: z.boolean().optional(),
    }),
  ),
  flaky: z.array(z.string()).optional(),
})

interface LoopRecords {
  readonly tests: readonly (TestHistoryEntry & { readonly rerun?: boolean | undefined })[]
  readonly setup: readonly SetupHistoryEntry[]
  /** Tests the change service marked flaky itself (a rerun of the failing tests passed them unchanged). */
  readonly flaky: readonly string[]
}

export function loopRecordsOf(payload: Session['steps']['change']['payload']): LoopRecords {
  const log = testLogShape.safeParse((payload as { readonly testLog?: unknown }).testLog)
  if (log.success) return { tests: log.data.runs, setup: log.data.setup, flaky: log.data.flaky ?? [] }
  return { tests: payload.testHistory ?? [], setup: payload.setupHistory ?? [], flaky: [] }
}

export function developerLoopOf(session: Session, now: Date): DeveloperLoop | null {
  const change = session.steps.change
  const records = loopRecordsOf(change.payload)
  const tests = records.tests
  const setup = records.setup
  const waits = change.payload.agentWaits ?? []
  const began = change.intervals[0] ? Date.parse(change.intervals[0].start) : null
  const ran = tests.filter((run) => loopOutcomeOf(run) !== 'could_not_run')
  const loop: { -readonly [K in keyof DeveloperLoop]: DeveloperLoop[K] } = {}

  const first = ran[0]
  if (began !== null && first)
    loop.firstTestRunMinutes = minutes(hourTimeBetween(session, began, Date.parse(first.at) - first.durationMs, now))
  const green = ran.find((run) => loopOutcomeOf(run) === 'passed')
  if (began !== null && green) loop.firstGreenMinutes = minutes(hourTimeBetween(session, began, Date.parse(green.at), now))
  if (ran.length > 0) loop.testRuns = ran.length
  if (tests.length > ran.length) loop.couldNotRun = tests.length - ran.length
  const suite = suiteRun(ran.filter((run) => run.rerun !== true))
  if (suite) loop.suiteSeconds = seconds(suite.durationMs)
  const build = setup.filter((step) => loopOutcomeOf(step) === 'passed' && BUILD_STEP.test(step.command)).at(-1)
  if (build) loop.buildSeconds = seconds(build.durationMs)
  if (setup.length > 0) loop.setup = setup.slice(-50).map(setupFact)
  const flaky = [...new Set([...records.flaky, ...flakyTests(ran)])]
  if (flaky.length > 0) loop.flaky = flaky
  if (waits.length > 0) {
    const waited = waits.reduce((sum, wait) => sum + hourTimeBetween(session, Date.parse(wait.start), Date.parse(wait.end), now), 0)
    const changeTime = stepElapsedMs(session, 'change', now)
    loop.agentWaitMinutes = minutes(waited)
    loop.leaderWorkMinutes = minutes(Math.max(0, changeTime - waited))
  }
  return Object.keys(loop).length > 0 ? loop : null
}

function setupFact(step: SetupHistoryEntry): { command: string; ok: boolean; seconds: number } {
  return { command: step.command, ok: loopOutcomeOf(step) === 'passed', seconds: seconds(step.durationMs) }
}

/** The latest run of the command run most often: a rerun of a few tests is not the suite. */
function suiteRun(ran: readonly TestHistoryEntry[]): TestHistoryEntry | undefined {
  const counts = new Map<string, number>()
  for (const run of ran) counts.set(run.command, (counts.get(run.command) ?? 0) + 1)
  const [command] =
    [...counts].sort((a, b) => b[1] - a[1] || ran.findIndex((r) => r.command === a[0]) - ran.findIndex((r) => r.command === b[0]))[0] ?? []
  return ran.filter((run) => run.command === command).at(-1)
}

/**
 * Tests that failed and then passed with nothing changed: a failing run and a later passing one on
 * the same commit, both on the change as committed (no tracked file edited between them).
 */
export function flakyTests(ran: readonly TestHistoryEntry[]): string[] {
  const flaky = new Set<string>()
  ran.forEach((run, index) => {
    if (loopOutcomeOf(run) !== 'failed' || !run.failed?.length || !run.commit || run.onChange !== true) return
    const rerun = ran.slice(index + 1).find((later) => later.commit === run.commit && later.onChange === true)
    if (rerun && loopOutcomeOf(rerun) === 'passed') for (const name of run.failed) flaky.add(name)
  })
  return [...flaky]
}
