// The developer loop of one hour, measured from what the session kept as it happened: the change
// step's clock, the test record the change service keeps (every setup step and run with when it
// started, its outcome, reruns and the flaky tests they found) and each wait on the agent. Nothing is
// estimated: a figure with nothing behind it is left out, never written as 0. Pure; every outcome is
// read tolerantly (an older one says 'timed_out' or 'stopped', or there is only an exit code).
import type { TestLogRun, TestLogSetup } from '../../../shared/models/change.ts'
import type { DeveloperLoop } from '../../../shared/models/journal.ts'
import type { Session } from '../../../shared/models/sessions.ts'
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

export function developerLoopOf(session: Session, now: Date): DeveloperLoop | null {
  const change = session.steps.change
  const log = change.payload.testLog
  const runs: readonly TestLogRun[] = log?.runs ?? []
  const setup: readonly TestLogSetup[] = log?.setup ?? []
  const waits = change.payload.agentWaits ?? []
  const began = change.intervals[0] ? Date.parse(change.intervals[0].start) : null
  const ran = runs.filter((run) => loopOutcomeOf(run) !== 'could_not_run')
  const loop: { -readonly [K in keyof DeveloperLoop]: DeveloperLoop[K] } = {}

  // A run's `at` is when it started.
  const first = ran[0]
  if (began !== null && first) loop.firstTestRunMinutes = minutes(hourTimeBetween(session, began, Date.parse(first.at), now))
  const green = ran.find((run) => loopOutcomeOf(run) === 'passed')
  if (began !== null && green)
    loop.firstGreenMinutes = minutes(hourTimeBetween(session, began, Date.parse(green.at) + green.durationMs, now))
  if (ran.length > 0) loop.testRuns = ran.length
  if (runs.length > ran.length) loop.couldNotRun = runs.length - ran.length
  const suite = suiteRun(ran.filter((run) => !run.rerun))
  if (suite) loop.suiteSeconds = seconds(suite.durationMs)
  const build = setup.filter((step) => loopOutcomeOf(step) === 'passed' && BUILD_STEP.test(step.command)).at(-1)
  if (build) loop.buildSeconds = seconds(build.durationMs)
  if (setup.length > 0)
    loop.setup = setup
      .slice(-50)
      .map((step) => ({ command: step.command, ok: loopOutcomeOf(step) === 'passed', seconds: seconds(step.durationMs) }))
  if (log?.flaky.length) loop.flaky = [...log.flaky]
  if (waits.length > 0) {
    const waited = waits.reduce((sum, wait) => sum + hourTimeBetween(session, Date.parse(wait.start), Date.parse(wait.end), now), 0)
    loop.agentWaitMinutes = minutes(waited)
    loop.leaderWorkMinutes = minutes(Math.max(0, stepElapsedMs(session, 'change', now) - waited))
  }
  return Object.keys(loop).length > 0 ? loop : null
}

/** The latest whole run of the command run most often: a rerun of a few tests is not the suite. */
function suiteRun(ran: readonly TestLogRun[]): TestLogRun | undefined {
  const counts = new Map<string, number>()
  for (const run of ran) counts.set(run.command, (counts.get(run.command) ?? 0) + 1)
  const [command] =
    [...counts].sort((a, b) => b[1] - a[1] || ran.findIndex((r) => r.command === a[0]) - ran.findIndex((r) => r.command === b[0]))[0] ?? []
  return ran.filter((run) => run.command === command).at(-1)
}
