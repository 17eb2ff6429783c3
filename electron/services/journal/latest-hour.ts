// What the latest hour showed on its own, so Insights is worth opening after the first session: time
// per step against the timeboxes, the change's estimate against its actual time, the friction tagged
// and the questions left open, each said in a plain sentence. Pure over the index entries.
import { STEP_KEYS } from '../../../shared/models/curriculum.ts'
import type { LatestHour } from '../../../shared/models/journal.ts'
import type { IndexedEntry, IndexFacts } from './index-entry.ts'
import { median } from './journal-stats.ts'
import { plural } from '../../../shared/plural.ts'

const STEP_NAMES = { explore: 'exploring', diagram: 'the diagram', change: 'the small change', reflect: 'reflecting' } as const

/** `entries` newest first (the index's order). */
export function latestHour(entries: readonly IndexedEntry[]): LatestHour | null {
  const [entry, ...earlier] = entries
  if (!entry) return null
  const { summary, facts } = entry
  const steps = STEP_KEYS.map((step) => ({ step, minutes: round(facts.stepMinutes[step]), timeboxMinutes: facts.timeboxMinutes[step] }))
  const totalMinutes = round(steps.reduce((sum, step) => sum + step.minutes, 0))
  const totalTimeboxMinutes = steps.reduce((sum, step) => sum + step.timeboxMinutes, 0)
  const { estimateMinutes, actualMinutes } = summary.effort
  const ratio =
    estimateMinutes !== null && actualMinutes !== null && estimateMinutes > 0
      ? Math.round((actualMinutes / estimateMinutes) * 100) / 100
      : null
  const findings = [timeFinding(steps, totalMinutes, totalTimeboxMinutes), effortFinding(estimateMinutes, actualMinutes, ratio, earlier)]
  findings.push(testsFinding(facts.tests ?? null))
  findings.push(
    summary.frictionTags.length > 0 ? `Friction you tagged: ${summary.frictionTags.join(', ')}.` : 'You tagged no friction this time.',
  )
  const open = facts.questions.filter((question) => question.status === 'open').length
  if (open > 0) findings.push(`${plural(open, 'question')} for your tech lead ${open === 1 ? 'is' : 'are'} still open.`)
  return {
    id: summary.id,
    date: summary.date,
    theme: summary.theme.title,
    repositoryName: summary.repository.name,
    steps,
    totalMinutes,
    totalTimeboxMinutes,
    effort: { estimateMinutes, actualMinutes, ratio },
    frictionTags: [...summary.frictionTags],
    findings: findings.filter((finding): finding is string => finding !== null),
  }
}

/** The team's tests in that hour: a run that could not run is told as setup friction, never as a failure. */
function testsFinding(tests: IndexFacts['tests']): string | null {
  if (!tests) return null
  if (tests.outcome === 'passed') return 'The team’s tests passed.'
  if (tests.outcome === 'failed') return 'The team’s tests failed.'
  return `The team’s tests could not run: ${tests.couldNotRun ?? 'they did not finish.'} Getting them to run here is worth asking the team about.`
}

function timeFinding(steps: LatestHour['steps'], total: number, timebox: number): string {
  const worked = steps.filter((step) => step.minutes > 0)
  if (worked.length === 0) return 'No step was timed in this hour.'
  const over = [...steps].sort((a, b) => b.minutes - b.timeboxMinutes - (a.minutes - a.timeboxMinutes))[0]
  const overBy = over ? Math.round(over.minutes - over.timeboxMinutes) : 0
  const most = [...steps].sort((a, b) => b.minutes - a.minutes)[0]
  const head = `The hour took ${Math.round(total)} of its ${timebox} minutes`
  if (over && overBy >= 2) return `${head}; ${STEP_NAMES[over.step]} ran ${overBy} min over its ${over.timeboxMinutes}-minute timebox.`
  return `${head}; every step fit its timebox${most ? `, and ${STEP_NAMES[most.step]} took the most (${Math.round(most.minutes)} min)` : ''}.`
}

function effortFinding(
  estimate: number | null,
  actual: number | null,
  ratio: number | null,
  earlier: readonly IndexedEntry[],
): string | null {
  if (estimate === null && actual === null) return null
  if (estimate === null)
    return `The small change took ${Math.round(actual ?? 0)} min; no estimate was written down first, so there is nothing to compare it with.`
  if (actual === null || ratio === null || actual < 1)
    return `You estimated the small change at ${estimate} min; its actual time was not recorded.`
  const how =
    ratio > 1.1
      ? `${ratio.toFixed(1)}× your estimate`
      : ratio < 0.9
        ? `less than your estimate (${ratio.toFixed(1)}×)`
        : 'about what you estimated'
  const before = median(
    earlier.flatMap((entry) => {
      const effort = entry.summary.effort
      return effort.estimateMinutes && effort.actualMinutes !== null ? [effort.actualMinutes / effort.estimateMinutes] : []
    }),
  )
  const trend =
    before === null
      ? ' Each hour adds a point, so you can see whether your estimates get closer.'
      : ` Before this hour your changes took ${before.toFixed(1)}× your estimates (median).`
  return `The small change took ${Math.round(actual)} min against your ${estimate} min estimate: ${how}.${trend}`
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
