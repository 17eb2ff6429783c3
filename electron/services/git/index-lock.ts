// Reading the index, and changing it the way git does: under `.git/index.lock` (lock-file.ts), the
// index is read, edited and replaced, so a git program writing it at the same time is never
// overwritten. A failure leaves the old index. Never touches a lock it did not take.
import { lstat, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'
import { ChangedWhileLocking, replaceUnderLock, type LockOptions } from './lock-file.ts'
import { emptyIndex, encodeIndex, parseIndex, type GitIndexEntry, type GitIndexFile } from './index-file.ts'

export function indexLockPath(gitdir: string): string {
  return join(gitdir, 'index.lock')
}

export async function isIndexLocked(gitdir: string): Promise<boolean> {
  return lstat(indexLockPath(gitdir)).then(
    () => true,
    () => false,
  )
}

/** The index as it is now; an empty one when the repository has none yet. */
export async function readIndexFile(gitdir: string): Promise<GitIndexFile> {
  const bytes = await readFile(join(gitdir, 'index')).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  return bytes === null ? emptyIndex() : parseIndex(bytes)
}

export function indexLockedError(): GembaError {
  return new GembaError({
    code: 'conflict',
    message: 'Another git program is changing this repository right now (.git/index.lock exists), so Gemba changed nothing.',
    next: 'Wait for it to finish. If no git program is running, it crashed: delete .git/index.lock and try again.',
    details: { gitBlocker: 'index_locked' },
  })
}

async function indexBytes(gitdir: string): Promise<Buffer | null> {
  return readFile(join(gitdir, 'index')).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
}

/**
 * Replaces the index with `edit(current)` under git's lock. `edit` may throw to change nothing.
 * Answers what it wrote. With a witness (lock-file.ts) the new index is computed before the lock is
 * taken, and written only if the index is still the one it was computed from (else computed again).
 */
export async function updateIndex(
  gitdir: string,
  edit: (index: GitIndexFile) => GitIndexFile | Promise<GitIndexFile>,
  options: LockOptions = {},
): Promise<GitIndexFile> {
  const target = join(gitdir, 'index')
  if (!options.witness) {
    let next: GitIndexFile | null = null
    await replaceUnderLock(target, async () => encodeIndex((next = await edit(await readIndexFile(gitdir)))), indexLockedError, options)
    return next!
  }
  for (let attempt = 1; ; attempt++) {
    const before = await indexBytes(gitdir)
    const next = await edit(before === null ? emptyIndex() : parseIndex(before))
    const stillCurrent = async () => {
      const now = await indexBytes(gitdir)
      return now === null ? before === null : before !== null && now.equals(before)
    }
    try {
      await replaceUnderLock(target, async () => encodeIndex(next), indexLockedError, { ...options, stillCurrent })
      return next
    } catch (error) {
      if (!(error instanceof ChangedWhileLocking)) throw error
      if (attempt >= 3) throw indexLockedError()
    }
  }
}

/** `index` with the stage-0 entries of `paths` replaced by `entries` (absent from it: removed), conflicts at those paths cleared. */
export function withEntries(index: GitIndexFile, paths: readonly Buffer[], entries: readonly GitIndexEntry[]): GitIndexFile {
  const touched = new Set(paths.map((path) => path.toString('latin1')))
  const kept = index.entries.filter((entry) => !touched.has(entry.path.toString('latin1')))
  return {
    ...index,
    entries: [...kept, ...entries],
    extensions: index.extensions.filter((extension) => /^[a-z]/.test(extension.signature)),
  }
}
