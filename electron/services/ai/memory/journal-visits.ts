// Wires the coach's memory to the journal and git: the leader's past sessions on a repository (newest
// first, at most three), the commits made since the last one, and which of the files those sessions
// looked at or changed differ now. Read-only; anything it cannot read it leaves out, never throws.
import type { JournalSessionRecord } from '../../../../shared/models/journal.ts'
import { commitsSince, fileChangedBetween, withRepository, type GitRepo } from '../../git/git-layer.ts'
import { changedFiles, lookedAt } from './memory-note.ts'
import type { PastVisits, PastVisitsSource, SinceLastVisit } from './past-visits.ts'

export interface JournalVisitsPorts {
  /** The repository's past sessions, newest first. */
  readonly sessionsOn: (repoId: string, limit: number, signal: AbortSignal) => Promise<readonly JournalSessionRecord[]>
  /** Where the repository is now. */
  readonly repoPath: (repoId: string) => Promise<string | undefined>
}

const FULL_SHA = /^[0-9a-f]{40}$/i

async function sinceLastVisit(
  repo: GitRepo,
  sessions: readonly JournalSessionRecord[],
  signal: AbortSignal,
): Promise<SinceLastVisit | null> {
  const last = sessions[0]!
  if (!FULL_SHA.test(last.repository.commit)) return null
  const since = await commitsSince(repo, last.repository.commit)
  if (!since) return null
  const paths = [...new Set(sessions.flatMap((record) => [...changedFiles(record), ...lookedAt(record)]))]
  const changedPaths: string[] = []
  if (since.commits.length > 0) {
    for (const file of paths) {
      signal.throwIfAborted()
      if ((await fileChangedBetween(repo, file, last.repository.commit, since.head).catch(() => null)) === true) changedPaths.push(file)
    }
  }
  return { fromCommit: last.repository.commit, toCommit: since.head, commits: since.commits, truncated: since.truncated, changedPaths }
}

export function journalVisits(ports: JournalVisitsPorts): PastVisitsSource {
  return async (repoId, signal) => {
    const sessions = await ports.sessionsOn(repoId, 3, signal).catch(() => [] as readonly JournalSessionRecord[])
    if (sessions.length === 0) return null
    const path = (await ports.repoPath(repoId).catch(() => undefined)) ?? sessions[0]!.repository.path
    const since = await withRepository(path, (repo) => sinceLastVisit(repo, sessions, signal)).catch(() => null)
    const visits: PastVisits = { sessions, since }
    return visits
  }
}
