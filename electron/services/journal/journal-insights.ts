// Insights from the journal files alone: the year heatmap, effort calibration, friction, questions
// and time per step, each with a plain-text summary sentence. Pure over the index entries.
import type {
  FrictionByRepository,
  FrictionPeriod,
  HeatmapWeek,
  JournalInsights,
  JournalWeekMark,
  PeriodRatio,
  StepTime,
} from '../../../shared/models/journal.ts'
import { STEP_KEYS } from '../../../shared/models/curriculum.ts'
import type { IndexedEntry } from './index-entry.ts'
import { latestHour } from './latest-hour.ts'
import { repoLoopCards } from './repo-loop.ts'
import { isoWeekOf, isoWeeksOfYear, monthOf, quarterOf } from './iso-week.ts'
import { calibrationPoints, median, questionStates, tagCounts, times } from './journal-stats.ts'
import { plural } from '../../../shared/plural.ts'

export interface InsightOptions {
  readonly year: number
  /** Today, YYYY-MM-DD: weeks after it are "future". */
  readonly today: string
  readonly marks: readonly JournalWeekMark[]
}

export function computeInsights(entries: readonly IndexedEntry[], options: InsightOptions): JournalInsights {
  const { open, answered } = questionStates(entries)
  const friction = frictionInsight(entries)
  return {
    sessions: entries.length,
    latest: latestHour(entries),
    heatmap: heatmap(entries, options),
    calibration: calibrationInsight(entries),
    friction,
    questions: {
      open: open.length,
      answered,
      openQuestions: open,
      summary:
        open.length + answered === 0
          ? 'No questions for tech leads yet.'
          : `${plural(open.length, 'question')} for tech leads ${open.length === 1 ? 'is' : 'are'} open and ${answered} answered.`,
    },
    stepTime: stepTime(entries),
    loopByRepository: repoLoopCards(entries),
    handsOn: handsOnInsight(entries, options.year),
  }
}

/** Lines the leader wrote against the agent's, per week of the year, from the changes that recorded it. */
export function handsOnInsight(entries: readonly IndexedEntry[], year: number): JournalInsights['handsOn'] {
  const perWeek = new Map<string, { leaderLines: number; agentLines: number }>()
  for (const entry of entries) {
    const lines = entry.facts.authorship
    if (!lines || !entry.summary.isoWeek.startsWith(`${year}-`)) continue
    const week = perWeek.get(entry.summary.isoWeek) ?? { leaderLines: 0, agentLines: 0 }
    perWeek.set(entry.summary.isoWeek, {
      leaderLines: week.leaderLines + lines.leaderLines,
      agentLines: week.agentLines + lines.agentLines,
    })
  }
  const weeks = [...perWeek].sort(([a], [b]) => a.localeCompare(b)).map(([isoWeek, lines]) => ({ isoWeek, ...lines }))
  const leaderLines = weeks.reduce((sum, week) => sum + week.leaderLines, 0)
  const agentLines = weeks.reduce((sum, week) => sum + week.agentLines, 0)
  const total = leaderLines + agentLines
  const last = weeks.at(-1)
  const summary =
    total === 0
      ? 'No committed change has recorded who wrote its lines yet.'
      : `You wrote ${leaderLines} of the ${total} lines your changes added in ${year} (${Math.round((leaderLines / total) * 100)}%); the agent wrote the rest.` +
        (last && weeks.length > 1 ? ` In ${last.isoWeek}: you ${last.leaderLines}, the agent ${last.agentLines}.` : '')
  return { weeks, leaderLines, agentLines, summary }
}

export function heatmap(entries: readonly IndexedEntry[], options: InsightOptions): JournalInsights['heatmap'] {
  const perWeek = new Map<string, number>()
  for (const entry of entries) perWeek.set(entry.summary.isoWeek, (perWeek.get(entry.summary.isoWeek) ?? 0) + 1)
  const marks = new Map(options.marks.map((mark) => [mark.isoWeek, mark.status]))
  const thisWeek = isoWeekOf(options.today)
  const weeks: HeatmapWeek[] = isoWeeksOfYear(options.year).map((isoWeek) => {
    const sessions = perWeek.get(isoWeek) ?? 0
    const status = sessions > 0 ? 'practised' : (marks.get(isoWeek) ?? (isoWeek > thisWeek ? 'future' : 'none'))
    return { isoWeek, status, sessions }
  })
  const count = (status: HeatmapWeek['status']) => weeks.filter((week) => week.status === status).length
  const practised = count('practised')
  const skipped = count('skipped')
  const paused = count('paused')
  // Weeks before the programme began are not weeks missed: a first year counts from its first week.
  const startedBefore = entries.some((entry) => entry.summary.isoWeek < `${options.year}-W01`)
  const firstWeek = startedBefore ? undefined : weeks.find((week) => week.status !== 'none' && week.status !== 'future')?.isoWeek
  const counted = weeks.filter((week) => week.status !== 'future' && (firstWeek === undefined || week.isoWeek >= firstWeek))
  const elapsed = startedBefore || firstWeek === undefined ? weeks.length - count('future') : counted.length
  const asides = [skipped ? `${skipped} skipped` : '', paused ? `${paused} paused` : ''].filter(Boolean).join(', ')
  const span =
    firstWeek !== undefined ? `since your first hour in ${options.year}` : `${count('future') ? 'so far ' : ''}in ${options.year}`
  const summary =
    elapsed === 0
      ? `${options.year} has not started yet.`
      : `You practised ${practised} of the ${plural(elapsed, 'week')} ${span}${asides ? ` (${asides})` : ''}.`
  return { year: options.year, weeks, practised, skipped, paused, summary }
}

