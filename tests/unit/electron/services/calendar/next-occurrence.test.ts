import { describe, expect, it } from 'vitest'
import { nextOccurrence, occurrenceInProgress } from '../../../../../electron/services/calendar/next-occurrence.ts'
import { instantOfWallClock, offsetMinutesAt, wallClockIn } from '../../../../../electron/services/calendar/zoned-time.ts'
import type { Schedule } from '../../../../../shared/models/settings.ts'

const london: Schedule = { day: 'monday', start: '09:30', minutes: 60, timeZone: 'Europe/London' }

describe('nextOccurrence', () => {
  it('finds the next Monday 09:30 in London', () => {
    // Wednesday 2026-01-07 12:00 UTC → Monday 2026-01-12 09:30 GMT = 09:30 UTC
    expect(nextOccurrence(london, new Date('2026-01-07T12:00:00Z')).toISOString()).toBe('2026-01-12T09:30:00.000Z')
  })

  it('answers today’s slot when it has not started yet, next week’s once it has', () => {
    expect(nextOccurrence(london, new Date('2026-01-12T09:00:00Z')).toISOString()).toBe('2026-01-12T09:30:00.000Z')
    expect(nextOccurrence(london, new Date('2026-01-12T09:30:00Z')).toISOString()).toBe('2026-01-12T09:30:00.000Z')
    expect(nextOccurrence(london, new Date('2026-01-12T09:31:00Z')).toISOString()).toBe('2026-01-19T09:30:00.000Z')
  })

  it('stays at 09:30 local across the spring change (UTC moves an hour)', () => {
    // Europe moves clocks forward on Sunday 2026-03-29.
    expect(nextOccurrence(london, new Date('2026-03-24T00:00:00Z')).toISOString()).toBe('2026-03-30T08:30:00.000Z')
    const after = nextOccurrence(london, new Date('2026-03-24T00:00:00Z'))
    expect(wallClockIn(after, 'Europe/London')).toMatchObject({ month: 3, day: 30, hour: 9, minute: 30 })
  })

  it('stays at local time in New York across the autumn change', () => {
    const ny: Schedule = { day: 'tuesday', start: '08:00', minutes: 60, timeZone: 'America/New_York' }
    // US clocks go back on Sunday 2026-11-01.
    const before = nextOccurrence(ny, new Date('2026-10-25T00:00:00Z'))
    const after = nextOccurrence(ny, new Date('2026-11-01T12:00:00Z'))
    expect(before.toISOString()).toBe('2026-10-27T12:00:00.000Z')
    expect(after.toISOString()).toBe('2026-11-03T13:00:00.000Z')
  })

  it('uses the schedule’s zone, not the computer’s', () => {
    const tokyo: Schedule = { day: 'friday', start: '07:00', minutes: 60, timeZone: 'Asia/Tokyo' }
    // Thursday 23:00 UTC is already Friday 08:00 in Tokyo: today's slot has passed.
    expect(nextOccurrence(tokyo, new Date('2026-05-07T23:00:00Z')).toISOString()).toBe('2026-05-14T22:00:00.000Z')
  })

  it('tells when the hour is running', () => {
    expect(occurrenceInProgress(london, new Date('2026-01-12T10:00:00Z'))?.start.toISOString()).toBe('2026-01-12T09:30:00.000Z')
    expect(occurrenceInProgress(london, new Date('2026-01-12T10:30:00Z'))).toBeNull()
    expect(occurrenceInProgress(london, new Date('2026-01-12T09:29:00Z'))).toBeNull()
  })
})

describe('zoned time', () => {
  it('moves a time in the spring gap forward by the gap', () => {
    // 01:30 on 2026-03-29 does not exist in London (01:00 → 02:00).
    const instant = instantOfWallClock({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, 'Europe/London')
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(wallClockIn(instant, 'Europe/London')).toMatchObject({ hour: 2, minute: 30 })
  })

  it('takes the first of two times in the autumn overlap', () => {
    // 01:30 happens twice in London on 2026-10-25: first in BST (00:30 UTC).
    const instant = instantOfWallClock({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, 'Europe/London')
    expect(instant.toISOString()).toBe('2026-10-25T00:30:00.000Z')
  })

  it('knows offsets east and west, including half hours', () => {
    expect(offsetMinutesAt(new Date('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(120)
    expect(offsetMinutesAt(new Date('2026-01-01T00:00:00Z'), 'America/Los_Angeles')).toBe(-480)
    expect(offsetMinutesAt(new Date('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330)
  })
})
