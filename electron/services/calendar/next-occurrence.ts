// When the weekly hour next starts, as an instant: the scheduled weekday and wall-clock time in the
// leader's time zone, so it stays at 09:30 local across daylight-saving changes. Pure.
import { WEEKDAYS, type Schedule } from '../../../shared/models/settings.ts'
import { addDays, civilDateIn, instantOfWallClock, isoWeekday } from './zoned-time.ts'

/** The first start of the slot at or after `now`. */
export function nextOccurrence(schedule: Schedule, now: Date): Date {
  const wanted = WEEKDAYS.indexOf(schedule.day) + 1
  const [hour, minute] = schedule.start.split(':').map(Number)
  const today = civilDateIn(now, schedule.timeZone)
  // Eight days always contains the weekday twice; the first that is not already past wins.
  for (let offset = -1; offset <= 8; offset += 1) {
    const date = addDays(today, offset)
    if (isoWeekday(date) !== wanted) continue
    const [year, month, day] = date.split('-').map(Number)
    const start = instantOfWallClock(
      { year: year ?? 0, month: month ?? 1, day: day ?? 1, hour: hour ?? 0, minute: minute ?? 0 },
      schedule.timeZone,
    )
    if (start.getTime() >= now.getTime()) return start
  }
  throw new Error('unreachable: a weekday occurs within eight days')
}

/** The slot that is running at `now`, if any (for "your hour has started" reminders). */
export function occurrenceInProgress(schedule: Schedule, now: Date): { start: Date; end: Date } | null {
  const candidate = nextOccurrence(schedule, new Date(now.getTime() - schedule.minutes * 60_000 + 1))
  const end = new Date(candidate.getTime() + schedule.minutes * 60_000)
  return candidate.getTime() <= now.getTime() && now.getTime() < end.getTime() ? { start: candidate, end } : null
}
