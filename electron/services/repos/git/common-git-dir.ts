// The git directory a working folder shares with its other worktrees: a linked worktree's own git
// directory (.git/worktrees/<name>) names the common one in its `commondir` file; a plain clone's is
// its own. Two folders with the same common git directory are the same repository. Read-only.
import { readFile, realpath } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'

export async function commonGitDir(gitdir: string): Promise<string> {
  const pointer = (await readFile(resolve(gitdir, 'commondir'), 'utf8').catch(() => '')).trim()
  const common = pointer ? (isAbsolute(pointer) ? pointer : resolve(gitdir, pointer)) : gitdir
  return realpath(common).catch(() => common)
}
