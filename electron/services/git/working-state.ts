// Clean/dirty state of a working tree without isomorphic-git's statusMatrix (which hashes every file):
// compares the index's stat data with the files on disk, hashes only the files whose stat changed,
// compares the index with HEAD's tree for staged changes, and walks folders for untracked files as
// `git status` shows them: ignored by every source git reads (ignore-rules.ts), never inside an ignored
// folder, an empty folder is no change, and each path once (a file added to the index then deleted is
// one change, as git's one line). By default as status.showUntrackedFiles says: an untracked folder
// once (`normal`: only when it holds a file git would show, or is a repository of its own), every
// untracked file (`all`, what a commit of the folder would hold), or none (`no`). The walk is bounded
// in time, not in folders: when the bound is hit the answer says it is incomplete rather than "clean".
// Paths go to the disk as the bytes git stored and are compared as bytes, so a name that is not UTF-8
// is found as it is (never a phantom deletion); files a sparse checkout leaves out are not missing.
// Read-only. Also yields a digest of the tracked files' stat data, the scan cache's working-tree key.
import * as fs from 'node:fs'
import { createHash } from 'node:crypto'
import { readFile, readdir, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import type { ChangedFile } from '../../../shared/models/repos.ts'
import { readGitConfig, type GitConfigHome } from './git-config.ts'
import { IgnoreRules } from './ignore-rules.ts'
import type { IndexEntry } from './index-entries.ts'
import { MODE_GITLINK, MODE_SYMLINK } from './index-file.ts'
import type { GitRepo } from './repository.ts'

export interface WorkingState {
  readonly changed: readonly ChangedFile[]
  readonly truncated: boolean
  /** Changes to tracked content (untracked files do not change what a scan sees). */
  readonly trackedDirty: boolean
  /** sha1 over the tracked files' size and mtime: changes whenever a tracked file may have. */
  readonly digest: string
  /**
   * False when the untracked walk hit its time bound before it read every folder: an untracked file
   * may be missing from `changed`, so an empty list does not mean clean.
   */
  readonly complete: boolean
}

/** How long the walk for untracked files may take before the answer says it could not tell. */
export const UNTRACKED_WALK_BUDGET_MS = 10_000

export interface WorkingStateInput {
  readonly repo: GitRepo
  readonly entries: readonly IndexEntry[]
  /** HEAD's tree flattened (path → blob id), or null when there are no commits. */
  readonly headFiles: ReadonlyMap<string, string> | null
  readonly limit?: number
  /** False leaves untracked files out (a scan's key needs only the tracked ones). */
  readonly untracked?: boolean
  /**
   * How untracked files are listed: `normal` (a wholly untracked folder once, as `git status`), `all`
   * (each file, as `git status -uall`); by default as the repository's status.showUntrackedFiles says.
   */
  readonly untrackedFiles?: 'normal' | 'all'
  /** The leader's home folder (and XDG_CONFIG_HOME), where git's global config and ignore file are; none reads neither. */
  readonly configHome?: GitConfigHome | null
  /** Untracked paths not to list nor walk into: a file, or a folder written with its `/` (what a test run left). */
  readonly leaveOut?: readonly string[]
  /** The untracked walk's time bound (default UNTRACKED_WALK_BUDGET_MS). */
  readonly untrackedBudgetMs?: number
  readonly signal?: AbortSignal
}

export async function readWorkingState(input: WorkingStateInput): Promise<WorkingState> {
  const limit = input.limit ?? 200
  const root = Buffer.from(`${input.repo.root}/`)
  const changed: ChangedFile[] = []
  const hash = createHash('sha1')
  let total = 0
  const noted = new Set<string>()
  // Each path once: git prints one line for a path staged one way and changed on disk another.
  const note = (file: ChangedFile) => {
    if (noted.has(file.path)) return
    noted.add(file.path)
    total += 1
    if (changed.length < limit) changed.push(file)
  }
  // A file changed in the same instant as the index was written, or after, cannot be told from its stat.
  const indexWritten = lstatOrNull(Buffer.from(join(input.repo.gitdir, 'index')))?.mtimeNs ?? null
  for (const [i, entry] of input.entries.entries()) {
    // Synchronous lstat is many times faster than the promise one for thousands of files; the event
    // loop still turns every few hundred.
    if (i % 500 === 0) {
      input.signal?.throwIfAborted()
      if (i > 0) await new Promise((resolve) => setImmediate(resolve))
    }
    if (entry.mode === MODE_GITLINK || entry.skipWorktree) continue
    const absolute = onDisk(root, entry.rawPath)
    const info = lstatOrNull(absolute)
    hash.update(`${entry.path}\0${info ? `${info.size}:${info.mtimeNs}:${info.ino}` : '-'}\n`)
    if (info === null) {
      note({ path: entry.path, change: 'deleted' })
    } else if (entry.unmerged) {
      note({ path: entry.path, change: 'modified' })
    } else if (statChanged(info, entry, indexWritten)) {
      if ((await blobIdOnDisk(absolute, entry.mode)) !== entry.oid) note({ path: entry.path, change: 'modified' })
    }
  }
  if (input.headFiles) {
    const inIndex = new Set<string>()
    for (const entry of input.entries) {
      inIndex.add(entry.path)
      const headOid = input.headFiles.get(entry.path)
      if (headOid === undefined) note({ path: entry.path, change: 'added' })
      else if (headOid !== entry.oid) note({ path: entry.path, change: 'modified' })
    }
    for (const path of input.headFiles.keys()) if (!inIndex.has(path)) note({ path, change: 'deleted' })
  }
  const trackedDirty = total > 0
  let complete = true
  if (input.untracked ?? true) {
    const dirs = input.repo
    const home = input.configHome ?? null
    const config = await readGitConfig(dirs, home)
    const shown = input.untrackedFiles ?? untrackedSetting(config.get('status.showUntrackedFiles'))
    if (shown !== 'no') {
      // One more than the limit, so a list cut short says so.
      const untracked = await findUntracked(input, limit + 1, shown, await IgnoreRules.load(dirs, config, home))
      for (const path of untracked.paths) note({ path, change: 'untracked' })
      complete = untracked.complete
    }
  }
  return { changed, truncated: total > changed.length, trackedDirty, digest: hash.digest('hex'), complete }
}

/** A repository path as the file system knows it: the root, then the bytes git stored. */
function onDisk(root: Buffer, rawPath: Buffer): Buffer {
  return Buffer.concat([root, rawPath])
}

function lstatOrNull(path: Buffer): fs.BigIntStats | null {
  try {
    return fs.lstatSync(path, { throwIfNoEntry: false, bigint: true }) ?? null
  } catch {
    return null
  }
}

/**
 * Whether the file may differ from its index entry, as git's stat check (then its content decides):
 * size (the index keeps its low 32 bits), mtime to the nanosecond when the index has them, and
 * "racily clean" entries: written no earlier than the index itself.
 */
function statChanged(info: fs.BigIntStats, entry: IndexEntry, indexWritten: bigint | null): boolean {
  if (Number(info.size % 0x1_0000_0000n) !== entry.size) return true
  if (Number(info.mtimeNs / 1_000_000_000n) !== entry.mtimeSeconds) return true
  if (entry.mtimeNanoseconds !== 0 && Number(info.mtimeNs % 1_000_000_000n) !== entry.mtimeNanoseconds) return true
  return indexWritten !== null && info.mtimeNs >= indexWritten
}

async function blobIdOnDisk(absolute: Buffer, mode: number): Promise<string | null> {
  try {
    const content = mode === MODE_SYMLINK ? Buffer.from(await readlink(absolute)) : await readFile(absolute)
    return (await git.hashBlob({ object: content })).oid
  } catch {
    return null
  }
}

/** status.showUntrackedFiles as git reads it (`normal` when unset or unknown; a bare `false` is `no`). */
function untrackedSetting(value: string | undefined): 'no' | 'normal' | 'all' {
  const lower = value?.trim().toLowerCase()
  if (lower === 'no' || lower === 'false' || lower === 'off' || lower === '0') return 'no'
  if (lower === 'all') return 'all'
  return 'normal'
}

interface UntrackedWalk {
  readonly root: Buffer
  readonly rules: IgnoreRules
  readonly deadline: number
  readonly signal: AbortSignal | undefined
}

/** A folder's entries by their bytes; none when it cannot be read (gone, or no permission: git skips it too). */
async function entriesOf(walk: UntrackedWalk, folder: string) {
  const at = folder === '' ? walk.root : Buffer.concat([walk.root, Buffer.from('/'), Buffer.from(folder, 'latin1')])
  return readdir(at, { withFileTypes: true, encoding: 'buffer' }).catch(() => [])
}

/** A repository of its own inside the working tree: git lists it as one untracked folder. */
const isNestedRepository = (children: readonly { name: Buffer }[]) => children.some((child) => child.name.toString('latin1') === '.git')

/**
 * Whether an untracked folder holds something `git status` shows: a file that is not ignored, or a
 * repository of its own; 'unknown' when the time bound came first.
 */
async function holdsUntracked(walk: UntrackedWalk, folder: string): Promise<boolean | 'unknown'> {
  const pending = [folder]
  while (pending.length > 0) {
    walk.signal?.throwIfAborted()
    if (performance.now() > walk.deadline) return 'unknown'
    const current = pending.pop()!
    const children = await entriesOf(walk, current)
    if (isNestedRepository(children)) return true
    for (const child of children) {
      const key = `${current}/${child.name.toString('latin1')}`
      if (await walk.rules.ignored(key, child.isDirectory())) continue
      if (!child.isDirectory()) return true
      pending.push(key)
    }
  }
  return false
}

/**
 * Untracked, non-ignored paths, names compared as bytes: with `normal`, a folder with nothing tracked
 * is listed once (as git does); with `all`, each file in it (a repository of its own stays one folder).
 */
async function findUntracked(
  input: WorkingStateInput,
  limit: number,
  shown: 'normal' | 'all',
  rules: IgnoreRules,
): Promise<{ paths: string[]; complete: boolean }> {
  const tracked = new Set<string>()
  const trackedFolders = new Set<string>([''])
  for (const entry of input.entries) {
    const key = entry.rawPath.toString('latin1')
    tracked.add(key)
    for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) trackedFolders.add(key.slice(0, slash))
  }
  const leftOut = new Set((input.leaveOut ?? []).map((path) => Buffer.from(path).toString('latin1')))
  const walk: UntrackedWalk = {
    root: Buffer.from(input.repo.root),
    rules,
    deadline: performance.now() + (input.untrackedBudgetMs ?? UNTRACKED_WALK_BUDGET_MS),
    signal: input.signal,
  }
  const found: string[] = []
  const pending = ['']
  while (pending.length > 0 && found.length < limit) {
    input.signal?.throwIfAborted()
    if (performance.now() > walk.deadline) return { paths: found, complete: false }
    const folder = pending.pop() ?? ''
    for (const child of await entriesOf(walk, folder)) {
      const name = child.name.toString('latin1')
      const key = folder === '' ? name : `${folder}/${name}`
      if (name === '.git' || tracked.has(key) || leftOut.has(child.isDirectory() ? `${key}/` : key)) continue
      // git looks for untracked files in no ignored folder, not even one that holds tracked files.
      if (await rules.ignored(key, child.isDirectory())) continue
      const path = Buffer.from(key, 'latin1').toString('utf8')
      if (child.isDirectory()) {
        if (trackedFolders.has(key)) {
          pending.push(key)
          continue
        }
        if (shown === 'all') {
          if (isNestedRepository(await entriesOf(walk, key))) found.push(`${path}/`)
          else pending.push(key)
          if (found.length >= limit) break
          continue
        }
        const holds = await holdsUntracked(walk, key)
        if (holds === 'unknown') return { paths: found, complete: false }
        if (!holds) continue
        found.push(`${path}/`)
      } else found.push(path)
      if (found.length >= limit) break
    }
  }
  return { paths: found, complete: true }
}
