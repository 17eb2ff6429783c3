// Keeps AI threads on disk, one JSON file per thread, written atomically after each question, so
// what was sent stays viewable after a restart. Holds only redacted text: never the API key, never a
// repository's unredacted content. A broken file is reported and left where it is, never deleted.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../../shared/errors.ts'
import type { AiThreadRecord } from '../../../../shared/models/ai.ts'
import { writeJsonAtomic } from '../../fs/atomic-write.ts'

const THREAD_ID = /^[a-z0-9-]{8,80}$/

export interface ThreadStore {
  save(record: AiThreadRecord): Promise<void>
  /** The kept thread, or null when there is no file for it. Throws `storage` when it cannot be read as one. */
  read(threadId: string): Promise<AiThreadRecord | null>
}

export function threadStore(folder: string): ThreadStore {
  const fileOf = (threadId: string): string => {
    if (!THREAD_ID.test(threadId)) throw new GembaError({ code: 'invalid_input', message: 'That is not a thread id.' })
    return join(folder, `${threadId}.json`)
  }
  return {
    async save(record) {
      // Private to the leader, like the journal: questions and answers about the team's code.
      await writeJsonAtomic(fileOf(record.threadId), record, { mode: 0o600, makeFolder: true })
    },
    async read(threadId) {
      const file = fileOf(threadId)
      let raw: string
      try {
        raw = await readFile(file, 'utf8')
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return null
        throw new GembaError(
          {
            code: 'storage',
            message: `The kept conversation ${threadId}.json could not be read.`,
            next: 'Check that the data folder is readable.',
          },
          { cause: error },
        )
      }
      const record = parseThread(raw)
      if (!record || record.threadId !== threadId) {
        throw new GembaError({
          code: 'storage',
          message: `The kept conversation ${threadId}.json is damaged and cannot be shown.`,
          next: 'The file was left as it is in the ai-threads folder of the data folder; restore it from a backup or remove it yourself.',
        })
      }
      return record
    },
  }
}

function parseThread(raw: string): AiThreadRecord | null {
  try {
    const value = JSON.parse(raw) as Partial<AiThreadRecord> | null
    if (typeof value !== 'object' || value === null) return null
    if (typeof value.threadId !== 'string' || !Array.isArray(value.turns) || !Array.isArray(value.requests)) return null
    return value as AiThreadRecord
  } catch {
    return null
  }
}
