// Clean/dirty state of a working tree without isomorphic-git's statusMatrix (which hashes every file):
// compares the index's stat data with the files on disk, hashes only the files whose stat changed,
// compares the index with HEAD's tree for staged changes, and walks folders for untracked files.
// Read-only. Also yields a digest of the tracked files' stat data, the scan cache's working-tree key.
import * as fs from 'node:fs'
import { createHash } from 'node:crypto'
import { readFile, readdir, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import type { ChangedFile } from '../../../../shared/models/repos.ts'
import { MODE_GITLINK, MODE_SYMLINK, type IndexEntry } from './index-entries.ts'

export interface WorkingState {
  readonly changed: readonly ChangedFile[]
  readonly truncated: boolean
  /** Changes to tracked content (untracked files do not change what a scan sees). */
  readonly trackedDirty: boolean
  /** sha1 over the tracked files' size and mtime: changes whenever a tracked file may have. */
  readonly digest: string
}

export interface WorkingStateInput {
  readonly root: string
  readonly gitdir: string
  readonly entries: readonly IndexEntry[]
  /** HEAD's tree flattened (path → blob id), or null when there are no commits. */
  readonly headFiles: ReadonlyMap<string, string> | null
  readonly limit?: number
  readonly untracked?: boolean
  readonly signal?: AbortSignal
}

export async function readWorkingState(input: WorkingStateInput): Promise<WorkingState> {
  const limit = input.limit ?? 200
  const changed: ChangedFile[] = []
  const hash = createHash('sha1')
  let total = 0
  const note = (file: ChangedFile) => {
    total += 1
    if (changed.length < limit) changed.push(file)
  }
  for (const [i, entry] of input.entries.entries()) {
    // Synchronous lstat is many times faster than the promise one for thousands of files; the event
    // loop still turns every few hundred.
    if (i % 500 === 0) {
      input.signal?.throwIfAborted()
      if (i > 0) await new Promise((resolve) => setImmediate(resolve))
    }
    if (entry.mode === MODE_GITLINK) continue
    const absolute = join(input.root, entry.path)
    const info = lstatOrNull(absolute)
    hash.update(`${entry.path}\0${info ? `${info.size}:${info.mtimeMs}:${info.ino}` : '-'}\n`)
    if (info === null) {
      note({ path: entry.path, change: 'deleted' })
    } else if (Math.floor(info.mtimeMs / 1000) !== entry.mtimeSeconds || info.size !== entry.size) {
      if ((await blobIdOnDisk(absolute, entry.mode)) !== entry.oid) note({ path: entry.path, change: 'modified' })
    }
  }
  if (input.headFiles) {
    const inIndex = new Set<string>()
    for (const entry of input.entries) {
      inIndex.add(entry.path)
      const headOid = input.headFiles.get(entry.path)
      if (headOid === undefined) note({ path: entry.path, change: 'added' })
      else if (headOid !== entry.oid && !changed.some((file) => file.path === entry.path)) {
        note({ path: entry.path, change: 'modified' })
      }
    }
    for (const path of input.headFiles.keys()) if (!inIndex.has(path)) note({ path, change: 'deleted' })
  }
  const trackedDirty = total > 0
  if (input.untracked ?? true) {
    for (const path of await findUntracked(input, limit)) note({ path, change: 'untracked' })
  }
  return { changed, truncated: total > changed.length, trackedDirty, digest: hash.digest('hex') }
}

function lstatOrNull(path: string): fs.Stats | null {
  try {
    return fs.lstatSync(path, { throwIfNoEntry: false }) ?? null
  } catch {
    return null
  }
}

async function blobIdOnDisk(absolute: string, mode: number): Promise<string | null> {
  try {
    const content = mode === MODE_SYMLINK ? Buffer.from(await readlink(absolute)) : await readFile(absolute)
    return (await git.hashBlob({ object: content })).oid
  } catch {
    return null
  }
}

/** Untracked, non-ignored files and folders (a folder with nothing tracked is listed once, as git does). */
async function findUntracked(input: WorkingStateInput, limit: number): Promise<string[]> {
  const tracked = new Set<string>()
  const trackedFolders = new Set<string>([''])
  for (const entry of input.entries) {
    tracked.add(entry.path)
    for (let slash = entry.path.indexOf('/'); slash !== -1; slash = entry.path.indexOf('/', slash + 1)) {
      trackedFolders.add(entry.path.slice(0, slash))
    }
  }
  const found: string[] = []
  const pending = ['']
  let visited = 0
  while (pending.length > 0 && found.length < limit && visited < 5_000) {
    input.signal?.throwIfAborted()
    const folder = pending.pop() ?? ''
    visited += 1
    const children = await readdir(join(input.root, folder), { withFileTypes: true }).catch(() => [])
    for (const child of children) {
      const path = folder === '' ? child.name : `${folder}/${child.name}`
      if (path === '.git' || tracked.has(path)) continue
      if (child.isDirectory() && trackedFolders.has(path)) {
        pending.push(path)
        continue
      }
      const ignored = await git
        .isIgnored({ fs, dir: input.root, gitdir: input.gitdir, filepath: child.isDirectory() ? `${path}/` : path })
        .catch(() => false)
      if (!ignored) found.push(child.isDirectory() ? `${path}/` : path)
      if (found.length >= limit) break
    }
  }
  return found
}