export function calibrationInsight(entries: readonly IndexedEntry[]): JournalInsights['calibration'] {
  const points = calibrationPoints(entries)
  const byQuarter = new Map<string, number[]>()
  for (const point of points) byQuarter.set(quarterOf(point.date), [...(byQuarter.get(quarterOf(point.date)) ?? []), point.ratio])
  const trend: PeriodRatio[] = [...byQuarter]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, ratios]) => ({ period, medianRatio: median(ratios) ?? 0, count: ratios.length }))
  const overall = median(points.map((point) => point.ratio))
  return { points, trend, medianRatio: overall, summary: calibrationSentence(overall, points.length, trend) }
}

export function calibrationSentence(overall: number | null, count: number, trend: readonly PeriodRatio[]): string {
  if (overall === null) return 'No change has both an estimate and an actual time yet.'
  const direction =
    overall > 1.1 ? 'longer than you estimated' : overall < 0.9 ? 'less time than you estimated' : 'about as long as you estimated'
  let sentence = `Changes took ${times(overall)} your estimate (median of ${plural(count, 'change')}): ${direction}.`
  const last = trend.at(-1)
  const before = trend.at(-2)
  if (last && before) {
    const closer = Math.abs(Math.log(last.medianRatio)) < Math.abs(Math.log(before.medianRatio))
    sentence += ` In ${last.period} it was ${times(last.medianRatio)}, against ${times(before.medianRatio)} in ${before.period}: your estimates are getting ${closer ? 'closer' : 'further off'}.`
  }
  return sentence
}

export function frictionInsight(entries: readonly IndexedEntry[]): JournalInsights['friction'] {
  const byTag = tagCounts(entries)
  const months = new Map<string, IndexedEntry[]>()
  const repos = new Map<string, IndexedEntry[]>()
  for (const entry of entries) {
    months.set(monthOf(entry.summary.date), [...(months.get(monthOf(entry.summary.date)) ?? []), entry])
    repos.set(entry.summary.repository.id, [...(repos.get(entry.summary.repository.id) ?? []), entry])
  }
  const overTime: FrictionPeriod[] = [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, list]) => ({ period, counts: tagCounts(list) }))
  const byRepository: FrictionByRepository[] = [...repos.values()]
    .map((list) => ({
      repositoryId: list[0]?.summary.repository.id ?? '',
      repositoryName: list[0]?.summary.repository.name ?? '',
      sessions: list.length,
      counts: tagCounts(list),
    }))
    .sort((a, b) => b.sessions - a.sessions || a.repositoryName.localeCompare(b.repositoryName))
  const top = byTag[0]
  let summary = 'No friction tagged yet.'
  if (top) {
    const where = byRepository
      .map((repo) => ({ name: repo.repositoryName, count: repo.counts.find((c) => c.tag === top.tag)?.count ?? 0 }))
      .sort((a, b) => b.count - a.count)[0]
    summary = `The friction you tagged most is ${top.tag} (${plural(top.count, 'session')})${where && where.count > 0 ? `, most often in ${where.name} (${where.count})` : ''}.`
  }
  return { byTag, overTime, byRepository, summary }
}

export function stepTime(entries: readonly IndexedEntry[]): JournalInsights['stepTime'] {
  const steps: StepTime[] = STEP_KEYS.map((step) => {
    const done = entries.filter((entry) => entry.facts.stepMinutes[step] > 0)
    const total = done.reduce((sum, entry) => sum + entry.facts.stepMinutes[step], 0)
    const timebox = done.reduce((sum, entry) => sum + entry.facts.timeboxMinutes[step], 0)
    const round = (value: number) => Math.round(value * 10) / 10
    return {
      step,
      totalMinutes: round(total),
      averageMinutes: done.length ? round(total / done.length) : 0,
      averageTimeboxMinutes: done.length ? round(timebox / done.length) : 0,
      sessions: done.length,
    }
  })
  const over = steps
    .filter((step) => step.sessions > 0)
    .map((step) => ({ step: step.step, over: step.averageMinutes - step.averageTimeboxMinutes }))
    .sort((a, b) => b.over - a.over)[0]
  const parts = steps.filter((step) => step.sessions > 0).map((step) => `${step.step} ${Math.round(step.averageMinutes)} min`)
  const summary =
    parts.length === 0
      ? 'No step has been timed yet.'
      : `On average: ${parts.join(', ')}.${over && over.over > 1 ? ` The ${over.step} step runs over its timebox most (by ${Math.round(over.over)} min).` : ' Every step fits its timebox on average.'}`
  return { steps, summary }
}
