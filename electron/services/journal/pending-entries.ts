// Entries that could not be written to the journal folder wait here (a folder inside the data
// folder) until it can be used again. A pending entry is removed only after its journal file is
// written; nothing else ever deletes one.
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'
import { journalSessionRecordSchema, type JournalPendingEntry, type JournalSessionRecord } from '../../../shared/models/journal.ts'
import { writeJsonAtomic, type WriteTempData } from '../fs/atomic-write.ts'

export interface PendingFile {
  readonly entry: JournalPendingEntry
  readonly record: JournalSessionRecord
}

function pendingPath(folder: string, id: string): string {
  return join(folder, `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`)
}

export async function keepPending(
  folder: string,
  entry: JournalPendingEntry,
  record: JournalSessionRecord,
  writeData?: WriteTempData,
): Promise<void> {
  try {
    await writeJsonAtomic(
      pendingPath(folder, entry.id),
      { entry, record },
      { makeFolder: true, mode: 0o600, ...(writeData ? { writeData } : {}) },
    )
  } catch (error) {
    throw new GembaError(
      {
        code: 'storage',
        message: 'The journal entry could not be saved anywhere: neither the journal folder nor the data folder can be written.',
        next: 'Free some disk space or check the folders’ permissions, then finish the session again.',
        details: { folder },
      },
      { cause: error },
    )
  }
}

/** Every pending entry, oldest first. A file that cannot be read is left where it is. */
export async function listPending(folder: string): Promise<PendingFile[]> {
  let names: string[]
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json') && !name.startsWith('.'))
  } catch {
    return []
  }
  const found: PendingFile[] = []
  for (const name of names) {
    try {
      const value = JSON.parse(await readFile(join(folder, name), 'utf8')) as { entry?: JournalPendingEntry; record?: unknown }
      const record = journalSessionRecordSchema.safeParse(value.record)
      if (value.entry && record.success) found.push({ entry: value.entry, record: record.data })
    } catch {
      // Unreadable: keep the file for a person to look at; it is not ours to delete.
    }
  }
  return found.sort((a, b) => a.entry.savedAt.localeCompare(b.entry.savedAt))
}

export async function dropPending(folder: string, id: string): Promise<void> {
  await rm(pendingPath(folder, id), { force: true })
}
