// HEAD's commit and its tree flattened to path → object id, read through the handle's object reader
// (no whole-pack loads). Read-only. A tree that cannot be read is reported, not thrown: the rest of the
// tree is still listed.
import { readHead } from './head-ref.ts'
import { objectsOf, type GitRepo } from './repository.ts'

export interface TreeFiles {
  readonly files: Map<string, string>
  readonly unreadable: readonly string[]
}

export async function readTreeFiles(repo: GitRepo, treeOid: string, signal?: AbortSignal): Promise<TreeFiles> {
  const files = new Map<string, string>()
  const unreadable: string[] = []
  const pending: { oid: string; prefix: string }[] = [{ oid: treeOid, prefix: '' }]
  const objects = objectsOf(repo)
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
  return { files, unreadable }
}

/** The paths of a commit's files, in git's order; throws when the commit cannot be read (a tree that cannot is left out). */
export async function filesAtCommit(repo: GitRepo, commit: string): Promise<string[]> {
  const parsed = await objectsOf(repo).commit(commit)
  if (parsed === null) throw new Error(`the commit ${commit.slice(0, 12)} is missing or damaged`)
  return [...(await readTreeFiles(repo, parsed.tree)).files.keys()].sort()
}

/** HEAD's commit id and tree id, or null when the repository has no commits yet. */
export async function resolveHead(repo: GitRepo): Promise<{ commit: string; tree: string } | null> {
  const commit = (await readHead(repo).catch(() => null))?.commit ?? null
  if (commit === null) return null
  const parsed = await objectsOf(repo).commit(commit)
  if (parsed === null) throw new Error(`the HEAD commit ${commit.slice(0, 12)} is missing or damaged`)
  return { commit, tree: parsed.tree }
}
