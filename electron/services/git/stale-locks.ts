// The lock files an interrupted Gemba write left behind. A landing takes `HEAD.lock` and `index.lock`
// (git's protocol, lock-file.ts) each as a second name of a witness file it names beforehand; killed
// before the rename, the lock stays, and git and Gemba would refuse to move HEAD or touch the index
// until someone deleted it. Only a lock that is provably Gemba's (the same file as its witness) is
// removed: any other belongs to another program, however new it is.
import { join } from 'node:path'
import type { GitRepo } from './repository.ts'
import { removeOwnedLock } from './lock-file.ts'

/** A lock file of the working tree's git folder and the witness Gemba takes it through. */
export interface WitnessedLock {
  /** 'index' or 'HEAD': the file the lock guards, in the working tree's git folder. */
  readonly file: 'index' | 'HEAD'
  /** The witness's path (in the same folder). */
  readonly witness: string
}

/** Removes the locks Gemba took through these witnesses (and the witnesses); answers the locks removed. */
export async function removeOwnedLocks(repo: GitRepo, locks: readonly WitnessedLock[]): Promise<string[]> {
  const removed: string[] = []
  for (const { file, witness } of locks) if (await removeOwnedLock(join(repo.gitdir, `${file}.lock`), witness)) removed.push(`${file}.lock`)
  return removed
}
