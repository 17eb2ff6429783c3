// Finds the repository a path belongs to and explains, as a GembaError, why a path is not one.
// Read-only: never creates, initialises or repairs anything.
import * as fs from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import git from 'isomorphic-git'
import { GembaError } from '../../../shared/errors.ts'
import { gitDirsOf, type GitDirs } from './git-dir.ts'

/** Where a repository is: its working tree's root and its git folders. */
export type RepoLocation = GitDirs

export async function locateRepo(path: string): Promise<RepoLocation> {
  const absolute = resolve(path)
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new GembaError({
        code: 'not_found',
        message: `There is nothing at ${absolute}.`,
        next: 'Check the path, or choose the folder of a local clone.',
      })
    }
    throw new GembaError({
      code: 'not_a_repository',
      message: `Gemba cannot open ${absolute} (${error.code ?? 'unreadable'}).`,
      next: 'Check that you can open this folder, then try again.',
    })
  })
  if (!info.isDirectory()) {
    throw new GembaError({
      code: 'not_a_repository',
      message: `${absolute} is a file, not a folder.`,
      next: 'Choose the folder that contains the repository (the one with a .git folder inside).',
    })
  }
  const root = await git.findRoot({ fs, filepath: absolute }).catch(() => null)
  if (root === null) {
    if (await isBareRepository(absolute)) {
      throw new GembaError({
        code: 'not_a_repository',
        message: `${absolute} is a bare repository: a bare repository has no working tree to explore.`,
        next: 'Clone it into a working folder (`git clone <path> <folder>`) and choose that folder.',
      })
    }
    throw new GembaError({
      code: 'not_a_repository',
      message: `${absolute} is not inside a git repository.`,
      next: 'Choose the folder of a local clone (run `git clone` first if you have none).',
    })
  }
  return gitDirsOf(root)
}

/** A git directory without a working tree: HEAD, objects/ and refs/ at the top, and not inside a .git. */
async function isBareRepository(folder: string): Promise<boolean> {
  const [head, objects, refs] = await Promise.all(['HEAD', 'objects', 'refs'].map((name) => stat(join(folder, name)).catch(() => null)))
  if (!head?.isFile() || !objects?.isDirectory() || !refs?.isDirectory()) return false
  const config = await readFile(join(folder, 'config'), 'utf8').catch(() => '')
  return /^\s*bare\s*=\s*true\s*$/im.test(config) || !/^\s*bare\s*=\s*false\s*$/im.test(config)
}
