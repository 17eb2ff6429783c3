// Where the folder picker starts: the folders the leader's repositories live in (most recently added
// first), and repositories found within two levels of the usual places people keep code (~/code,
// ~/src, ~/projects, ~/work, ~/dev, ~/git, ~/repos) that are not in the list yet. Bounded: a few
// hundred folders looked at, never a walk of the whole disk, never outside the home folder.
import { readdir, realpath } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { FolderEntry, FolderSuggestions, RepoEntry } from '../../../../shared/models/repos.ts'
import { holdsRepository } from '../../git/git-layer.ts'
import { folderInside, isInside } from './list-folders.ts'

export const CODE_FOLDERS = ['code', 'src', 'projects', 'work', 'dev', 'git', 'repos'] as const

const MAX_FOUND = 40
const MAX_LOOKED_AT = 600

export async function suggestFolders(home: string, added: readonly RepoEntry[], signal?: AbortSignal): Promise<FolderSuggestions> {
  const realHome = await realpath(home)
  const addedPaths = new Set(await Promise.all(added.map((entry) => realpath(entry.path).catch(() => entry.path))))
  const recent: FolderEntry[] = []
  for (const entry of [...added].sort((a, b) => b.addedAt.localeCompare(a.addedAt))) {
    const folder = dirname(entry.path)
    if (!recent.some((item) => item.path === folder)) recent.push({ name: basename(folder) || folder, path: folder, repository: false })
  }
  const found: FolderEntry[] = []
  let budget = MAX_LOOKED_AT
  const visit = async (folder: string, depth: number): Promise<void> => {
    if (found.length >= MAX_FOUND || budget <= 0) return
    signal?.throwIfAborted()
    const children = await readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) {
      if (child.name.startsWith('.') || found.length >= MAX_FOUND || (budget -= 1) <= 0) continue
      const path = await folderInside(realHome, folder, child)
      if (path === null) continue
      if (await holdsRepository(path)) {
        const real = await realpath(path).catch(() => path)
        if (!addedPaths.has(real)) found.push({ name: child.name, path, repository: true })
      } else if (depth < 2) {
        await visit(path, depth + 1)
      }
    }
  }
  for (const name of CODE_FOLDERS) {
    // A code folder that is a link out of the home folder is not followed either.
    const root = await realpath(join(realHome, name)).catch(() => null)
    if (root === null || !isInside(realHome, root) || (await holdsRepository(root))) continue
    await visit(root, 1)
  }
  return { home: realHome, recent: recent.slice(0, 8), found }
}
