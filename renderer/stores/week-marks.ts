// Skipped and paused weeks for the insights heatmap, from what the sessions domain tells the Today
// screen (its last programme weeks and the current pause). Pure, so it is unit tested.
import type { JournalWeekMark } from '../../shared/models/journal.ts'
import type { TodayView } from '../../shared/models/sessions.ts'

const DAY_MS = 86_400_000

/** ISO 8601 week of a YYYY-MM-DD date: "2026-W48". */
export function isoWeekOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1))
  const weekday = (day.getUTCDay() + 6) % 7
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS)
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1)
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * DAY_MS)) + 1
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10)
}

export function weekMarksFrom(today: Pick<TodayView, 'consistency' | 'programme'>, todayDate: string): JournalWeekMark[] {
  const marks = new Map<string, JournalWeekMark['status']>()
  for (const week of today.consistency.weeks) {
    if (week.outcome === 'skipped') marks.set(isoWeekOf(week.weekOf), 'skipped')
  }
  if (today.programme.paused) {
    // The current pause runs from this week to its last week (or open-ended: this week only so far).
    const end = today.programme.pausedThrough ?? todayDate
    const [y, m, d] = todayDate.split('-').map(Number)
    const monday = addDays(todayDate, -((new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay() + 6) % 7))
    for (let day = monday, guard = 0; day <= end && guard < 60; day = addDays(day, 7), guard += 1) {
      marks.set(isoWeekOf(day), 'paused')
    }
  }
  return [...marks].map(([isoWeek, status]) => ({ isoWeek, status }))
}
