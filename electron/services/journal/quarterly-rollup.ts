// The quarterly roll-up: themes, repositories, friction, calibration and open questions of one
// quarter, with a summary sentence. Pure over the index entries.
import type { JournalRollup } from '../../../shared/models/journal.ts'
import type { IndexedEntry } from './index-entry.ts'
import { quarterRange } from './iso-week.ts'
import { calibrationPoints, median, questionStates, tagCounts, times } from './journal-stats.ts'
import { plural } from '../../../shared/plural.ts'

export function quarterlyRollup(all: readonly IndexedEntry[], quarter: string): JournalRollup {
  const { from, to } = quarterRange(quarter)
  const entries = all.filter((entry) => entry.summary.date >= from && entry.summary.date <= to)
  const themes = countBy(
    entries,
    (entry) => entry.summary.theme.id,
    (entry) => entry.summary.theme.title,
  )
  const repositories = countBy(
    entries,
    (entry) => entry.summary.repository.id,
    (entry) => entry.summary.repository.name,
  )
  const friction = tagCounts(entries)
  const points = calibrationPoints(entries)
  const medianRatio = median(points.map((point) => point.ratio))
  const { open } = questionStates(entries)
  const parts = [
    `${quarter}: ${plural(entries.length, 'session')} across ${plural(repositories.length, 'repository', 'repositories')}`,
    themes.length
      ? `themes ${themes
          .slice(0, 3)
          .map((theme) => theme.name)
          .join(', ')}`
      : '',
    friction[0] ? `most friction: ${friction[0].tag} (${friction[0].count})` : '',
    medianRatio === null ? '' : `changes took ${times(medianRatio)} the estimate`,
    open.length ? `${plural(open.length, 'question')} still open` : '',
  ].filter(Boolean)
  return {
    quarter,
    from,
    to,
    sessions: entries.map((entry) => entry.summary),
    themes: themes.map(({ id, name, count }) => ({ id, title: name, count })),
    repositories,
    friction,
    calibration: { medianRatio, count: points.length },
    openQuestions: open,
    summary: entries.length === 0 ? `No sessions in ${quarter}.` : `${parts.join('; ')}.`,
  }
}

function countBy(
  entries: readonly IndexedEntry[],
  key: (entry: IndexedEntry) => string,
  name: (entry: IndexedEntry) => string,
): { id: string; name: string; count: number }[] {
  const counts = new Map<string, { id: string; name: string; count: number }>()
  for (const entry of entries) {
    const id = key(entry)
    const known = counts.get(id)
    counts.set(id, { id, name: known?.name ?? name(entry), count: (known?.count ?? 0) + 1 })
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}
