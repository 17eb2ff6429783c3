// One revision of a repository for everything a call reads of it (the packed context, the coach's
// tools, the viewer, both citation checks): the root, the commit, and the tracked paths that were
// dirty when the snapshot was taken. A path the snapshot holds clean is read at the commit (so a later
// edit does not change what was read or how it is checked); a dirty one, or one the commit lacks, from
// the working tree; every read says which it was. Read-only; the caller confines working-tree paths.
import { lstat, readFile, readlink } from 'node:fs/promises'
import git from 'isomorphic-git'
import { readHead } from './head-ref.ts'
import { readPathAtCommit } from './read-at-commit.ts'
import type { GitRepo } from './repository.ts'

export interface RepoSnapshot {
  /** The working tree's root. */
  readonly root: string
  /** The commit clean paths are read at; null before the first commit (everything is the working tree's). */
  readonly commit: string | null
  /** Tracked paths whose working-tree content was not the commit's when the snapshot was taken. */
  readonly dirty: ReadonlySet<string>
}

/** Where a read came from: the snapshot's commit, or the working tree (the leader's uncommitted edits). */
export type ReadSide = 'commit' | 'working tree'

export type SnapshotRead =
  { readonly kind: 'file'; readonly content: Uint8Array; readonly side: ReadSide } | { readonly kind: 'folder'; readonly side: ReadSide }

/** The working tree as it is, with no commit to read at (the small change's agent reads what it edits). */
export function workingTreeSnapshot(root: string): RepoSnapshot {
  return { root, commit: null, dirty: new Set() }
}

/** The side a read of `path` takes. */
export function sideOf(snapshot: RepoSnapshot, path: string): ReadSide {
  return snapshot.commit === null || snapshot.dirty.has(path) ? 'working tree' : 'commit'
}

/**
 * What `path` holds in the snapshot: at the commit when the snapshot holds it clean and the commit has
 * it, else what the working tree holds at `absolute` (the caller's confined path); null when neither
 * has it. A repository that cannot answer for a clean path throws the mapped error.
 */
export async function readInSnapshot(repo: GitRepo, snapshot: RepoSnapshot, path: string, absolute: string): Promise<SnapshotRead | null> {
  if (snapshot.commit !== null && sideOf(snapshot, path) === 'commit') {
    const committed = await readPathAtCommit(repo, snapshot.commit, path)
    if (committed?.kind === 'file') return { kind: 'file', content: committed.content, side: 'commit' }
    if (committed?.kind === 'folder') return { kind: 'folder', side: 'commit' }
  }
  const info = await lstat(absolute).catch(() => null)
  if (!info) return null
  if (info.isDirectory()) return { kind: 'folder', side: 'working tree' }
  return { kind: 'file', content: await readFile(absolute), side: 'working tree' }
}

/**
 * The repository as it is now, for a call that has no scan to go by: HEAD's commit (or `commit` when
 * the call names one), and of `paths` those whose working-tree content is not that commit's (hashed
 * as git would; a link by its target).
 */
export async function snapshotNow(repo: GitRepo, paths: readonly string[], commit?: string | null): Promise<RepoSnapshot> {
  const at = commit ?? (await readHead(repo).catch(() => null))?.commit ?? null
  const dirty = new Set<string>()
  if (at !== null) {
    for (const path of new Set(paths)) {
      const committed = await readPathAtCommit(repo, at, path).catch(() => null)
      if (committed?.kind === 'folder') continue
      const onDisk = await blobIdOnDisk(`${repo.root}/${path}`)
      if (onDisk === null ? committed !== null : committed === null || onDisk !== (await git.hashBlob({ object: committed.content })).oid)
        dirty.add(path)
    }
  }
  return { root: repo.root, commit: at, dirty }
}

async function blobIdOnDisk(absolute: string): Promise<string | null> {
  const info = await lstat(absolute).catch(() => null)
  if (!info || info.isDirectory()) return null
  const content = info.isSymbolicLink() ? Buffer.from(await readlink(absolute)) : await readFile(absolute)
  return (await git.hashBlob({ object: content })).oid
}

/** How a read is named to Claude and the leader: `1a2b3c4d5e6f`, `1a2b3c4d5e6f + working tree`, or `working tree`. */
export function revisionLabel(commit: string | null, side: ReadSide): string {
  if (commit === null) return 'working tree'
  return side === 'commit' ? commit.slice(0, 12) : `${commit.slice(0, 12)} + working tree`
}
