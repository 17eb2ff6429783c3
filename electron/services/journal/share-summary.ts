// A one-page Markdown summary of the last N weeks to share with tech leads: what was looked at,
// friction themes, open questions, calibration. Private reflection text appears only when the
// caller passes it in (the leader chose to include it). Pure.
import type { JournalShareSummary } from '../../../shared/models/journal.ts'
import type { IndexedEntry } from './index-entry.ts'
import { addDays } from './iso-week.ts'
import { calibrationPoints, median, questionStates, tagCounts, times } from './journal-stats.ts'
import { plural } from '../../../shared/plural.ts'

export function summaryRange(today: string, weeks: number): { from: string; to: string } {
  return { from: addDays(today, -(weeks * 7) + 1), to: today }
}

export function shareSummary(
  all: readonly IndexedEntry[],
  options: { readonly today: string; readonly weeks: number; readonly reflections?: ReadonlyMap<string, string> | undefined },
): JournalShareSummary {
  const { from, to } = summaryRange(options.today, options.weeks)
  const entries = all.filter((entry) => entry.summary.date >= from && entry.summary.date <= to)
  const repos = [...new Set(entries.map((entry) => entry.summary.repository.name))]
  const lines = [
    `# My Gemba hours: the last ${plural(options.weeks, 'week')}`,
    '',
    `_${from} to ${to} · ${plural(entries.length, 'session')}${repos.length ? ` in ${repos.join(', ')}` : ''}_`,
    '',
    '## What I looked at',
    '',
    ...(entries.length
      ? entries.map((e) => `- ${e.summary.date} · week ${e.summary.week} · ${e.summary.theme.title} — ${e.summary.repository.name}`)
      : ['_No sessions in these weeks._']),
    '',
    '## Friction themes',
    '',
  ]
  const friction = tagCounts(entries)
  if (friction.length === 0) lines.push('_No friction tagged._')
  for (const { tag, count } of friction) {
    const where = [...new Set(entries.filter((e) => e.summary.frictionTags.includes(tag)).map((e) => e.summary.repository.name))]
    lines.push(`- **${tag}** — ${plural(count, 'session')} (${where.join(', ')})`)
  }
  const { open } = questionStates(entries)
  lines.push('', '## Open questions for tech leads', '')
  if (open.length === 0) lines.push('_None open._')
  for (const question of open) lines.push(`- ${question.text.replace(/\s+/g, ' ')} _(${question.repositoryName}, ${question.lastSeen})_`)
  const points = calibrationPoints(entries)
  const ratio = median(points.map((point) => point.ratio))
  lines.push('', '## Effort', '')
  lines.push(
    ratio === null
      ? '_No timed changes._'
      : `Small changes took ${times(ratio)} my estimate (median of ${plural(points.length, 'change')}).`,
  )
  const include = options.reflections !== undefined
  if (include) {
    lines.push('', '## Reflections', '')
    for (const entry of entries) {
      const text = options.reflections?.get(entry.summary.id)?.trim()
      if (text) lines.push(`### ${entry.summary.date} — ${entry.summary.repository.name}`, '', text, '')
    }
  }
  return { markdown: `${lines.join('\n').trimEnd()}\n`, from, to, sessions: entries.length, includesReflections: include }
}
