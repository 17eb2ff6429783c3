// A lookup over the repository's file list for the import resolvers: does a path exist, which files
// sit directly in a folder. Paths are repository-relative with `/` separators; nothing touches the disk.
import { posix } from 'node:path'

export interface FileIndex {
  has(path: string): boolean
  /** Files directly inside `dir` ('' for the root), sorted. */
  filesIn(dir: string): readonly string[]
  readonly dirs: ReadonlySet<string>
}

export function buildFileIndex(files: readonly string[]): FileIndex {
  const all = new Set(files)
  const byDir = new Map<string, string[]>()
  for (const file of files) {
    const dir = dirOf(file)
    const list = byDir.get(dir)
    if (list === undefined) byDir.set(dir, [file])
    else list.push(file)
  }
  for (const list of byDir.values()) list.sort()
  const dirs = new Set<string>()
  for (const dir of byDir.keys()) {
    for (let d = dir; d !== ''; d = dirOf(d)) dirs.add(d)
  }
  return { has: (path) => all.has(path), filesIn: (dir) => byDir.get(dir) ?? [], dirs }
}

export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

/** Joins and normalises; null when the result would leave the repository. */
export function joinInside(dir: string, relative: string): string | null {
  // Most joins have nothing to normalise: no `.`/`..` segments, no doubled or trailing slashes.
  if (!/(^|\/)\.\.?(\/|$)|\/\/|^\/|\/$/.test(relative) && !/\/$/.test(dir) && relative !== '')
    return dir === '' ? relative : `${dir}/${relative}`
  const joined = posix.normalize(posix.join(dir === '' ? '.' : dir, relative))
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return null
  return joined === '.' ? '' : joined.replace(/\/$/, '')
}
