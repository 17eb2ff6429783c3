// A read-mostly file system for isomorphic-git during one scan: it lists the pack folder once and the
// loose-object folders once each, so looking up an object that is packed costs no failing syscall.
// Only lookups are cached; every other call goes straight to node:fs. Create one per scan: objects
// written after it was created may be missed. Answers isomorphic-git's own FileSystem wrapper, built
// once: isomorphic-git otherwise re-wraps (and probes) the fs on every call.
import * as fs from 'node:fs'
import { readdir } from 'node:fs/promises'
import { FileSystem } from 'isomorphic-git/models'

const LOOSE = /[\\/]objects[\\/]([0-9a-f]{2})[\\/]([0-9a-f]{38})$/
const notFound = Object.assign(new Error('not found'), { code: 'ENOENT' })

export type ObjectReadFs = typeof fs

export function createObjectReadFs(gitdir: string): ObjectReadFs {
  let gitdirStat: Promise<fs.Stats> | undefined
  const folders = new Map<string, Promise<Set<string>>>()
  const listings = new Map<string, Promise<string[]>>()
  const list = (folder: string) => {
    let pending = folders.get(folder)
    if (!pending) {
      pending = readdir(folder).then(
        (names) => new Set(names),
        () => new Set<string>(),
      )
      folders.set(folder, pending)
    }
    return pending
  }
  const promises = {
    ...fs.promises,
    stat: (async (path: fs.PathLike, options?: unknown) => {
      // isomorphic-git stats the gitdir on every call to learn whether .git is a file or a folder.
      if (String(path) === gitdir) return (gitdirStat ??= fs.promises.stat(gitdir))
      return fs.promises.stat(path, options as never)
    }) as typeof fs.promises.stat,
    readFile: (async (path: fs.PathLike, options?: unknown) => {
      const text = String(path)
      const match = LOOSE.exec(text)
      if (match) {
        const folder = text.slice(0, -39)
        if (!(await list(folder)).has(match[2] ?? '')) throw notFound
      }
      return fs.promises.readFile(path, options as never)
    }) as typeof fs.promises.readFile,
    readdir: (async (path: fs.PathLike, options?: unknown) => {
      const text = String(path)
      if (options === undefined && /[\\/]objects[\\/]pack$/.test(text)) {
        let pending = listings.get(text)
        if (!pending) {
          pending = fs.promises.readdir(text)
          listings.set(text, pending)
        }
        return [...(await pending)]
      }
      return fs.promises.readdir(path, options as never)
    }) as typeof fs.promises.readdir,
  }
  return new FileSystem(promises) as unknown as ObjectReadFs
}
