// git's lock-file protocol for one file (the index, HEAD, a ref): create `<file>.lock` exclusively,
// so a git program holding it is never overwritten, write the new content into it, flush, and rename
// it over the file. A failure leaves the old file and removes only the lock Gemba took.
// With a witness (a landing that must be recoverable after a kill), the new content is written to the
// witness file first and the lock is created as a second name of that very file (a hard link, which is
// as exclusive as git's own create): at any instant, a lock that is the same file as the witness is
// provably Gemba's, and any other lock is another program's (ownedLock, removeOwnedLock).
import { constants } from 'node:fs'
import { copyFile, link, open, readFile, rename, rm, stat } from 'node:fs/promises'
import type { GembaError } from '../../../shared/errors.ts'

export interface LockOptions {
  /**
   * A file beside the lock that names it as Gemba's (same folder, so the same disk): its content is
   * the new content, and the lock is created as a hard link to it. Removed once the lock is renamed.
   */
  readonly witness?: string
  /** Called while the lock is held, before it replaces the file (fault injection in tests). */
  readonly onLocked?: () => void
  /** Checked while the lock is held: false when what the content was computed from changed meanwhile. */
  readonly stillCurrent?: () => Promise<boolean>
}

/** Thrown (and nothing changed) when `stillCurrent` says the file moved while the content was computed. */
export class ChangedWhileLocking extends Error {}

/** File systems without hard links answer one of these; the lock is then an exclusive copy of the witness. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'])

/** Replaces `target` with what `content()` answers (computed while the lock is held, or before it with a witness). */
export async function replaceUnderLock(
  target: string,
  content: () => Promise<string | Uint8Array>,
  locked: () => GembaError,
  options: LockOptions = {},
): Promise<void> {
  if (options.witness) return replaceThroughWitness(target, content, locked, options.witness, options)
  const lock = `${target}.lock`
  const handle = await open(lock, 'wx', 0o644).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EEXIST' ? locked() : error
  })
  let done = false
  try {
    await handle.writeFile(await content())
    await handle.sync()
    await handle.close()
    options.onLocked?.()
    await rename(lock, target)
    done = true
  } finally {
    if (!done) {
      await handle.close().catch(() => undefined)
      await rm(lock, { force: true })
    }
  }
}

/** A new file (a new inode: a witness left behind may be a second name of a lock or of the file). */
async function writeSynced(path: string, data: string | Uint8Array): Promise<void> {
  await rm(path, { force: true })
  const handle = await open(path, 'wx', 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function replaceThroughWitness(
  target: string,
  content: () => Promise<string | Uint8Array>,
  locked: () => GembaError,
  witness: string,
  options: LockOptions,
): Promise<void> {
  const lock = `${target}.lock`
  await writeSynced(witness, await content())
  try {
    await link(witness, lock)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (code === 'EEXIST') {
      await rm(witness, { force: true })
      throw locked()
    }
    if (!NO_HARD_LINKS.has(code)) {
      await rm(witness, { force: true })
      throw error
    }
    // No hard links on this disk: an exclusive copy, recognised by its content instead.
    await copyFile(witness, lock, constants.COPYFILE_EXCL).catch(async (copyError: NodeJS.ErrnoException) => {
      await rm(witness, { force: true })
      throw copyError.code === 'EEXIST' ? locked() : copyError
    })
  }
  let done = false
  try {
    options.onLocked?.()
    if (options.stillCurrent && !(await options.stillCurrent())) throw new ChangedWhileLocking(`${target} changed while Gemba locked it`)
    await rename(lock, target)
    done = true
  } finally {
    if (!done) await rm(lock, { force: true })
    await rm(witness, { force: true })
  }
}

/** Whether the disk under `witness` takes hard links (tried on a throwaway second name of it). */
async function takesHardLinks(witness: string): Promise<boolean> {
  const probe = `${witness}.probe`
  await rm(probe, { force: true })
  try {
    await link(witness, probe)
    return true
  } catch (error) {
    return !NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')
  } finally {
    await rm(probe, { force: true })
  }
}

/**
 * Whether `lock` is the one Gemba took through `witness`: the same file (device and inode); only on a
 * disk without hard links, where the lock was a copy, a non-empty copy of the witness's content (or
 * the part of it written before a kill).
 */
export async function ownedLock(lock: string, witness: string): Promise<boolean> {
  const [lockInfo, witnessInfo] = await Promise.all([stat(lock).catch(() => null), stat(witness).catch(() => null)])
  if (!lockInfo || !witnessInfo) return false
  if (lockInfo.dev === witnessInfo.dev && lockInfo.ino === witnessInfo.ino) return true
  if (witnessInfo.nlink > 1 || lockInfo.size === 0 || lockInfo.size > witnessInfo.size) return false
  if (await takesHardLinks(witness)) return false
  const [lockBytes, witnessBytes] = await Promise.all([readFile(lock), readFile(witness)])
  return witnessBytes.subarray(0, lockBytes.length).equals(lockBytes)
}

/** Removes `lock` when it is Gemba's (ownedLock), then the witness; answers whether the lock went. */
export async function removeOwnedLock(lock: string, witness: string): Promise<boolean> {
  const owned = await ownedLock(lock, witness)
  if (owned) await rm(lock, { force: true })
  await rm(witness, { force: true })
  return owned
}
