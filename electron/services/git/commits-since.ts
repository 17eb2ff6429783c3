// The commits made in a repository since a past session's commit (newest first, at most `limit`), for
// the coach's "since then" line. Read-only; a repository that no longer holds the commit answers null,
// never throws at the caller.
import { commitLog, hasCommit } from './commit-log.ts'
import { readHead } from './head-ref.ts'
import type { GitRepo } from './repository.ts'

export interface CommitLine {
  readonly oid: string
  /** YYYY-MM-DD of the commit (committer date). */
  readonly date: string
  readonly subject: string
}

export interface CommitsSince {
  readonly head: string
  readonly commits: readonly CommitLine[]
  /** True when more commits than `limit` were made since (or the session's commit is older than the walk). */
  readonly truncated: boolean
}

export async function commitsSince(repo: GitRepo, fromCommit: string, limit = 50): Promise<CommitsSince | null> {
  try {
    const head = (await readHead(repo)).commit
    if (head === null) return null
    if (head === fromCommit) return { head, commits: [], truncated: false }
    if (!(await hasCommit(repo, fromCommit))) return null
    const entries = await commitLog(repo, head, limit + 1)
    const until = entries.findIndex((entry) => entry.oid === fromCommit)
    const newer = until === -1 ? entries.slice(0, limit) : entries.slice(0, until)
    return {
      head,
      commits: newer.map((entry) => ({
        oid: entry.oid,
        date: new Date(entry.committedAt * 1000).toISOString().slice(0, 10),
        subject: entry.message.split('\n')[0]!.trim(),
      })),
      truncated: until === -1,
    }
  } catch {
    return null
  }
}
