// The browser-mode folder picker's view of the disk: the folders inside one folder under the home
// folder, each marked when it holds a `.git`. Never shows anything outside the home folder: the
// folder asked for and every link in it are resolved first, and whatever leads out is left out.
// Hidden folders are skipped. Read-only.
import type { Dirent } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { dirname, join, relative, isAbsolute } from 'node:path'
import { holdsRepository } from '../../git/git-layer.ts'
import { GembaError } from '../../../../shared/errors.ts'
import type { FolderEntry, FolderListing } from '../../../../shared/models/repos.ts'
import { resolveTypedPath } from '../../fs/resolve-typed-path.ts'

/** Enough to pick from; a folder with more shows the first ones and says so. */
const MAX_FOLDERS = 300

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

export async function listFolders(home: string, wanted: string | undefined, signal?: AbortSignal): Promise<FolderListing> {
  const realHome = await realpath(home)
  const target = wanted?.trim() ? resolveTypedPath(wanted, home) : home
  const real = await realpath(target).catch(() => {
    throw new GembaError({ code: 'not_found', message: `There is no folder at ${target}.`, next: 'Pick a folder from the list instead.' })
  })
  if (!isInside(realHome, real)) {
    throw new GembaError({
      code: 'refused',
      message: `The folder picker only shows folders inside your home folder (${realHome}).`,
      next: 'Type the full path of a folder elsewhere in the Folder field instead.',
    })
  }
  if (!(await stat(real)).isDirectory()) {
    throw new GembaError({ code: 'invalid_input', message: `${real} is a file, not a folder.`, next: 'Pick a folder from the list.' })
  }
  signal?.throwIfAborted()
  const children = await readdir(real, { withFileTypes: true }).catch((error: unknown) => {
    throw new GembaError(
      { code: 'unavailable', message: `Gemba cannot read the folder ${real}.`, next: 'Check that you can open it, or pick another one.' },
      { cause: error },
    )
  })
  const folders: FolderEntry[] = []
  let truncated = false
  for (const child of children.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))) {
    if (child.name.startsWith('.')) continue
    const path = await folderInside(realHome, real, child)
    if (path === null) continue
    if (folders.length >= MAX_FOLDERS) {
      truncated = true
      break
    }
    folders.push({ name: child.name, path, repository: await holdsRepository(path) })
  }
  return { path: real, parent: real === realHome ? null : dirname(real), home: realHome, folders, truncated }
}

/** The folder an entry is, when it is one and stays inside the home folder (links resolved); else null. */
export async function folderInside(realHome: string, parent: string, entry: Dirent): Promise<string | null> {
  const path = join(parent, entry.name)
  if (entry.isDirectory()) return path
  if (!entry.isSymbolicLink()) return null
  const target = await realpath(path).catch(() => null)
  if (target === null || !isInside(realHome, target)) return null
  return (await stat(target).catch(() => null))?.isDirectory() ? path : null
}
