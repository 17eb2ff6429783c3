// Where the leader has been in a repository, from the session records alone: files opened in the
// viewer, cited in the walkthrough (Claude's, whichever record was kept) and touched by the change,
// counted per hour. Pure and bounded: the newest MAX_HOURS hours, MAX_DIFF_CHARS of each diff and
// MAX_ALL_DIFF_CHARS of all of them (so a call stays well under a second on the backend's loop),
// MAX_PATHS files. Recording a viewer opening is here too: paths only, each once, the newest kept.
import type { PathVisit, RepoVisits, Session } from '../../../shared/models/sessions.ts'
import { parseDiff } from '../../../shared/diff/unified-diff.ts'

const MAX_HOURS = 200
const MAX_DIFF_CHARS = 500_000
const MAX_ALL_DIFF_CHARS = 4_000_000
const MAX_PATHS = 5_000
const MAX_VIEWED = 500

/** The session with one more file opened in the viewer; null when it was already listed. */
export function withViewed(session: Session, path: string): Session | null {
  const explore = session.steps.explore
  const viewed = explore.payload.viewed ?? []
  const clean = path.replace(/^\.?\/+/, '')
  if (!clean || viewed.includes(clean)) return null
  const payload = { ...explore.payload, viewed: [...viewed, clean].slice(-MAX_VIEWED) }
  return { ...session, steps: { ...session.steps, explore: { ...explore, payload } } }
}

/** The files one hour went to: read (viewer), cited (walkthrough) and changed (the diff). */
export function hourPaths(session: Session, diffChars = MAX_DIFF_CHARS): { read: Set<string>; cited: Set<string>; changed: Set<string> } {
  const { explore, change } = session.steps
  const cited = new Set<string>()
  for (const citation of [...explore.payload.citations, ...(explore.payload.coach?.citations ?? [])]) cited.add(citation.path)
  const changed = new Set<string>()
  for (const line of parseDiff(change.payload.diff.slice(0, Math.min(diffChars, MAX_DIFF_CHARS))))
    if (line.kind === 'file' && line.path) changed.add(line.path)
  return { read: new Set(explore.payload.viewed ?? []), cited, changed }
}

export function repoVisits(sessions: readonly Session[], repoId: string): RepoVisits {
  const hours = sessions
    .filter((session) => session.repo.id === repoId && session.status !== 'abandoned')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const read = hours.slice(0, MAX_HOURS)
  const counts = new Map<string, { read: number; cited: number; changed: number }>()
  const bump = (path: string, kind: 'read' | 'cited' | 'changed') => {
    const count = counts.get(path) ?? { read: 0, cited: 0, changed: 0 }
    count[kind] += 1
    counts.set(path, count)
  }
  let diffBudget = MAX_ALL_DIFF_CHARS
  let cut = false
  for (const session of read) {
    const paths = hourPaths(session, diffBudget)
    const diffLength = Math.min(session.steps.change.payload.diff.length, MAX_DIFF_CHARS)
    if (diffLength > diffBudget) cut = true
    diffBudget = Math.max(0, diffBudget - diffLength)
    for (const path of paths.read) bump(path, 'read')
    for (const path of paths.cited) bump(path, 'cited')
    for (const path of paths.changed) bump(path, 'changed')
  }
  const all: PathVisit[] = [...counts].map(([path, count]) => ({ path, ...count }))
  all.sort((a, b) => b.read + b.cited + b.changed - (a.read + a.cited + a.changed) || a.path.localeCompare(b.path))
  return {
    repoId,
    hours: read.length,
    from: read.at(-1)?.createdAt.slice(0, 10) ?? null,
    to: read[0]?.createdAt.slice(0, 10) ?? null,
    paths: all.slice(0, MAX_PATHS),
    truncated: cut || hours.length > read.length || all.length > MAX_PATHS,
  }
}
