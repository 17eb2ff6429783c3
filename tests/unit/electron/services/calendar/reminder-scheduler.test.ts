import { describe, expect, it } from 'vitest'
import { MAX_WAIT_MS, ReminderScheduler, type TimerPort } from '../../../../../electron/services/calendar/reminder-scheduler.ts'
import type { Schedule } from '../../../../../shared/models/settings.ts'

// Friday 14:00 in London; 2026-01-09 is a Friday (GMT, so 14:00 UTC).
const friday: Schedule = { day: 'friday', start: '14:00', minutes: 60, timeZone: 'Europe/London' }

/** A fake clock and timer: advancing the clock runs every timer that came due, in order. */
function fakeTime(start: string) {
  let now = Date.parse(start)
  let nextId = 1
  const timers = new Map<number, { at: number; callback: () => void }>()
  const timer: TimerPort = {
    set(callback, ms) {
      const id = nextId++
      timers.set(id, { at: now + ms, callback })
      return id
    },
    clear(handle) {
      timers.delete(handle as number)
    },
  }
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve()
  }
  return {
    timer,
    clock: () => new Date(now),
    pending: () => timers.size,
    /** Moves time forward to `to`, firing due timers (and letting their async work settle). */
    async advanceTo(to: string): Promise<void> {
      const target = Date.parse(to)
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = Math.max(now, due[1].at)
        due[1].callback()
        await flush()
      }
      now = target
      await flush()
    },
    /** Jumps the wall clock without firing timers (a machine asleep). */
    jump(to: string): void {
      now = Date.parse(to)
    },
  }
}

function scheduler(time: ReturnType<typeof fakeTime>, schedule: () => Schedule = () => friday) {
  const fired: string[] = []
  const reminders = new ReminderScheduler({
    clock: time.clock,
    timer: time.timer,
    schedule: async () => schedule(),
    onStart: (startsAt) => fired.push(startsAt.toISOString()),
  })
  return { reminders, fired }
}

describe('ReminderScheduler', () => {
  it('fires once when the weekly hour starts, and again a week later', async () => {
    const time = fakeTime('2026-01-07T10:00:00Z')
    const { reminders, fired } = scheduler(time)
    await reminders.start()
    await time.advanceTo('2026-01-09T13:59:59Z')
    expect(fired).toEqual([])
    await time.advanceTo('2026-01-09T14:00:00Z')
    expect(fired).toEqual(['2026-01-09T14:00:00.000Z'])
    await time.advanceTo('2026-01-15T10:00:00Z')
    expect(fired).toHaveLength(1)
    await time.advanceTo('2026-01-16T14:30:00Z')
    expect(fired).toEqual(['2026-01-09T14:00:00.000Z', '2026-01-16T14:00:00.000Z'])
    reminders.stop()
  })

  it('never waits longer than MAX_WAIT_MS in one go, so a changed clock is noticed', async () => {
    const time = fakeTime('2026-01-07T10:00:00Z')
    const { reminders, fired } = scheduler(time)
    await reminders.start()
    // The machine sleeps through the start and wakes during the hour: it reminds late, once.
    time.jump('2026-01-09T14:20:00Z')
    await time.advanceTo(new Date(Date.parse('2026-01-09T14:20:00Z') + MAX_WAIT_MS).toISOString())
    expect(fired).toEqual(['2026-01-09T14:00:00.000Z'])
    reminders.stop()
  })

  it('does not announce an hour that was already well under way when the app opened', async () => {
    const time = fakeTime('2026-01-09T14:30:00Z')
    const { reminders, fired } = scheduler(time)
    await reminders.start()
    await time.advanceTo('2026-01-09T15:30:00Z')
    expect(fired).toEqual([])
    await time.advanceTo('2026-01-16T14:00:00Z')
    expect(fired).toEqual(['2026-01-16T14:00:00.000Z'])
    reminders.stop()
  })

  it('announces an hour that started a moment before the app opened', async () => {
    const time = fakeTime('2026-01-09T14:01:00Z')
    const { reminders, fired } = scheduler(time)
    await reminders.start()
    expect(fired).toEqual(['2026-01-09T14:00:00.000Z'])
    reminders.stop()
  })

  it('follows a schedule changed in Settings', async () => {
    const time = fakeTime('2026-01-07T10:00:00Z')
    let schedule = friday
    const { reminders, fired } = scheduler(time, () => schedule)
    await reminders.start()
    schedule = { ...friday, day: 'thursday', start: '09:00' }
    await reminders.reschedule()
    await time.advanceTo('2026-01-09T16:00:00Z')
    expect(fired).toEqual(['2026-01-08T09:00:00.000Z'])
    reminders.stop()
  })

  it('stops: no timer left, nothing fires', async () => {
    const time = fakeTime('2026-01-07T10:00:00Z')
    const { reminders, fired } = scheduler(time)
    await reminders.start()
    expect(time.pending()).toBe(1)
    reminders.stop()
    expect(time.pending()).toBe(0)
    await time.advanceTo('2026-01-20T00:00:00Z')
    expect(fired).toEqual([])
    expect(reminders.running).toBe(false)
  })

  it('keeps trying when the schedule cannot be read', async () => {
    const time = fakeTime('2026-01-09T13:50:00Z')
    let fail = true
    const errors: unknown[] = []
    const fired: string[] = []
    const reminders = new ReminderScheduler({
      clock: time.clock,
      timer: time.timer,
      schedule: async () => {
        if (fail) throw new Error('settings unreadable')
        return friday
      },
      onStart: (startsAt) => fired.push(startsAt.toISOString()),
      onError: (error) => errors.push(error),
    })
    await reminders.start()
    expect(errors).toHaveLength(1)
    fail = false
    await time.advanceTo('2026-01-09T14:10:00Z')
    expect(fired).toEqual(['2026-01-09T14:00:00.000Z'])
    reminders.stop()
  })
})
