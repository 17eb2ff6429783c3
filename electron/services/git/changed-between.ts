// Whether a file (or folder) differs between two commits, by the ids their trees hold at that path:
// no file is read. Read-only; answers null when it cannot tell (a commit or tree it cannot read, or a
// path neither commit has: it was never there to change).
import { treeOfCommit } from './commit-tree.ts'
import { objectAtPath } from './path-in-tree.ts'
import type { GitRepo } from './repository.ts'

export async function fileChangedBetween(repo: GitRepo, path: string, fromCommit: string, toCommit: string): Promise<boolean | null> {
  if (fromCommit === toCommit) return false
  const [fromTree, toTree] = await Promise.all([
    treeOfCommit(repo, fromCommit).catch(() => null),
    treeOfCommit(repo, toCommit).catch(() => null),
  ])
  if (fromTree === null || toTree === null) return null
  const [before, after] = await Promise.all([objectAtPath(repo, fromTree, path), objectAtPath(repo, toTree, path)])
  if (before === undefined || after === undefined) return null
  if (before === null && after === null) return null
  return before !== after
}
