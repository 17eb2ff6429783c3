// Small statistics over index entries shared by insights, the roll-up and the share summary. Pure.
import type { CalibrationPoint, OpenQuestion, TagCount } from '../../../shared/models/journal.ts'
import type { IndexedEntry } from './index-entry.ts'

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const value = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  return Math.round(value * 100) / 100
}

/** Counts per friction tag, most frequent first (ties alphabetical). */
export function tagCounts(entries: readonly IndexedEntry[]): TagCount[] {
  const counts = new Map<string, number>()
  for (const entry of entries) for (const tag of new Set(entry.summary.frictionTags)) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
}

/** Changes with both an estimate and an actual time, oldest first. */
export function calibrationPoints(entries: readonly IndexedEntry[]): CalibrationPoint[] {
  const points: CalibrationPoint[] = []
  for (const entry of entries) {
    const { estimateMinutes, actualMinutes } = entry.summary.effort
    if (estimateMinutes === null || actualMinutes === null || estimateMinutes <= 0) continue
    points.push({
      id: entry.summary.id,
      date: entry.summary.date,
      repositoryName: entry.summary.repository.name,
      estimateMinutes,
      actualMinutes,
      ratio: Math.round((actualMinutes / estimateMinutes) * 100) / 100,
    })
  }
  return points.sort((a, b) => a.date.localeCompare(b.date))
}

/**
 * Questions still open: each question's latest state wins (sessions carry questions forward), and
 * once answered anywhere it stays answered.
 */
export function questionStates(entries: readonly IndexedEntry[]): { open: OpenQuestion[]; answered: number } {
  const latest = new Map<string, { question: OpenQuestion; answered: boolean }>()
  const oldestFirst = [...entries].sort((a, b) => a.summary.date.localeCompare(b.summary.date))
  for (const entry of oldestFirst) {
    for (const question of entry.facts.questions) {
      const before = latest.get(question.id)
      latest.set(question.id, {
        question: { id: question.id, text: question.text, lastSeen: entry.summary.date, repositoryName: entry.summary.repository.name },
        answered: (before?.answered ?? false) || question.status === 'answered',
      })
    }
  }
  const states = [...latest.values()]
  return {
    open: states
      .filter((state) => !state.answered)
      .map((state) => state.question)
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen)),
    answered: states.filter((state) => state.answered).length,
  }
}

export function times(ratio: number): string {
  return `${ratio.toFixed(1)}×`
}
