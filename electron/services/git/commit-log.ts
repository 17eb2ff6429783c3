// The newest commits reachable from a commit, newest first, each with its committer date and subject
// line (what the coach's "since then" line shows). Read-only; a commit that cannot be read throws.
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'
import { isomorphicCacheOf, objectsOf, type GitRepo } from './repository.ts'

export interface LoggedCommit {
  readonly oid: string
  /** Committer time, in seconds since 1970. */
  readonly committedAt: number
  readonly message: string
}

/** At most `depth` commits from `from` (included), following first and later parents as git log does. */
export async function commitLog(repo: GitRepo, from: string, depth: number): Promise<LoggedCommit[]> {
  const entries = await git.log({ fs: gitFs, gitdir: repo.commondir, ref: from, depth, cache: isomorphicCacheOf(repo) })
  return entries.map((entry) => ({ oid: entry.oid, committedAt: entry.commit.committer.timestamp, message: entry.commit.message }))
}

/** Whether the repository holds `commit` as a commit. */
export async function hasCommit(repo: GitRepo, commit: string): Promise<boolean> {
  if ((await objectsOf(repo).commit(commit)) !== null) return true
  return git.readCommit({ fs: gitFs, gitdir: repo.commondir, oid: commit, cache: isomorphicCacheOf(repo) }).then(
    () => true,
    () => false,
  )
}
