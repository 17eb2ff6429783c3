// The weekly hour as an .ics file: one VEVENT that repeats weekly at the leader's local time, with
// DTSTART;TZID=<zone> and a matching VTIMEZONE, so it does not drift an hour at DST changes. The
// event is written by the `ics` package; only the time-zone parts (which it lacks) are added here.
import { createEvents, type EventAttributes } from 'ics'
import { GembaError } from '../../../shared/errors.ts'
import { WEEKDAYS, type Schedule } from '../../../shared/models/settings.ts'
import { nextOccurrence } from './next-occurrence.ts'
import { buildVtimezone, formatLocal } from './vtimezone.ts'
import { wallClockIn } from './zoned-time.ts'

export const WEEKLY_HOUR_UID = 'weekly-hour@gemba.app'
const BYDAY = { monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU' } as const

export interface WeeklyIcs {
  readonly filename: string
  readonly content: string
  readonly firstStart: string
}

export function weeklyIcs(schedule: Schedule, now: Date): WeeklyIcs {
  if (!WEEKDAYS.includes(schedule.day)) throw new GembaError({ code: 'invalid_input', message: 'The schedule has no weekday.' })
  const first = nextOccurrence(schedule, now)
  const [hour, minute] = schedule.start.split(':').map(Number)
  const firstLocal = { ...wallClockIn(first, schedule.timeZone), hour: hour ?? 0, minute: minute ?? 0, second: 0 }
  // `timestamp` (DTSTAMP) is honoured by ics but missing from its types; it comes from our clock.
  const event: EventAttributes & { timestamp: number } = {
    uid: WEEKLY_HOUR_UID,
    title: "Gemba: this week's hour in the code",
    description: 'Explore, diagram, one small change with tests, reflect. Open Gemba and press "Start this week\'s hour".',
    // A string passes through untouched: the floating local time gets its TZID below.
    start: formatLocal(firstLocal),
    duration: { minutes: schedule.minutes },
    recurrenceRule: `FREQ=WEEKLY;BYDAY=${BYDAY[schedule.day]}`,
    busyStatus: 'BUSY',
    transp: 'OPAQUE',
    timestamp: now.getTime(),
    alarms: [{ action: 'display', description: 'Your hour in the code starts in 5 minutes.', trigger: { minutes: 5, before: true } }],
  }
  const { error, value } = createEvents([event], { productId: '-//Gemba//Weekly hour//EN', method: 'PUBLISH', calName: 'Gemba' })
  if (error || !value) {
    throw new GembaError(
      { code: 'internal', message: 'Gemba could not write the calendar file.', next: 'Check the weekly slot in Settings and try again.' },
      { cause: error ?? undefined },
    )
  }
  const year = firstLocal.year
  const content = value
    .replace(/^DTSTART:(\d{8}T\d{6})\r$/m, `DTSTART;TZID=${schedule.timeZone}:$1\r`)
    .replace('BEGIN:VEVENT\r\n', `${buildVtimezone(schedule.timeZone, year - 1, year + 15)}BEGIN:VEVENT\r\n`)
  if (!content.includes(`DTSTART;TZID=${schedule.timeZone}:`)) {
    throw new GembaError({ code: 'internal', message: 'The calendar file came out without its time zone.', next: 'Please report this.' })
  }
  return { filename: 'gemba-weekly-hour.ics', content, firstStart: first.toISOString() }
}
