import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SystemService } from '../../../../../electron/services/system/system-service.ts'

const info = { name: 'Gemba', version: '0', mode: 'desktop' as const, platform: 'linux', dataFolder: '/tmp' }
const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

describe('SystemService.printToPdf', () => {
  it('writes the printed page to the chosen folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'gemba-'))
    folders.push(folder)
    const service = new SystemService({ info, printToPdf: async () => new TextEncoder().encode('%PDF-1.7 page') })
    const result = await service.printToPdf({ folder, fileName: 'session.pdf' })
    expect(result).toEqual({ path: join(folder, 'session.pdf'), supported: true })
    expect(await readFile(join(folder, 'session.pdf'), 'utf8')).toBe('%PDF-1.7 page')
  })

  it('reads a folder typed as ~/… from the home folder', async () => {
    const home = await mkdtemp(join(tmpdir(), 'gemba-'))
    folders.push(home)
    const service = new SystemService({ info, home, printToPdf: async () => new TextEncoder().encode('%PDF-1.7 page') })
    expect(await service.printToPdf({ folder: '~/', fileName: 'session.pdf' })).toEqual({
      path: join(home, 'session.pdf'),
      supported: true,
    })
  })

  it('says it is not supported without the desktop port, and explains a folder it cannot write', async () => {
    expect(await new SystemService({ info }).printToPdf({ folder: '/tmp', fileName: 'a.pdf' })).toEqual({
      path: null,
      supported: false,
    })
    const service = new SystemService({ info, printToPdf: async () => new Uint8Array([1]) })
    await expect(service.printToPdf({ folder: '/nowhere/at/all', fileName: 'a.pdf' })).rejects.toMatchObject({ code: 'storage' })
  })
})
