// Atomic file writes: temp file in the same folder, fsync, rename over the target, fsync the folder.
// A crash at any instant leaves the old or the new content, never a torn file. Never follows the
// target's symlink into another folder: the rename replaces the link itself.
import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface AtomicWriteOptions {
  /** File mode for a new file, e.g. 0o600 for anything private. */
  readonly mode?: number
  /** Create the parent folder when missing. */
  readonly makeFolder?: boolean
  /** Puts the bytes into the temp file (default: the handle's writeFile); tests pass one that fails like a full disk. */
  readonly writeData?: WriteTempData
}

export type WriteTempData = (handle: FileHandle, data: string | Uint8Array, target: string) => Promise<void>

const writeWhole: WriteTempData = (handle, data) => handle.writeFile(data)

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const folder = dirname(target)
  if (options.makeFolder) await mkdir(folder, { recursive: true })
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', options.mode ?? 0o644)
  try {
    await (options.writeData ?? writeWhole)(handle, data, target)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncFolder(folder)
}

export async function writeJsonAtomic(target: string, value: unknown, options: AtomicWriteOptions = {}): Promise<void> {
  await writeFileAtomic(target, `${JSON.stringify(value, null, 2)}\n`, options)
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r').catch(() => undefined)
  if (!handle) return
  try {
    await handle.sync()
  } catch {
    // Some file systems refuse fsync on folders; the rename itself is still atomic.
  } finally {
    await handle.close()
  }
}
