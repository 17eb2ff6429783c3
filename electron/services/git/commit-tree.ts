// The tree a commit points at, read through the handle's object reader. Read-only; a commit that is
// missing or not a commit throws isomorphic-git's error (mapped by whoever reports it).
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'
import { isomorphicCacheOf, objectsOf, type GitRepo } from './repository.ts'

export async function treeOfCommit(repo: GitRepo, commit: string): Promise<string> {
  const parsed = await objectsOf(repo).commit(commit)
  if (parsed) return parsed.tree
  return (await git.readCommit({ fs: gitFs, gitdir: repo.commondir, oid: commit, cache: isomorphicCacheOf(repo) })).commit.tree
}
