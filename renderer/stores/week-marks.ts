// Skipped and paused weeks for the insights heatmap, from the programme's whole history as the
// sessions domain keeps it (every pause, every skipped week). Pure, so it is unit tested.
import type { JournalWeekMark } from '../../shared/models/journal.ts'
import type { ProgrammeHistory } from '../../shared/models/sessions.ts'

const DAY_MS = 86_400_000
/** Bounds the walk over one pause (about 20 years). */
const MAX_WEEKS = 1_100

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

/**
 * The marks of the ISO years around `year` (a heatmap's edge weeks may belong to the next or last
 * ISO year). A week both skipped and paused shows as paused: the pause is why it was not practised.
 */
export function weekMarksFrom(history: ProgrammeHistory, year: number): JournalWeekMark[] {
  const wanted = (isoWeek: string) => Math.abs(Number(isoWeek.slice(0, 4)) - year) <= 1
  const marks = new Map<string, JournalWeekMark['status']>()
  for (const skip of history.skippedWeeks) {
    const isoWeek = isoWeekOf(skip.weekOf)
    if (wanted(isoWeek)) marks.set(isoWeek, 'skipped')
  }
  for (const pause of history.pauses) {
    // A running pause counts up to this week; a planned end shows the weeks still to come.
    const end = pause.to ?? history.currentWeekOf
    for (let week = pause.from, guard = 0; week <= end && guard < MAX_WEEKS; week = addDays(week, 7), guard += 1) {
      const isoWeek = isoWeekOf(week)
      if (wanted(isoWeek)) marks.set(isoWeek, 'paused')
    }
  }
  return [...marks].map(([isoWeek, status]) => ({ isoWeek, status })).sort((a, b) => a.isoWeek.localeCompare(b.isoWeek))
}
