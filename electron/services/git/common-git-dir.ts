// The git directory a working folder shares with its other worktrees: a linked worktree's own git
// directory (.git/worktrees/<name>) names the common one in its `commondir` file; a plain clone's is
// its own. Two folders with the same (real) common git directory are the same repository. Read-only.
import { readFileSync } from 'node:fs'
import { readFile, realpath } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'

/** The common git directory `gitdir` names (itself when it names none), as written. */
export async function commonDirOf(gitdir: string): Promise<string> {
  const pointer = (await readFile(resolve(gitdir, 'commondir'), 'utf8').catch(() => '')).trim()
  return pointer ? (isAbsolute(pointer) ? pointer : resolve(gitdir, pointer)) : gitdir
}

/** The same, read synchronously (for readers opened synchronously, such as the object reader). */
export function commonDirOfSync(gitdir: string): string {
  let pointer = ''
  try {
    pointer = readFileSync(resolve(gitdir, 'commondir'), 'utf8').trim()
  } catch {
    // No commondir file: a plain clone, its own common directory.
  }
  return pointer ? (isAbsolute(pointer) ? pointer : resolve(gitdir, pointer)) : gitdir
}

/** The same, with links resolved: what two locations are compared by. */
export async function commonGitDir(gitdir: string): Promise<string> {
  const common = await commonDirOf(gitdir)
  return realpath(common).catch(() => common)
}
