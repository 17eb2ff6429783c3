// Puts paths into the index as git would after writing them to the working tree: each one's blob and
// mode with the file's stat data (so git sees it unchanged without reading it again), or removes it.
// When the file on disk is not that blob (the leader's own edit), its stat data is left empty so git
// looks at the file again and shows the edit. Conflict stages at those paths are cleared. Every
// other entry keeps its exact bytes.
import { lstat, readFile, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import type { GitRepo } from './repository.ts'
import type { GitIndexEntry } from './index-file.ts'
import { updateIndex, withEntries } from './index-lock.ts'
import type { LockOptions } from './lock-file.ts'
import type { BlobRef } from './tree-edit.ts'

const NS = 1_000_000_000n
const EMPTY_STAT = {
  ctimeSeconds: 0,
  ctimeNanoseconds: 0,
  mtimeSeconds: 0,
  mtimeNanoseconds: 0,
  dev: 0,
  ino: 0,
  uid: 0,
  gid: 0,
  size: 0,
  stage: 0,
  assumeValid: false,
  skipWorktree: false,
  intentToAdd: false,
}
const U32 = 0xffffffffn

/** The index entry for `path` (repository-relative, slash-separated) as it is on disk now. */
export async function entryFromDisk(root: string, path: string, blob: BlobRef): Promise<GitIndexEntry> {
  const absolute = join(root, ...path.split('/'))
  const info = await lstat(absolute, { bigint: true }).catch(() => null)
  const content =
    !info || blob.mode === '160000' ? null : info.isSymbolicLink() ? Buffer.from(await readlink(absolute)) : await readFile(absolute)
  const same = blob.mode === '160000' || (content !== null && (await git.hashBlob({ object: content })).oid === blob.oid)
  if (!info || !same) return { ...EMPTY_STAT, path: Buffer.from(path, 'utf8'), mode: Number.parseInt(blob.mode, 8), oid: blob.oid }
  return {
    path: Buffer.from(path, 'utf8'),
    ctimeSeconds: Number(info.ctimeNs / NS),
    ctimeNanoseconds: Number(info.ctimeNs % NS),
    mtimeSeconds: Number(info.mtimeNs / NS),
    mtimeNanoseconds: Number(info.mtimeNs % NS),
    dev: Number(info.dev & U32),
    ino: Number(info.ino & U32),
    mode: Number.parseInt(blob.mode, 8),
    uid: Number(info.uid & U32),
    gid: Number(info.gid & U32),
    size: Number(info.size & U32),
    oid: blob.oid,
    stage: 0,
    assumeValid: false,
    skipWorktree: false,
    intentToAdd: false,
  }
}

/** Records `changes` (path → its blob, or null: removed) in the index, under git's lock. */
export async function recordInIndex(repo: GitRepo, changes: ReadonlyMap<string, BlobRef | null>, options: LockOptions = {}): Promise<void> {
  const entries: GitIndexEntry[] = []
  for (const [path, blob] of changes) if (blob) entries.push(await entryFromDisk(repo.root, path, blob))
  await updateIndex(
    repo.gitdir,
    (index) =>
      withEntries(
        index,
        [...changes.keys()].map((path) => Buffer.from(path, 'utf8')),
        entries,
      ),
    options,
  )
}
