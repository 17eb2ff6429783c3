// What a tree holds at a path, by id, for comparing two commits' versions of a file without reading
// the file: a blob's id, `tree:<id>` for a folder, null when nothing is there, undefined when a tree on
// the way cannot be read. Read-only.
import type { GitRepo } from './repository.ts'
import { isTreeMode, pathNames, readTree } from './tree-edit.ts'

export async function objectAtPath(repo: GitRepo, tree: string, path: string): Promise<string | null | undefined> {
  const names = pathNames(
    path
      .split('/')
      .filter((part) => part !== '.')
      .join('/'),
  )
  let oid = tree
  for (const [index, name] of names.entries()) {
    const entries = await readTree(repo, oid).catch(() => undefined)
    if (entries === undefined) return undefined
    const entry = entries.find((candidate) => candidate.name.equals(name))
    if (!entry) return null
    const folder = isTreeMode(entry.mode)
    if (index === names.length - 1) return folder ? `tree:${entry.oid}` : entry.oid
    if (!folder) return null
    oid = entry.oid
  }
  return null
}
