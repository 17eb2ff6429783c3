// Which of the leader's repositories a programme week visits: round-robin over the repositories in
// the order they were added, skipping removed ones. Pure; it never reorders or filters beyond that.

export interface RotationRepo {
  readonly id: string
  /** ISO time the repository was added; when present it decides the order. */
  readonly addedAt?: string
  /** A removed repository keeps its place in history but is no longer visited. */
  readonly removed?: boolean
}

/** The repository for 1-based programme week `programmeWeek`, or null when there is none to visit. */
export function repoForWeek<R extends RotationRepo>(programmeWeek: number, repos: readonly R[]): R | null {
  const visitable = orderAdded(repos).filter((repo) => repo.removed !== true)
  if (visitable.length === 0 || !Number.isFinite(programmeWeek)) return null
  const index = (((Math.trunc(programmeWeek) - 1) % visitable.length) + visitable.length) % visitable.length
  return visitable[index] ?? null
}

function orderAdded<R extends RotationRepo>(repos: readonly R[]): R[] {
  // Array.prototype.sort is stable: repositories without addedAt keep the order they were given in.
  return [...repos].sort((a, b) => (a.addedAt && b.addedAt ? a.addedAt.localeCompare(b.addedAt) : 0))
}
