// The journal folder on disk: lists session files, reads one (Markdown + sidecar), writes one
// atomically (sidecar first, then the Markdown). Never deletes or rewrites a file it cannot parse.
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'
import type { JournalSessionRecord } from '../../../shared/models/journal.ts'
import { writeFileAtomic, writeJsonAtomic, type WriteTempData } from '../fs/atomic-write.ts'
import { isJournalFileName, sidecarName } from './journal-file-name.ts'
import type { JournalSidecar } from './parse-session-markdown.ts'
import { renderSessionMarkdown } from './render-session-markdown.ts'

export interface JournalFileStat {
  readonly fileName: string
  readonly mtimeMs: number
  readonly size: number
}

/** Every session file in the folder with its modification time and size (the index's freshness key). */
export async function scanJournalFolder(folder: string, signal?: AbortSignal): Promise<JournalFileStat[]> {
  let names: string[]
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && isJournalFileName(e.name)).map((e) => e.name)
  } catch (error) {
    throw folderUnavailable(folder, error)
  }
  const stats: JournalFileStat[] = []
  const batch = 64
  for (let i = 0; i < names.length; i += batch) {
    signal?.throwIfAborted()
    const chunk = names.slice(i, i + batch)
    const found = await Promise.all(
      chunk.map(async (fileName) => {
        const info = await stat(join(folder, fileName)).catch(() => undefined)
        return info ? { fileName, mtimeMs: info.mtimeMs, size: info.size } : undefined
      }),
    )
    for (const entry of found) if (entry) stats.push(entry)
  }
  return stats
}

/** The temp-file names writeFileAtomic uses: `.<name>.<12 hex>.tmp`. */
const ATOMIC_TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/

/**
 * Removes temp files left by a write that was killed mid-way, once they are old enough that no
 * write can still be using them. Touches nothing else; failures are ignored (it is housekeeping).
 */
export async function removeStaleTemps(folder: string, now: Date, minAgeMs: number): Promise<string[]> {
  const removed: string[] = []
  const names = await readdir(folder).catch(() => [] as string[])
  for (const name of names.filter((entry) => ATOMIC_TEMP.test(entry))) {
    const info = await stat(join(folder, name)).catch(() => undefined)
    if (!info?.isFile() || now.getTime() - info.mtimeMs < minAgeMs) continue
    await rm(join(folder, name), { force: true }).then(
      () => removed.push(name),
      () => undefined,
    )
  }
  return removed
}

export interface SessionFileContent {
  readonly text: string
  readonly sidecar: JournalSidecar | undefined
  /** Set when a sidecar exists but cannot be read as one. */
  readonly sidecarProblem: string | undefined
}

export async function readSessionFile(folder: string, fileName: string): Promise<SessionFileContent> {
  const text = await readFile(join(folder, fileName), 'utf8')
  return { text, ...(await readSidecar(folder, fileName)) }
}

/** The session's sidecar; a missing one is normal (hand-written entries), a broken one is a problem. */
export async function readSidecar(
  folder: string,
  fileName: string,
): Promise<{ sidecar: JournalSidecar | undefined; sidecarProblem: string | undefined }> {
  let raw: string
  try {
    raw = await readFile(join(folder, sidecarName(fileName)), 'utf8')
  } catch {
    return { sidecar: undefined, sidecarProblem: undefined }
  }
  try {
    const value = JSON.parse(raw) as JournalSidecar
    if (typeof value !== 'object' || value === null || !Array.isArray(value.transcript) || typeof value.id !== 'string') {
      return { sidecar: undefined, sidecarProblem: `${sidecarName(fileName)} is not a Gemba transcript.` }
    }
    return { sidecar: value, sidecarProblem: undefined }
  } catch {
    return { sidecar: undefined, sidecarProblem: `${sidecarName(fileName)} is not valid JSON.` }
  }
}

export function sidecarOf(record: JournalSessionRecord): JournalSidecar {
  return {
    schemaVersion: record.schemaVersion,
    id: record.id,
    transcript: record.transcript,
    ...(record.sent && record.sent.length > 0 ? { sent: record.sent } : {}),
    ...(record.diagram?.svg === undefined ? {} : { diagramSvg: record.diagram.svg }),
  }
}

/** Writes the sidecar, then the Markdown: each atomically, so either file is old or new, never torn. */
export async function writeSessionFiles(
  folder: string,
  fileName: string,
  record: JournalSessionRecord,
  writeData?: WriteTempData,
): Promise<void> {
  // Private to the leader: reflections and transcripts are nobody else's to read on a shared machine.
  const options = { mode: 0o600, ...(writeData ? { writeData } : {}) }
  try {
    await writeJsonAtomic(join(folder, sidecarName(fileName)), sidecarOf(record), options)
    await writeFileAtomic(join(folder, fileName), renderSessionMarkdown(record), options)
  } catch (error) {
    throw folderUnavailable(folder, error)
  }
}

const UNAVAILABLE = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EIO', 'ENODEV', 'EDQUOT'])

export function folderUnavailable(folder: string, error: unknown): GembaError {
  if (error instanceof GembaError) return error
  const code = (error as { code?: unknown } | null)?.code
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'it no longer exists'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'Gemba may not write there'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'the disk is full'
          : 'the disk reported an error'
  return new GembaError(
    {
      code: typeof code === 'string' && UNAVAILABLE.has(code) ? 'unavailable' : 'storage',
      message: `The journal folder ${folder} cannot be used: ${reason}.`,
      next: 'Reconnect the drive or choose another journal folder in Settings; unsaved entries are kept until then.',
      details: { folder, ...(typeof code === 'string' ? { errno: code } : {}) },
    },
    { cause: error },
  )
}
