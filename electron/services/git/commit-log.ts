// The newest commits reachable from a commit, newest first, each with its committer date and subject
// line (what the coach's "since then" line shows). Read-only; a commit that cannot be read throws.
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'

export interface LoggedCommit {
  readonly oid: string
  /** Committer time, in seconds since 1970. */
  readonly committedAt: number
  readonly message: string
}

/** At most `depth` commits from `from` (included), following first and later parents as git log does. */
export async function commitLog(commondir: string, from: string, depth: number): Promise<LoggedCommit[]> {
  const entries = await git.log({ fs: gitFs, gitdir: commondir, ref: from, depth })
  return entries.map((entry) => ({ oid: entry.oid, committedAt: entry.commit.committer.timestamp, message: entry.commit.message }))
}

/** Whether the repository holds `commit` as a commit. */
export async function hasCommit(commondir: string, commit: string): Promise<boolean> {
  return git.readCommit({ fs: gitFs, gitdir: commondir, oid: commit }).then(
    () => true,
    () => false,
  )
}
