// A shallow clone's boundary: the commits whose parents the clone does not have (.git/shallow), where
// any walk of the history stops. Empty for a full clone. Read-only.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export async function shallowCommits(gitdir: string): Promise<string[]> {
  return (await readFile(join(gitdir, 'shallow'), 'utf8').catch(() => '')).split('\n').filter(Boolean)
}
