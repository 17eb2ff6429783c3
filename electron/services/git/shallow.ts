// A shallow clone's boundary: the commits whose parents the clone does not have (.git/shallow), where
// any walk of the history stops. Empty for a full clone. Read-only.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { commonDirOf } from './common-git-dir.ts'

export async function shallowCommits(gitdir: string): Promise<string[]> {
  // The boundary is the repository's, kept in the shared git folder (linked worktrees included).
  return (await readFile(join(await commonDirOf(gitdir), 'shallow'), 'utf8').catch(() => '')).split('\n').filter(Boolean)
}
