// HEAD's tree flattened to path → object id, reading each tree object once through the shared cache.
// Read-only. A tree that cannot be read is reported, not thrown: the rest of the tree is still listed.
import * as fs from 'node:fs'
import git from 'isomorphic-git'

export interface TreeFiles {
  readonly files: Map<string, string>
  readonly unreadable: readonly string[]
}

export async function readTreeFiles(
  gitdir: string,
  treeOid: string,
  cache: object,
  signal?: AbortSignal,
): Promise<TreeFiles> {
  const files = new Map<string, string>()
  const unreadable: string[] = []
  const pending: { oid: string; prefix: string }[] = [{ oid: treeOid, prefix: '' }]
  while (pending.length > 0) {
    signal?.throwIfAborted()
    const next = pending.pop()
    if (!next) break
    let tree
    try {
      tree = await git.readTree({ fs, gitdir, oid: next.oid, cache })
    } catch {
      unreadable.push(next.prefix === '' ? next.oid : next.prefix.slice(0, -1))
      continue
    }
    for (const item of tree.tree) {
      const path = next.prefix + item.path
      if (item.type === 'tree') pending.push({ oid: item.oid, prefix: `${path}/` })
      else files.set(path, item.oid)
    }
  }
  return { files, unreadable }
}

/** HEAD's commit id and tree id, or null when the repository has no commits yet. */
export async function resolveHead(
  gitdir: string,
  cache: object,
): Promise<{ commit: string; tree: string } | null> {
  const commit = await git.resolveRef({ fs, gitdir, ref: 'HEAD' }).catch(() => null)
  if (commit === null) return null
  const { commit: object } = await git.readCommit({ fs, gitdir, oid: commit, cache })
  return { commit, tree: object.tree }
}
