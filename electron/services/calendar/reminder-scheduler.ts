// Fires once when the weekly hour starts, every week. Plain Node: the clock, the timer and what to
// do are injected, so a fake clock tests every path. It never shows anything itself.
import type { Schedule } from '../../../shared/models/settings.ts'
import { nextOccurrence, occurrenceInProgress } from './next-occurrence.ts'

/** setTimeout/clearTimeout, as a port (a fake in tests). */
export interface TimerPort {
  set(callback: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface ReminderSchedulerDeps {
  readonly clock: () => Date
  readonly timer: TimerPort
  /** The weekly slot as Settings has it now. */
  readonly schedule: () => Promise<Schedule>
  /** Called once per occurrence, at (or just after) its start. */
  readonly onStart: (startsAt: Date) => void
  /** Reports a failure to read the schedule; the scheduler tries again later. */
  readonly onError?: (error: unknown) => void
}

/**
 * Long waits are split so a changed system clock or a machine waking from sleep is noticed within
 * this long (and setTimeout's 24.8-day limit never matters).
 */
export const MAX_WAIT_MS = 15 * 60_000

/** Opening the app within this long after the start still announces it. */
export const START_GRACE_MS = 2 * 60_000

export class ReminderScheduler {
  readonly #deps: ReminderSchedulerDeps
  #handle: unknown = null
  #running = false
  /** The start (ms) of the last occurrence reminded of, so one occurrence never fires twice. */
  #lastFired: number | null = null
  #generation = 0

  constructor(deps: ReminderSchedulerDeps) {
    this.#deps = deps
  }

  /** Starts (or restarts) waiting for the next start. A slot already running when started is not announced. */
  async start(): Promise<void> {
    this.#running = true
    const schedule = await this.#read()
    if (schedule && this.#lastFired === null) {
      // Opening the app well into the hour is not the moment the hour starts.
      const now = this.#deps.clock()
      const running = occurrenceInProgress(schedule, now)
      if (running && now.getTime() - running.start.getTime() > START_GRACE_MS) this.#lastFired = running.start.getTime()
    }
    await this.#plan(schedule)
  }

  /** The schedule changed in Settings: wait for the new slot instead. */
  async reschedule(): Promise<void> {
    if (!this.#running) return
    await this.#plan(await this.#read())
  }

  stop(): void {
    this.#running = false
    this.#generation += 1
    this.#cancel()
  }

  get running(): boolean {
    return this.#running
  }

  async #read(): Promise<Schedule | null> {
    try {
      return await this.#deps.schedule()
    } catch (error) {
      this.#deps.onError?.(error)
      return null
    }
  }

  async #plan(schedule: Schedule | null): Promise<void> {
    this.#cancel()
    if (!this.#running) return
    const generation = ++this.#generation
    const now = this.#deps.clock()
    if (!schedule) {
      this.#wait(MAX_WAIT_MS, generation)
      return
    }
    const running = occurrenceInProgress(schedule, now)
    if (running && running.start.getTime() !== this.#lastFired) {
      // Woken late (sleep, a slow timer) but the hour is still on: remind now, once.
      this.#lastFired = running.start.getTime()
      this.#deps.onStart(running.start)
    }
    let next = nextOccurrence(schedule, now)
    if (next.getTime() === this.#lastFired) next = nextOccurrence(schedule, new Date(next.getTime() + 1))
    this.#wait(Math.min(MAX_WAIT_MS, Math.max(0, next.getTime() - now.getTime())), generation)
  }

  #wait(ms: number, generation: number): void {
    this.#handle = this.#deps.timer.set(() => {
      this.#handle = null
      if (generation !== this.#generation || !this.#running) return
      void this.#read().then((schedule) => (generation === this.#generation ? this.#plan(schedule) : undefined))
    }, ms)
  }

  #cancel(): void {
    if (this.#handle !== null) this.#deps.timer.clear(this.#handle)
    this.#handle = null
  }
}
