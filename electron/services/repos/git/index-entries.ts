// The tracked files of a repository, read straight from the git index (fast: one file, no tree walk).
// Read-only: never writes the index. Falls back to HEAD's tree when the index is missing or unreadable.
import * as fs from 'node:fs'
import git from 'isomorphic-git'
import { GitIndexManager } from 'isomorphic-git/managers'
import { FileSystem } from 'isomorphic-git/models'

export interface IndexEntry {
  readonly path: string
  readonly oid: string
  /** git file mode: 0o100644, 0o100755, 0o120000 (symlink), 0o160000 (submodule gitlink). */
  readonly mode: number
  readonly size: number
  readonly mtimeSeconds: number
  readonly mtimeNanoseconds: number
  readonly ino: number
}

export const MODE_SYMLINK = 0o120000
export const MODE_GITLINK = 0o160000

interface RawIndexEntry {
  path: string
  oid: string
  mode: number
  size: number
  mtimeSeconds: number
  mtimeNanoseconds: number
  ino: number
}

/**
 * Lists index entries. `cache` is the one isomorphic-git cache object shared by the whole scan.
 * Answers source 'tree' when the index could not be read and HEAD's tree was used instead.
 */
export async function readIndexEntries(
  dir: string,
  gitdir: string,
  cache: object,
): Promise<{ entries: IndexEntry[]; source: 'index' | 'tree'; problem: string | null }> {
  try {
    const entries = (await GitIndexManager.acquire(
      { fs: new FileSystem(fs), gitdir, cache },
      async (index) => (index.entries as RawIndexEntry[]).map(toEntry),
    )) as IndexEntry[]
    return { entries, source: 'index', problem: null }
  } catch (error) {
    const problem = `The git index could not be read (${(error as Error).message}); files were listed from HEAD instead.`
    const files = await git.listFiles({ fs, dir, gitdir, ref: 'HEAD', cache }).catch(() => [] as string[])
    return {
      entries: files.map((path) => ({ path, oid: '', mode: 0o100644, size: -1, mtimeSeconds: 0, mtimeNanoseconds: 0, ino: 0 })),
      source: 'tree',
      problem,
    }
  }
}

function toEntry(raw: RawIndexEntry): IndexEntry {
  return {
    path: raw.path,
    oid: raw.oid,
    mode: raw.mode,
    size: raw.size,
    mtimeSeconds: raw.mtimeSeconds,
    mtimeNanoseconds: raw.mtimeNanoseconds,
    ino: raw.ino,
  }
}
