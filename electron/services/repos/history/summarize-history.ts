// Turns the commits read into what a leader asks about: hot files and modules, who knows which module
// (bus factor), and the weekly cadence. People are merged across spellings and emails (identities.ts);
// bots' commits count towards the cadence but never towards hot spots, ownership or bus factor.
// Pure: no git, no disk.
import type { CommitSummary, ContributorShare, HistorySummary, ModuleHistory } from '../../../../shared/models/repos.ts'
import { identityResolver } from './identities.ts'
import type { CommitRecord } from './read-history.ts'
import { redactCommitText } from '../../secrets/index.ts'

const MAX_CHURN = 200
/** What "recent" churn counts: the commits of the 30 days up to the newest one read. */
const RECENT_SECONDS = 30 * 86_400

export function summarizeHistory(
  commits: readonly CommitRecord[],
  moduleOf: (path: string) => string,
  extra: { truncated: boolean; newlyRead: number; tracked: ReadonlySet<string>; mailmap?: string | null },
): HistorySummary {
  const personOf = identityResolver(
    commits.map((commit) => ({ name: commit.author, email: commit.email })),
    extra.mailmap ?? null,
  )
  const files = new Map<string, { commits: number; authors: Set<string> }>()
  const modules = new Map<string, { commits: number; people: Map<string, ContributorShare> }>()
  const people = new Map<string, ContributorShare>()
  const weeks = new Map<string, number>()
  const newest = commits.reduce((latest, commit) => Math.max(latest, commit.time), 0)
  const since = newest - RECENT_SECONDS
  const recent = new Map<string, number>()
  for (const commit of commits) {
    const week = isoWeek(commit.time)
    weeks.set(week, (weeks.get(week) ?? 0) + 1)
    const person = personOf({ name: commit.author, email: commit.email })
    if (person.bot) continue
    const key = person.key
    bump(people, key, person)
    const touched = new Set<string>()
    for (const path of commit.paths) {
      const stat = files.get(path) ?? { commits: 0, authors: new Set<string>() }
      stat.commits += 1
      stat.authors.add(key)
      files.set(path, stat)
      touched.add(moduleOf(path))
    }
    if (commit.time >= since) for (const id of touched) recent.set(id, (recent.get(id) ?? 0) + 1)
    for (const id of touched) {
      const stat = modules.get(id) ?? { commits: 0, people: new Map<string, ContributorShare>() }
      stat.commits += 1
      bump(stat.people, key, person)
      modules.set(id, stat)
    }
  }
  const churn = [...files]
    .filter(([path]) => extra.tracked.has(path))
    .map(([path, stat]) => ({ path, commits: stat.commits, authors: stat.authors.size }))
    .sort((a, b) => b.commits - a.commits || a.path.localeCompare(b.path))
    .slice(0, MAX_CHURN)
  const moduleHistory: ModuleHistory[] = [...modules]
    .map(([module, stat]) => {
      const contributors = ranked(stat.people)
      return { module, commits: stat.commits, contributors: contributors.slice(0, 5), busFactor: busFactor(contributors, stat.commits) }
    })
    .sort((a, b) => b.commits - a.commits)
  return {
    commitsRead: commits.length,
    truncated: extra.truncated,
    lastCommits: commits.slice(0, 20).map(toSummary),
    churn,
    moduleChurn: moduleHistory.map(({ module, commits: count }) => ({ module, commits: count })),
    ...(commits.length > 0
      ? {
          recentModuleChurn: {
            since: new Date(since * 1000).toISOString(),
            modules: [...recent].map(([module, count]) => ({ module, commits: count })).sort((a, b) => b.commits - a.commits),
          },
        }
      : {}),
    modules: moduleHistory,
    contributors: ranked(people).slice(0, 20),
    cadence: [...weeks].map(([week, count]) => ({ week, commits: count })).sort((a, b) => a.week.localeCompare(b.week)),
    newlyRead: extra.newlyRead,
  }
}

function bump(map: Map<string, ContributorShare>, key: string, person: { name: string; email: string }): void {
  const current = map.get(key)
  map.set(key, { name: person.name, email: current?.email ?? person.email, commits: (current?.commits ?? 0) + 1 })
}

function ranked(map: Map<string, ContributorShare>): ContributorShare[] {
  return [...map.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name))
}

/** The fewest people whose commits make up at least half of the total. */
export function busFactor(contributors: readonly ContributorShare[], total: number): number {
  let sum = 0
  let count = 0
  for (const person of contributors) {
    sum += person.commits
    count += 1
    if (sum * 2 >= total) break
  }
  return count
}

export function toSummary(commit: CommitRecord): CommitSummary {
  return {
    oid: commit.oid,
    author: commit.author,
    email: commit.email,
    date: new Date(commit.time * 1000).toISOString(),
    // A token pasted into a commit message must not reach a view, the context or an export.
    message: redactCommitText(commit.message),
  }
}

/** ISO 8601 week of a UTC timestamp, e.g. 2024-W07. */
export function isoWeek(seconds: number): string {
  const date = new Date(seconds * 1000)
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}
