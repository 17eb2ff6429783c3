// Wall-clock time in a named time zone, computed with Intl only (no tz database of our own): the
// local date and time of an instant, and the instant of a local time, DST gaps and overlaps included.

export interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

export function wallClockIn(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  }
}

/** The zone's offset from UTC at an instant, in minutes (east positive: Europe/Berlin in summer is 120). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const wall = wallClockIn(instant, timeZone)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

/**
 * The instant a local time happens in a zone. In an autumn overlap it is the first occurrence; in
 * a spring gap (02:30 that never happens) it is read with the offset before the gap, so it moves
 * forward by the gap (03:30), as RFC 5545 asks of calendar apps.
 */
export function instantOfWallClock(wall: Omit<WallClock, 'second'> & { second?: number }, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0)
  const before = offsetMinutesAt(new Date(asUtc - 86_400_000), timeZone)
  const after = offsetMinutesAt(new Date(asUtc + 86_400_000), timeZone)
  const candidates = [...new Set([before, after])]
    .map((offset) => new Date(asUtc - offset * 60_000))
    .filter((instant) => sameWallClock(wallClockIn(instant, timeZone), wall))
    .sort((a, b) => a.getTime() - b.getTime())
  return candidates[0] ?? new Date(asUtc - before * 60_000)
}

function sameWallClock(a: WallClock, b: Omit<WallClock, 'second'> & { second?: number }): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === (b.second ?? 0)
  )
}

// ---- Civil dates as YYYY-MM-DD strings -------------------------------------------------------

export function civilDateIn(instant: Date, timeZone: string): string {
  const wall = wallClockIn(instant, timeZone)
  return formatCivil(wall.year, wall.month, wall.day)
}

export function addDays(date: string, days: number): string {
  const at = new Date(civilMs(date) + days * 86_400_000)
  return formatCivil(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate())
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(civilMs(date)).getUTCDay()
  return day === 0 ? 7 : day
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date))
}

export function daysBetween(from: string, to: string): number {
  return Math.round((civilMs(to) - civilMs(from)) / 86_400_000)
}

function civilMs(date: string): number {
  const [year, month, day] = date.split('-').map(Number)
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)
}

function formatCivil(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
