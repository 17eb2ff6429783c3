// git's lock-file protocol for one file (the index, HEAD, a ref): create `<file>.lock` exclusively,
// so a git program holding it is never overwritten, write the new content into it, flush, and rename
// it over the file. A failure leaves the old file and removes only the lock Gemba took.
import { open, rename, rm } from 'node:fs/promises'
import type { GembaError } from '../../../shared/errors.ts'

/** Replaces `target` with what `content()` answers, computed while the lock is held. */
export async function replaceUnderLock(
  target: string,
  content: () => Promise<string | Uint8Array>,
  locked: () => GembaError,
): Promise<void> {
  const lock = `${target}.lock`
  const handle = await open(lock, 'wx', 0o644).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EEXIST' ? locked() : error
  })
  let done = false
  try {
    await handle.writeFile(await content())
    await handle.sync()
    await handle.close()
    await rename(lock, target)
    done = true
  } finally {
    if (!done) {
      await handle.close().catch(() => undefined)
      await rm(lock, { force: true })
    }
  }
}
