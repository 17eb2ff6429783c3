// Faults: the disk fills up (simulated through the atomic writer's disk port, failing with ENOSPC after
// half the bytes) while a journal entry is saved. The leader gets a sentence and a next step, the
// previous files stay byte for byte, no temp file is left, and the entry is written once there is room.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WriteTempData } from '../../../electron/services/fs/atomic-write.ts'
import { JournalService } from '../../../electron/services/journal/journal-service.ts'
import { GembaError } from '../../../shared/errors.ts'
import { versionedRecord } from '../journal/versioned-record.ts'

let root: string
let journalFolder: string
let pendingFolder: string

/** Disk space per folder: a folder listed in `full` has none left. */
const disk = { full: new Set<string>(), failures: 0 }

const writeData: WriteTempData = async (handle, data, target) => {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  if (![...disk.full].some((folder) => target.startsWith(`${folder}/`))) return void (await handle.writeFile(bytes))
  // Half the bytes reach the temp file before the disk runs out, as on a real full disk.
  await handle.write(bytes.subarray(0, bytes.length >> 1))
  disk.failures += 1
  throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' })
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gemba-'))
  journalFolder = join(root, 'journal')
  pendingFolder = join(root, 'data', 'journal-pending')
  disk.full.clear()
  disk.failures = 0
})
afterEach(() => rm(root, { recursive: true, force: true }))

function journal(): JournalService {
  return new JournalService({
    journalFolder,
    createJournalFolder: true,
    cacheFolder: join(root, 'data', 'cache'),
    pendingFolder,
    now: () => new Date('2026-11-24T10:05:00Z'),
    writeData,
  })
}

const signal = new AbortController().signal

async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of (await readdir(folder)).sort()) files[name] = await readFile(join(folder, name), 'utf8')
  return files
}

async function failure(promise: Promise<unknown>): Promise<GembaError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(GembaError)
  return error as GembaError
}

describe('the disk is full during a journal save', () => {
  it('the journal folder’s disk is full: the entry waits in the data folder and is written once there is room', async () => {
    const service = journal()
    const { fileName } = await service.saveSession(versionedRecord(1))
    const before = await snapshot(journalFolder)
    expect(Object.keys(before)).toEqual([fileName.replace('.md', '.json'), fileName])

    disk.full.add(journalFolder)
    const error = await failure(service.saveSession(versionedRecord(2)))
    expect(disk.failures).toBeGreaterThan(0)
    expect(error.toData()).toMatchObject({
      code: 'unavailable',
      message: `The journal folder ${journalFolder} cannot be used: the disk is full. This session is kept safe in Gemba's data folder until it can be written.`,
      next: expect.stringMatching(/unsaved entries are kept/),
      details: { pending: true, id: 'session-0001', errno: 'ENOSPC' },
    })
    // The previous version is intact, byte for byte, and no half-written temp file is left beside it.
    expect(await snapshot(journalFolder)).toEqual(before)
    const problems = await service.problems({}, signal)
    expect(problems.pending).toEqual([
      expect.objectContaining({ id: 'session-0001', fileName, reason: expect.stringMatching(/disk is full/) }),
    ])

    // Still full: flushing keeps it pending and says why.
    const stillFull = await service.flushPending({})
    expect(stillFull).toMatchObject({ written: [], pending: [{ id: 'session-0001' }], reason: expect.stringMatching(/disk is full/) })
    expect(await snapshot(journalFolder)).toEqual(before)

    disk.full.clear()
    expect(await service.flushPending({})).toMatchObject({ written: [fileName], pending: [], reason: null })
    const after = await service.get({ id: 'session-0001' }, signal)
    expect(after.record.effort.estimateMinutes).toBe(2)
    expect(after.hasTranscript).toBe(true)
    expect(await readdir(pendingFolder)).toEqual([])
  })

  it('the whole disk is full: a clear message, nothing written anywhere, and saving again works once there is room', async () => {
    const service = journal()
    await service.saveSession(versionedRecord(1))
    const before = await snapshot(journalFolder)

    disk.full.add(journalFolder).add(pendingFolder)
    const error = await failure(service.saveSession(versionedRecord(2)))
    expect(error.toData()).toMatchObject({
      code: 'storage',
      message: 'The journal entry could not be saved anywhere: neither the journal folder nor the data folder can be written.',
      next: 'Free some disk space or check the folders’ permissions, then finish the session again.',
    })
    expect(error.details?.pending).toBeUndefined()
    expect(await snapshot(journalFolder)).toEqual(before)
    expect(await readdir(pendingFolder)).toEqual([])

    disk.full.clear()
    await service.saveSession(versionedRecord(2))
    expect((await service.get({ id: 'session-0001' }, signal)).record.effort.estimateMinutes).toBe(2)
  })
})
