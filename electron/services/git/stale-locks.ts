// The lock files an interrupted Gemba write left behind. A write takes `HEAD.lock` or `index.lock`
// (git's protocol, lock-file.ts) and renames it over the file; killed in between, the lock stays, and
// git and Gemba would refuse to move HEAD or touch the index until someone deletes it. Only locks taken
// since `sinceMs` (when Gemba wrote down what it was about to do) are removed: an older one belongs to
// another program.
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { GitDirs } from './git-dir.ts'

/** File systems keep modification times at up to 2 s granularity (FAT); a lock a moment older is still ours. */
const CLOCK_SLACK_MS = 2_000

/** Removes HEAD.lock and index.lock when they were created since `sinceMs`; answers the ones removed. */
export async function removeLocksTakenSince(dirs: GitDirs, sinceMs: number): Promise<string[]> {
  const removed: string[] = []
  for (const name of ['HEAD.lock', 'index.lock']) {
    const path = join(dirs.gitdir, name)
    const info = await stat(path).catch(() => null)
    if (info === null || info.mtimeMs < sinceMs - CLOCK_SLACK_MS) continue
    await rm(path, { force: true })
    removed.push(name)
  }
  return removed
}
