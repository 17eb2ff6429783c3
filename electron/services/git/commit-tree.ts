// The tree a commit points at. Read-only; a commit that is missing or not a commit throws (mapped by
// whoever reports it).
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'

/** `commondir`: the common git directory, where the objects are; `cache`: isomorphic-git's, shared by a run of reads. */
export async function treeOfCommit(commondir: string, commit: string, cache: object = {}): Promise<string> {
  return (await git.readCommit({ fs: gitFs, gitdir: commondir, oid: commit, cache })).commit.tree
}
