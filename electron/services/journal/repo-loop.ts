// The developer loop of each repository over the weeks, from the journal's index alone: how long the
// tests took to first run and to first go green, the setup they needed, the suite's duration and the
// flaky tests, week by week, beside the friction the leader tagged there. A week with nothing
// measured shows nothing (null), never 0. Pure over the index entries.
import type { RepoLoopCard, RepoLoopWeek } from '../../../shared/models/journal.ts'
import type { IndexedEntry } from './index-entry.ts'
import { median } from './journal-stats.ts'
import { plural } from '../../../shared/plural.ts'

/** The newest weeks a card shows. */
const MAX_WEEKS = 26

export function repoLoopCards(entries: readonly IndexedEntry[]): RepoLoopCard[] {
  const byRepo = new Map<string, IndexedEntry[]>()
  for (const entry of entries) byRepo.set(entry.summary.repository.id, [...(byRepo.get(entry.summary.repository.id) ?? []), entry])
  return [...byRepo.values()].map(cardOf).sort((a, b) => b.sessions - a.sessions || a.repositoryName.localeCompare(b.repositoryName))
}

function cardOf(list: readonly IndexedEntry[]): RepoLoopCard {
  const newestName = [...list].sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt))[0]!.summary.repository
  const byWeek = new Map<string, IndexedEntry[]>()
  for (const entry of list) byWeek.set(entry.summary.isoWeek, [...(byWeek.get(entry.summary.isoWeek) ?? []), entry])
  const weeks = [...byWeek]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-MAX_WEEKS)
    .map(([isoWeek, hours]) => weekOf(isoWeek, hours))
  return {
    repositoryId: newestName.id,
    repositoryName: newestName.name,
    sessions: list.length,
    weeks,
    summary: summaryOf(weeks),
  }
}

function weekOf(isoWeek: string, hours: readonly IndexedEntry[]): RepoLoopWeek {
  const figures = (pick: (entry: IndexedEntry) => number | undefined) =>
    median(hours.map(pick).filter((value): value is number => value !== undefined))
  const setups = hours.map((entry) => entry.facts.loop?.setup).filter((steps) => steps !== undefined)
  return {
    isoWeek,
    sessions: hours.length,
    firstTestRunMinutes: figures((entry) => entry.facts.loop?.firstTestRunMinutes),
    firstGreenMinutes: figures((entry) => entry.facts.loop?.firstGreenMinutes),
    suiteSeconds: figures((entry) => entry.facts.loop?.suiteSeconds),
    setupSteps: setups.length ? setups.reduce((sum, steps) => sum + steps.length, 0) : null,
    setupFailed: setups.length ? setups.reduce((sum, steps) => sum + steps.filter((step) => !step.ok).length, 0) : null,
    flaky: [...new Set(hours.flatMap((entry) => entry.facts.loop?.flaky ?? []))],
    frictionTags: [...new Set(hours.flatMap((entry) => entry.summary.frictionTags))],
  }
}

const minutesText = (value: number) => (value < 1 ? 'under a minute' : `${Math.round(value)} min`)

/** "Tests first went green 40 min into the change in 2026-W10, and 5 min in 2026-W20." */
function summaryOf(weeks: readonly RepoLoopWeek[]): string {
  const green = weeks.filter((week) => week.firstGreenMinutes !== null)
  const ran = weeks.filter((week) => week.firstTestRunMinutes !== null)
  const flaky = new Set(weeks.flatMap((week) => week.flaky))
  const flakyText = flaky.size ? ` ${plural(flaky.size, 'test')} failed and then passed unchanged on a rerun.` : ''
  const [first, last] = [green[0], green.at(-1)]
  if (first && last && first !== last)
    return `Tests first went green ${minutesText(first.firstGreenMinutes!)} into the change in ${first.isoWeek}, and ${minutesText(last.firstGreenMinutes!)} in ${last.isoWeek}.${flakyText}`
  if (first) return `Tests first went green ${minutesText(first.firstGreenMinutes!)} into the change in ${first.isoWeek}.${flakyText}`
  if (ran[0])
    return `Tests first ran ${minutesText(ran[0].firstTestRunMinutes!)} into the change in ${ran[0].isoWeek}, and have not gone green in an hour here yet.${flakyText}`
  return 'No test run has been measured in this repository yet.'
}
