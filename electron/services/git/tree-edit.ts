// Trees read and written byte for byte: a tree's entries with their names as stored (so a sibling
// named in Latin-1 or NFD keeps its exact bytes and its mode text when a folder is rewritten), a new
// tree from an old one plus changed paths, and the entry at a path (the paths two trees differ at are
// tree-diff.ts's). Reads through the handle's object reader; writes only new objects, never a ref,
// the index or a file.
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'
import { parseRawTree, type RawTreeEntry } from './parse-tree.ts'
import { isomorphicCacheOf, objectsOf, type GitRepo } from './repository.ts'

export interface BlobRef {
  readonly oid: string
  readonly mode: string
}

export const TREE_MODE = '40000'

export function isTreeMode(mode: string): boolean {
  return Number.parseInt(mode, 8) === 0o40000
}

export async function readTree(repo: GitRepo, oid: string): Promise<RawTreeEntry[]> {
  let data = await objectsOf(repo).rawTree(oid)
  if (data === null) {
    // Missing, damaged or not a tree: isomorphic-git's read says which (its error is mapped upstream).
    const { object, type } = await git.readObject({
      fs: gitFs,
      gitdir: repo.commondir,
      oid,
      format: 'content',
      cache: isomorphicCacheOf(repo),
    })
    if (type !== 'tree') throw new Error(`${oid} is a ${type}, not a tree`)
    data = Buffer.from(object as Uint8Array)
  }
  try {
    return parseRawTree(data).map((entry) => ({ ...entry, name: Buffer.from(entry.name) }))
  } catch {
    throw new Error(`the tree ${oid} is damaged`)
  }
}

/** git's tree order: names as bytes, a folder compared as if its name ended with '/'. */
function compareTreeEntries(a: RawTreeEntry, b: RawTreeEntry): number {
  const key = (entry: RawTreeEntry) => (isTreeMode(entry.mode) ? Buffer.concat([entry.name, Buffer.from('/')]) : entry.name)
  return Buffer.compare(key(a), key(b))
}

async function writeTree(repo: GitRepo, entries: readonly RawTreeEntry[]): Promise<string> {
  const parts = [...entries]
    .sort(compareTreeEntries)
    .flatMap((entry) => [Buffer.from(`${entry.mode} `, 'latin1'), entry.name, Buffer.from([0]), Buffer.from(entry.oid, 'hex')])
  return git.writeObject({ fs: gitFs, gitdir: repo.commondir, type: 'tree', object: Buffer.concat(parts), format: 'content' })
}

/** Splits a repository path (slash-separated, as bytes) into its names. */
export function pathNames(path: Buffer | string): Buffer[] {
  const bytes = typeof path === 'string' ? Buffer.from(path, 'utf8') : path
  const names: Buffer[] = []
  for (let at = 0; at <= bytes.length;) {
    const slash = bytes.indexOf(0x2f, at)
    const end = slash < 0 ? bytes.length : slash
    if (end > at) names.push(Buffer.from(bytes.subarray(at, end)))
    at = end + 1
  }
  return names
}

/**
 * The tree `base` (null: empty) with `changes` applied: path → the blob to put there, or null to
 * delete it. Only the folders on the way to a changed path are rewritten.
 */
export async function writeTreeWith(repo: GitRepo, base: string | null, changes: ReadonlyMap<string, BlobRef | null>): Promise<string> {
  const nested = new Map<string, { names: Buffer[]; blob: BlobRef | null }>()
  for (const [path, blob] of changes) nested.set(path, { names: pathNames(path), blob })
  return (await rewrite(repo, base, [...nested.values()])) ?? (await writeTree(repo, []))
}

async function rewrite(
  repo: GitRepo,
  base: string | null,
  changes: readonly { names: Buffer[]; blob: BlobRef | null }[],
): Promise<string | null> {
  const entries = new Map((base ? await readTree(repo, base) : []).map((entry) => [entry.name.toString('latin1'), entry]))
  const below = new Map<string, { name: Buffer; changes: { names: Buffer[]; blob: BlobRef | null }[] }>()
  for (const change of changes) {
    const [first, ...rest] = change.names
    if (!first) continue
    const key = first.toString('latin1')
    if (rest.length === 0) {
      if (change.blob === null) entries.delete(key)
      else entries.set(key, { mode: change.blob.mode, name: first, oid: change.blob.oid })
      continue
    }
    const group = below.get(key) ?? { name: first, changes: [] }
    group.changes.push({ names: rest, blob: change.blob })
    below.set(key, group)
  }
  for (const [key, group] of below) {
    const existing = entries.get(key)
    const subtree = await rewrite(repo, existing && isTreeMode(existing.mode) ? existing.oid : null, group.changes)
    if (subtree === null) entries.delete(key)
    else entries.set(key, { mode: TREE_MODE, name: group.name, oid: subtree })
  }
  return entries.size === 0 ? null : writeTree(repo, [...entries.values()])
}

/** The blob (or submodule, or link) at `path` in the tree, or null when there is none. */
export async function entryAt(repo: GitRepo, tree: string, path: Buffer | string): Promise<BlobRef | null> {
  let current: RawTreeEntry | null = { mode: TREE_MODE, name: Buffer.alloc(0), oid: tree }
  for (const name of pathNames(path)) {
    if (!current || !isTreeMode(current.mode)) return null
    current = (await readTree(repo, current.oid)).find((entry) => entry.name.equals(name)) ?? null
  }
  return current && !isTreeMode(current.mode) ? { oid: current.oid, mode: current.mode } : null
}
