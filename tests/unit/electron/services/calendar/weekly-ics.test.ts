import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { CalendarService } from '../../../../../electron/services/calendar/calendar-service.ts'
import { weeklyIcs } from '../../../../../electron/services/calendar/weekly-ics.ts'
import type { Schedule } from '../../../../../shared/models/settings.ts'

const london: Schedule = { day: 'monday', start: '09:30', minutes: 60, timeZone: 'Europe/London' }

/** Parses the file with ical.js (an independent reader) and expands the first `count` occurrences. */
function occurrences(content: string, count: number) {
  const calendar = new ICAL.Component(ICAL.parse(content))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const vevent = calendar.getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('no VEVENT')
  const event = new ICAL.Event(vevent)
  const iterator = event.iterator()
  const starts: Date[] = []
  for (let next = iterator.next(); next && starts.length < count; next = iterator.next()) starts.push(next.toJSDate())
  return { calendar, vevent, event, starts }
}

describe('weeklyIcs', () => {
  const file = weeklyIcs(london, new Date('2026-03-04T12:00:00Z'))

  it('is a calendar with one weekly event in the leader’s time zone', () => {
    const { vevent, event } = occurrences(file.content, 1)
    expect(file.filename).toMatch(/\.ics$/)
    expect(file.content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(file.content).toMatch(/^DTSTART;TZID=Europe\/London:20260309T093000\r$/m)
    expect(event.startDate.zone?.tzid).toBe('Europe/London')
    expect(vevent.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;BYDAY=MO')
    expect(event.duration.toSeconds()).toBe(60 * 60)
    expect(event.summary).toMatch(/hour/)
    expect(file.firstStart).toBe('2026-03-09T09:30:00.000Z')
  })

  it('keeps 09:30 local across the spring and autumn changes (UTC moves, the hour does not)', () => {
    const { starts } = occurrences(file.content, 40)
    const iso = starts.map((start) => start.toISOString())
    // GMT until 29 March 2026, BST until 25 October, then GMT again.
    expect(iso[2]).toBe('2026-03-23T09:30:00.000Z')
    expect(iso[3]).toBe('2026-03-30T08:30:00.000Z')
    expect(iso[32]).toBe('2026-10-19T08:30:00.000Z')
    expect(iso[33]).toBe('2026-10-26T09:30:00.000Z')
    for (const start of starts) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(start)
      expect(local).toBe('Mon 09:30')
    }
  })

  it('describes the zone’s rules so apps in other zones show the same instants', () => {
    const ny = weeklyIcs({ day: 'tuesday', start: '08:00', minutes: 45, timeZone: 'America/New_York' }, new Date('2026-10-20T00:00:00Z'))
    const { starts, event } = occurrences(ny.content, 3)
    expect(event.duration.toSeconds()).toBe(45 * 60)
    // US clocks go back on 1 November 2026: 08:00 EDT = 12:00Z, then 08:00 EST = 13:00Z.
    expect(starts.map((s) => s.toISOString())).toEqual(['2026-10-20T12:00:00.000Z', '2026-10-27T12:00:00.000Z', '2026-11-03T13:00:00.000Z'])
    expect(ny.content).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU')
    expect(ny.content).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU')
  })

  it('lists each change for zones whose rule is not a plain "nth weekday" (Jerusalem)', () => {
    const file = weeklyIcs({ day: 'sunday', start: '10:00', minutes: 60, timeZone: 'Asia/Jerusalem' }, new Date('2026-03-01T00:00:00Z'))
    const { starts } = occurrences(file.content, 6)
    for (const start of starts) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Jerusalem',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(start)
      expect(local).toBe('10:00')
    }
    expect(new Set(starts.map((s) => s.getUTCHours()))).toEqual(new Set([8, 7]))
  })

  it('handles zones without daylight saving, and half-hour offsets', () => {
    const kolkata = weeklyIcs({ day: 'friday', start: '07:00', minutes: 60, timeZone: 'Asia/Kolkata' }, new Date('2026-05-01T00:00:00Z'))
    const { starts } = occurrences(kolkata.content, 2)
    expect(starts.map((s) => s.toISOString())).toEqual(['2026-05-01T01:30:00.000Z', '2026-05-08T01:30:00.000Z'])
    expect(kolkata.content).toContain('TZOFFSETTO:+0530')
  })

  it('is the same event every time it is exported (a re-import updates rather than duplicates)', () => {
    const again = weeklyIcs(london, new Date('2026-06-01T12:00:00Z'))
    expect(again.content).toContain('UID:weekly-hour@gemba.app')
    expect(file.content).toContain('UID:weekly-hour@gemba.app')
  })
})

describe('CalendarService', () => {
  it('uses the saved schedule, or the draft one passed in', async () => {
    const service = new CalendarService({
      clock: () => new Date('2026-03-04T12:00:00Z'),
      settings: { get: async () => ({ schedule: london }) },
    })
    expect((await service.ics({})).content).toContain('DTSTART;TZID=Europe/London:20260309T093000')
    const draft = await service.ics({ schedule: { ...london, day: 'thursday', start: '16:00' } })
    expect(draft.content).toContain('DTSTART;TZID=Europe/London:20260305T160000')
    expect(draft.content).toContain('BYDAY=TH')
  })
})
