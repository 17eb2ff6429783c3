// HEAD's commit and its tree flattened to path → object id, read through our own object reader (no
// whole-pack loads). Read-only. A tree that cannot be read is reported, not thrown: the rest of the
// tree is still listed.
import { commonDirOf } from './common-git-dir.ts'
import { GitObjects } from './git-objects.ts'
import { readHead } from './head-ref.ts'

export interface TreeFiles {
  readonly files: Map<string, string>
  readonly unreadable: readonly string[]
}

export async function readTreeFiles(gitdir: string, treeOid: string, cache: object, signal?: AbortSignal): Promise<TreeFiles> {
  const files = new Map<string, string>()
  const unreadable: string[] = []
  const pending: { oid: string; prefix: string }[] = [{ oid: treeOid, prefix: '' }]
  const objects = new GitObjects(gitdir, cache)
  try {
    while (pending.length > 0) {
      signal?.throwIfAborted()
      const next = pending.pop()
      if (!next) break
      const tree = await objects.tree(next.oid)
      if (tree === null) {
        unreadable.push(next.prefix === '' ? next.oid : next.prefix.slice(0, -1))
        continue
      }
      for (const entry of tree) {
        const path = next.prefix + entry.name
        if (entry.isTree) pending.push({ oid: entry.oid, prefix: `${path}/` })
        else files.set(path, entry.oid)
      }
    }
  } finally {
    objects.close()
  }
  return { files, unreadable }
}

/** The paths of a commit's files, in git's order; throws when the commit cannot be read (a tree that cannot is left out). */
export async function filesAtCommit(gitdir: string, commit: string, cache: object): Promise<string[]> {
  const objects = new GitObjects(gitdir, cache)
  let tree: string
  try {
    const parsed = await objects.commit(commit)
    if (parsed === null) throw new Error(`the commit ${commit.slice(0, 12)} is missing or damaged`)
    tree = parsed.tree
  } finally {
    objects.close()
  }
  return [...(await readTreeFiles(gitdir, tree, cache)).files.keys()].sort()
}

/** HEAD's commit id and tree id, or null when the repository has no commits yet. */
export async function resolveHead(gitdir: string, cache: object): Promise<{ commit: string; tree: string } | null> {
  // HEAD is the working tree's own; the branch it names lives in the common directory (linked worktrees).
  const commit = (await readHead({ root: '', gitdir, commondir: await commonDirOf(gitdir) }).catch(() => null))?.commit ?? null
  if (commit === null) return null
  const objects = new GitObjects(gitdir, cache)
  try {
    const parsed = await objects.commit(commit)
    if (parsed === null) throw new Error(`the HEAD commit ${commit.slice(0, 12)} is missing or damaged`)
    return { commit, tree: parsed.tree }
  } finally {
    objects.close()
  }
}
