// Time accounting for a session, as pure functions over timestamps: each step keeps the intervals
// during which it was the current step and the session was running. Nothing here reads a clock;
// the caller passes `now`, so a fake clock tests every path.
import type { SessionTimer, Session, StepKey, StepTimer, TimeInterval } from '../../../shared/models/sessions.ts'
import { STEP_KEYS } from '../../../shared/models/sessions.ts'

const MINUTE = 60_000

export function intervalsElapsedMs(intervals: readonly TimeInterval[], now: Date): number {
  let total = 0
  for (const interval of intervals) {
    const start = Date.parse(interval.start)
    const end = interval.end === null ? now.getTime() : Date.parse(interval.end)
    total += Math.max(0, end - start)
  }
  return total
}

export function stepElapsedMs(session: Session, step: StepKey, now: Date): number {
  return intervalsElapsedMs(session.steps[step].intervals, now)
}

export function hourElapsedMs(session: Session, now: Date): number {
  return STEP_KEYS.reduce((sum, step) => sum + stepElapsedMs(session, step, now), 0)
}

/** The open interval, if the session is running. */
export function runningInterval(session: Session): { step: StepKey; interval: TimeInterval } | null {
  for (const step of STEP_KEYS) {
    const open = session.steps[step].intervals.find((interval) => interval.end === null)
    if (open) return { step, interval: open }
  }
  return null
}

export function sessionTimer(session: Session, now: Date): SessionTimer {
  const steps = Object.fromEntries(
    STEP_KEYS.map((step) => [step, timerOf(stepElapsedMs(session, step, now), session.steps[step].timeboxMinutes * MINUTE)]),
  ) as Record<StepKey, StepTimer>
  const budgetMs = STEP_KEYS.reduce((sum, step) => sum + session.steps[step].timeboxMinutes * MINUTE, 0)
  const running = runningInterval(session)
  return {
    at: now.toISOString(),
    currentStep: session.currentStep,
    paused: session.paused !== null,
    runningSince: running ? running.interval.start : null,
    steps,
    hour: timerOf(hourElapsedMs(session, now), budgetMs),
  }
}

function timerOf(elapsedMs: number, timeboxMs: number): StepTimer {
  return { elapsedMs, timeboxMs, remainingMs: Math.max(0, timeboxMs - elapsedMs), overTime: elapsedMs > timeboxMs }
}

// ---- Transitions: each returns a new session; the input is never mutated. -----------------

/** Closes the running interval (if any) at `at`, never before it began. */
export function stopClock(session: Session, at: Date): Session {
  const running = runningInterval(session)
  if (!running) return session
  const end = new Date(Math.max(at.getTime(), Date.parse(running.interval.start))).toISOString()
  return withIntervals(
    session,
    running.step,
    session.steps[running.step].intervals.map((interval) => (interval === running.interval ? { ...interval, end } : interval)),
  )
}

function startClock(session: Session, step: StepKey, now: Date): Session {
  return withIntervals(session, step, [...session.steps[step].intervals, { start: now.toISOString(), end: null }])
}

/** Moves to another step (free navigation): time from now on counts for that step. */
export function goToStep(session: Session, step: StepKey, now: Date): Session {
  const stopped = stopClock(session, now)
  const moved: Session = { ...stopped, currentStep: step }
  const started = session.paused === null && session.status === 'active' ? startClock(moved, step, now) : moved
  return markInProgress(started, step)
}

export function pause(session: Session, now: Date, reason: 'leader' | 'interrupted' = 'leader', at: Date = now): Session {
  if (session.paused !== null) return session
  return { ...stopClock(session, at), paused: { since: at.toISOString(), reason } }
}

export function resume(session: Session, now: Date): Session {
  if (session.paused === null || session.status !== 'active') return session
  return markInProgress(startClock({ ...session, paused: null }, session.currentStep, now), session.currentStep)
}

/**
 * A session found running when the app starts again (quit, crash, reboot): the time after it was
 * last seen is not counted, and it waits, paused, for the leader to resume.
 */
export function recoverInterrupted(session: Session, lastSeen: Date, now: Date): Session {
  if (session.status !== 'active' || !runningInterval(session)) return session
  return pause(session, now, 'interrupted', lastSeen)
}

function markInProgress(session: Session, step: StepKey): Session {
  if (session.steps[step].status !== 'not_started') return session
  return { ...session, steps: { ...session.steps, [step]: { ...session.steps[step], status: 'in_progress' } } }
}

function withIntervals(session: Session, step: StepKey, intervals: TimeInterval[]): Session {
  return { ...session, steps: { ...session.steps, [step]: { ...session.steps[step], intervals } } }
}
