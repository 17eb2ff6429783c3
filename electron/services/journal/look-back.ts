// The look-back: the session from the same repository about a quarter (91 days) earlier. Pure.
import { daysBetween } from './iso-week.ts'
import type { IndexedEntry } from './index-entry.ts'

const QUARTER_DAYS = 91
/** How far from exactly a quarter ago a session may be and still count as "a quarter ago". */
const TOLERANCE_DAYS = 45

export function lookBack(all: readonly IndexedEntry[], current: IndexedEntry): IndexedEntry | null {
  let best: IndexedEntry | null = null
  let bestDistance = Number.POSITIVE_INFINITY
  for (const entry of all) {
    if (entry === current || entry.summary.repository.id !== current.summary.repository.id) continue
    const ago = daysBetween(entry.summary.date, current.summary.date)
    if (ago <= 0) continue
    const distance = Math.abs(ago - QUARTER_DAYS)
    if (distance <= TOLERANCE_DAYS && distance < bestDistance) {
      best = entry
      bestDistance = distance
    }
  }
  return best
}
