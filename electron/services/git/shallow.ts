// A shallow clone's boundary: the commits whose parents the clone does not have (.git/shallow), where
// any walk of the history stops. Empty for a full clone. Read-only.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { GitRepo } from './repository.ts'

export async function shallowCommits(repo: GitRepo): Promise<string[]> {
  // The boundary is the repository's, kept in the shared git folder (linked worktrees included).
  return (await readFile(join(repo.commondir, 'shallow'), 'utf8').catch(() => '')).split('\n').filter(Boolean)
}
