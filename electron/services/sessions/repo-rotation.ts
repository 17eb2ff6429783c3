// Which repository an hour goes into: the one the leader has not been in for longest, so the hours
// rotate between teams week by week — never visited first (in the order added), then the oldest last
// visit. A visit is an hour started there and not abandoned (an hour abandoned at once does not move
// the rotation on). A week that already has an hour keeps its repository. Pure.
import type { RepoChoice, Session } from '../../../shared/models/sessions.ts'

export interface ListedRepo {
  readonly id: string
  readonly name: string
  readonly path: string
  /** ISO time the repository was added; when present it decides the order among those never visited. */
  readonly addedAt?: string
  /** A removed repository keeps its place in history but is no longer visited. */
  readonly removed?: boolean
}

/** The repositories to choose from, the rotation's pick first, each with when it was last visited. */
export function repoRotation(repos: readonly ListedRepo[], sessions: readonly Session[]): RepoChoice[] {
  const lastVisit = new Map<string, string>()
  for (const session of sessions) {
    if (session.status === 'abandoned') continue
    const seen = lastVisit.get(session.repo.id)
    if (seen === undefined || seen < session.createdAt) lastVisit.set(session.repo.id, session.createdAt)
  }
  const visitable = repos
    .map((repo, index) => ({ repo, index }))
    .filter(({ repo }) => repo.removed !== true)
    .sort((a, b) => byAdded(a.repo, b.repo) || a.index - b.index)
  return visitable
    .map(({ repo }, order) => ({ repo, order, last: lastVisit.get(repo.id) ?? null }))
    .sort((a, b) => (a.last === b.last ? a.order - b.order : a.last === null ? -1 : b.last === null ? 1 : a.last < b.last ? -1 : 1))
    .map(({ repo, last }) => ({ id: repo.id, name: repo.name, path: repo.path, lastVisitedAt: last }))
}

/** The repository of a week's hour: the one it already has (the latest not abandoned), else the rotation's pick. */
export function repoOfWeek(
  programmeWeek: number,
  rotation: readonly RepoChoice[],
  sessions: readonly Session[],
): { id: string; name: string; path: string } | null {
  const held = sessions.filter((session) => session.programmeWeek === programmeWeek && session.status !== 'abandoned').at(-1)
  if (held) return { id: held.repo.id, name: held.repo.name, path: held.repo.path }
  const first = rotation[0]
  return first ? { id: first.id, name: first.name, path: first.path } : null
}

function byAdded(a: ListedRepo, b: ListedRepo): number {
  return a.addedAt && b.addedAt ? a.addedAt.localeCompare(b.addedAt) : 0
}
