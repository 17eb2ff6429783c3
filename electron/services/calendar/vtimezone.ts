// A VTIMEZONE block for an IANA zone, derived from the platform's own time-zone data (Intl), so
// DTSTART;TZID=… means the same wall-clock time in every calendar app, across DST changes. Yearly
// rules (RRULE) when they describe every transition in the range; otherwise each transition listed.
import { offsetMinutesAt, type WallClock } from './zoned-time.ts'

interface Transition {
  readonly at: Date
  readonly from: number
  readonly to: number
}

const DAY = 86_400_000
const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const

/** Offset changes of `zone` in the years [fromYear, toYear], found by sampling and bisection. */
export function offsetTransitions(zone: string, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = []
  const end = Date.UTC(toYear + 1, 0, 1)
  let previous = Date.UTC(fromYear, 0, 1)
  let previousOffset = offsetMinutesAt(new Date(previous), zone)
  for (let at = previous + 2 * DAY; at <= end; at += 2 * DAY) {
    const offset = offsetMinutesAt(new Date(at), zone)
    if (offset !== previousOffset) {
      let low = previous
      let high = at
      while (high - low > 60_000) {
        const middle = low + Math.floor((high - low) / 120_000) * 60_000
        if (offsetMinutesAt(new Date(middle), zone) === previousOffset) low = middle
        else high = middle
      }
      out.push({ at: new Date(high), from: previousOffset, to: offset })
    }
    previous = at
    previousOffset = offset
  }
  return out
}

export function buildVtimezone(zone: string, fromYear: number, toYear: number): string {
  const transitions = offsetTransitions(zone, fromYear, toYear)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`]
  if (transitions.length === 0) {
    const offset = formatOffset(offsetMinutesAt(new Date(Date.UTC(fromYear, 0, 1)), zone))
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD')
  } else {
    lines.push(...(yearlyRules(transitions) ?? transitions.flatMap((transition) => component(transition, null))))
  }
  lines.push('END:VTIMEZONE')
  return lines.map((line) => `${line}\r\n`).join('')
}

/** STANDARD/DAYLIGHT with yearly RRULEs, or null when a rule would not reproduce every transition. */
function yearlyRules(transitions: readonly Transition[]): string[] | null {
  const kinds = [transitions.filter((t) => t.to > t.from), transitions.filter((t) => t.to < t.from)]
  const out: string[] = []
  for (const group of kinds) {
    const first = group[0]
    if (!first) continue
    const rule = ruleOf(first)
    const years = new Set(group.map((t) => t.at.getUTCFullYear()))
    const complete =
      years.size === group.length && group.every((t) => t.from === first.from && t.to === first.to && sameRule(ruleOf(t), rule))
    const span = group.at(-1)!.at.getUTCFullYear() - first.at.getUTCFullYear() + 1
    if (!complete || span !== group.length) return null
    if (!reproduces(rule, first, group)) return null
    out.push(...component(first, `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.ordinal}${WEEKDAY_CODES[rule.weekday]}`))
  }
  return out
}

interface Rule {
  readonly month: number
  readonly weekday: number
  readonly ordinal: number
  readonly hour: number
  readonly minute: number
}

function ruleOf(transition: Transition): Rule {
  const local = wallClockBefore(transition)
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()
  const daysInMonth = new Date(Date.UTC(local.year, local.month, 0)).getUTCDate()
  const ordinal = local.day > daysInMonth - 7 ? -1 : Math.ceil(local.day / 7)
  return { month: local.month, weekday, ordinal, hour: local.hour, minute: local.minute }
}

function sameRule(a: Rule, b: Rule): boolean {
  return a.month === b.month && a.weekday === b.weekday && a.ordinal === b.ordinal && a.hour === b.hour && a.minute === b.minute
}

/** Checks the rule's date each year against the real transition (guards "Friday before last Sunday"-style rules). */
function reproduces(rule: Rule, first: Transition, group: readonly Transition[]): boolean {
  return group.every((transition) => {
    const year = wallClockBefore(transition).year
    const day = nthWeekday(year, rule.month, rule.weekday, rule.ordinal)
    const expected = Date.UTC(year, rule.month - 1, day, rule.hour, rule.minute) - first.from * 60_000
    return expected === transition.at.getTime()
  })
}

function nthWeekday(year: number, month: number, weekday: number, ordinal: number): number {
  if (ordinal > 0) {
    const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
    return 1 + ((weekday - firstWeekday + 7) % 7) + (ordinal - 1) * 7
  }
  const last = new Date(Date.UTC(year, month, 0))
  return last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7)
}

function component(transition: Transition, rrule: string | null): string[] {
  const kind = transition.to > transition.from ? 'DAYLIGHT' : 'STANDARD'
  return [
    `BEGIN:${kind}`,
    `DTSTART:${formatLocal(wallClockBefore(transition))}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${formatOffset(transition.from)}`,
    `TZOFFSETTO:${formatOffset(transition.to)}`,
    `END:${kind}`,
  ]
}

/** The local time of a transition as read before it (RFC 5545: DTSTART uses TZOFFSETFROM). */
function wallClockBefore(transition: Transition): WallClock {
  const at = new Date(transition.at.getTime() + transition.from * 60_000)
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: 0,
  }
}

export function formatLocal(wall: WallClock): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`
}
