// The session's timers as they stand at an instant: the backend's timer snapshot plus the time the
// running step has run since it was taken. Pure (no bridge), so it is unit-tested with plain numbers.
import type { SessionTimer, StepKey, StepTimer } from '../../shared/models/sessions.ts'
import { STEP_KEYS } from '../../shared/models/curriculum.ts'

export interface LiveTimer {
  readonly steps: Readonly<Record<StepKey, StepTimer>>
  readonly hour: StepTimer
  readonly running: boolean
}

/** Timers at `nowMs`, computed from timestamps (never an incrementing counter, so it cannot drift). */
export function liveTimer(timer: SessionTimer, nowMs: number): LiveTimer {
  const running = !timer.paused && timer.runningSince !== null
  const extra = running ? Math.max(0, nowMs - Date.parse(timer.at)) : 0
  const grow = (base: StepTimer): StepTimer => {
    const elapsedMs = base.elapsedMs + extra
    return {
      elapsedMs,
      timeboxMs: base.timeboxMs,
      remainingMs: Math.max(0, base.timeboxMs - elapsedMs),
      overTime: elapsedMs > base.timeboxMs,
    }
  }
  const steps = Object.fromEntries(
    STEP_KEYS.map((step) => [step, step === timer.currentStep ? grow(timer.steps[step]) : timer.steps[step]]),
  ) as Record<StepKey, StepTimer>
  return { steps, hour: grow(timer.hour), running }
}

/** 0:00, 4:05, 12:30, 1:02:03 — minutes and seconds, hours only when needed. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/** Whole minutes for a measured time (rounded, never negative). */
export function wholeMinutes(ms: number): number {
  return Math.max(0, Math.round(ms / 60_000))
}
