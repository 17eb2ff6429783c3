// Where a working tree's git data lives: its own git directory (HEAD, the index, an operation in
// progress) and the common one (objects and refs), which differ for a linked worktree (`.git` is a
// file naming `gitdir: …`, and that folder's `commondir` names the shared one). Read-only.
import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'
import { commonDirOf } from './common-git-dir.ts'

export interface GitDirs {
  /** The working tree's root. */
  readonly root: string
  /** Per working tree: HEAD, index, rebase-merge/, MERGE_HEAD… */
  readonly gitdir: string
  /** Shared: objects/ and refs/ (the same as gitdir outside linked worktrees). */
  readonly commondir: string
}

export async function gitDirsOf(root: string): Promise<GitDirs> {
  const dotGit = join(root, '.git')
  const info = await stat(dotGit).catch(() => null)
  if (info === null)
    throw new GembaError({ code: 'not_a_repository', message: `${root} has no .git folder.`, next: 'Choose the folder of a local clone.' })
  const gitdir = info.isDirectory() ? dotGit : await linkedGitdir(root, dotGit)
  return { root, gitdir, commondir: await commonDirOf(gitdir) }
}

async function linkedGitdir(root: string, dotGit: string): Promise<string> {
  const target = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotGit, 'utf8'))?.[1]
  if (!target)
    throw new GembaError({
      code: 'repository_broken',
      message: `${dotGit} is neither a folder nor a link to one.`,
      next: 'Re-clone the repository.',
    })
  return isAbsolute(target) ? target : resolve(root, target)
}
