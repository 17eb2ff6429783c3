import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { removeStaleTemps, scanJournalFolder } from '../../../../../electron/services/journal/journal-folder.ts'

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gemba-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('journal folder housekeeping', () => {
  it('sweeps only old temp files of interrupted atomic writes', async () => {
    const now = new Date()
    const old = new Date(now.getTime() - 3 * 60 * 60 * 1000)
    for (const name of ['.a.md.0123456789ab.tmp', '.b.md.ba9876543210.tmp', '.my-notes.tmp', 'a.md'])
      await writeFile(join(folder, name), 'x')
    await utimes(join(folder, '.a.md.0123456789ab.tmp'), old, old)
    await utimes(join(folder, '.my-notes.tmp'), old, old)
    expect(await removeStaleTemps(folder, now, 60 * 60 * 1000)).toEqual(['.a.md.0123456789ab.tmp'])
    expect((await readdir(folder)).sort()).toEqual(['.b.md.ba9876543210.tmp', '.my-notes.tmp', 'a.md'])
  })

  it('lists only session Markdown files, never temp files or sidecars', async () => {
    for (const name of ['2026-01-01-week-01-x.md', '2026-01-01-week-01-x.json', '.2026-01-01-week-01-x.md.0123456789ab.tmp', 'notes.txt']) {
      await writeFile(join(folder, name), 'x')
    }
    expect((await scanJournalFolder(folder)).map((file) => file.fileName)).toEqual(['2026-01-01-week-01-x.md'])
  })

  it('reports a folder that is not there as unavailable', async () => {
    await expect(scanJournalFolder(join(folder, 'gone'))).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('no longer exists'),
    })
  })
})
