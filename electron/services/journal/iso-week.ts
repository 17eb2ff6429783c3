// Calendar arithmetic on plain YYYY-MM-DD dates (no time zones: a session's date is already local).

const DAY_MS = 86_400_000

function toUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1))
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** ISO 8601 week of a date: "2026-W48" (the week belongs to the year of its Thursday). */
export function isoWeekOf(date: string): string {
  const day = toUtc(date)
  const weekday = (day.getUTCDay() + 6) % 7
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS)
  const year = thursday.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7
  const week1Monday = firstThursday.getTime() - firstWeekday * DAY_MS
  const week = Math.floor((thursday.getTime() - week1Monday) / (7 * DAY_MS)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** Every ISO week of an ISO year, in order ("2026-W01" … "2026-W53" when it has 53). */
export function isoWeeksOfYear(year: number): string[] {
  const weeks: string[] = []
  const dec28 = formatDate(new Date(Date.UTC(year, 11, 28)))
  const count = Number(isoWeekOf(dec28).slice(-2))
  for (let week = 1; week <= count; week += 1) weeks.push(`${year}-W${String(week).padStart(2, '0')}`)
  return weeks
}

export function addDays(date: string, days: number): string {
  return formatDate(new Date(toUtc(date).getTime() + days * DAY_MS))
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS)
}

/** "2026-Q4". */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7))
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`
}

/** First and last day of a quarter given as "2026-Q4". */
export function quarterRange(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4))
  const q = Number(quarter.slice(-1))
  const from = formatDate(new Date(Date.UTC(year, (q - 1) * 3, 1)))
  const to = formatDate(new Date(Date.UTC(year, q * 3, 0)))
  return { from, to }
}

/** "2026-11". */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}
