// git's lock protocol through a witness: the lock is a second name of the witness file, so it is
// provably Gemba's while held; a lock another program holds is refused (never overwritten) and never
// taken for Gemba's, whatever its content or age; the file replaced only while the lock is held.
import { link, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GembaError } from '../../../../../shared/errors.ts'
import { ChangedWhileLocking, ownedLock, removeOwnedLock, replaceUnderLock } from '../../../../../electron/services/git/lock-file.ts'

let dir: string
let target: string
let witness: string
const locked = () => new GembaError({ code: 'conflict', message: 'locked' })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gemba-lock-'))
  target = join(dir, 'index')
  witness = join(dir, 'gemba-landing.index')
  await writeFile(target, 'old')
})
afterEach(async () => rm(dir, { recursive: true, force: true }))

describe('replaceUnderLock with a witness', () => {
  it('replaces the file and leaves neither lock nor witness', async () => {
    let held = false
    await replaceUnderLock(target, async () => 'new', locked, {
      witness,
      onLocked: () => void (held = true),
    })
    expect(held).toBe(true)
    expect(await readFile(target, 'utf8')).toBe('new')
    expect((await readdir(dir)).sort()).toEqual(['index'])
  })

  it('a failure while held removes the lock it took; a lock left as a second name of the witness is provably Gemba’s', async () => {
    await expect(
      replaceUnderLock(target, async () => 'new', locked, {
        witness,
        onLocked: () => {
          throw new Error('stop here')
        },
      }),
    ).rejects.toThrow('stop here')
    expect((await readdir(dir)).sort()).toEqual(['index'])
    // What a kill while holding it leaves: the lock as a second name of the witness.
    await writeFile(witness, 'new')
    await link(witness, `${target}.lock`)
    expect(await ownedLock(`${target}.lock`, witness)).toBe(true)
    expect(await removeOwnedLock(`${target}.lock`, witness)).toBe(true)
    expect((await readdir(dir)).sort()).toEqual(['index'])
  })

  it('refuses, and keeps, a lock another program holds, and never counts it as Gemba’s', async () => {
    await writeFile(`${target}.lock`, 'new')
    await expect(replaceUnderLock(target, async () => 'new', locked, { witness })).rejects.toThrow('locked')
    expect(await readFile(`${target}.lock`, 'utf8')).toBe('new')
    expect(await readFile(target, 'utf8')).toBe('old')
    // Even with a witness of the same content beside it (a disk that takes hard links).
    await writeFile(witness, 'new')
    expect(await ownedLock(`${target}.lock`, witness)).toBe(false)
    expect(await removeOwnedLock(`${target}.lock`, witness)).toBe(false)
    expect(await readFile(`${target}.lock`, 'utf8')).toBe('new')
  })

  it('changes nothing when the file moved while its new content was computed', async () => {
    await expect(replaceUnderLock(target, async () => 'new', locked, { witness, stillCurrent: async () => false })).rejects.toBeInstanceOf(
      ChangedWhileLocking,
    )
    expect(await readFile(target, 'utf8')).toBe('old')
    expect((await readdir(dir)).sort()).toEqual(['index'])
  })
})
