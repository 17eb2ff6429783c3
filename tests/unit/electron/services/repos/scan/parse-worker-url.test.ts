// The parse pool finds its worker from source (the .ts beside it) and from the bundle (the .js entry
// electron-vite writes beside out/main/main.js), and the build really declares that entry.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import config from '../../../../../../electron.vite.config.ts'
import { parseWorkerUrl } from '../../../../../../electron/services/repos/scan/parse-worker-url.ts'

const POOL_SOURCE = new URL('../../../../../../electron/services/repos/scan/parse-pool.ts', import.meta.url)

describe('parseWorkerUrl', () => {
  it('runs the TypeScript worker beside the pool when run from source', () => {
    expect(parseWorkerUrl(POOL_SOURCE.href).href).toBe(
      new URL('../../../../../../electron/services/repos/scan/parse-worker.ts', import.meta.url).href,
    )
  })

  it('runs parse-worker.js beside the bundle when there is no .ts source (the built app)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'gemba-'))
    try {
      await writeFile(join(folder, 'main.js'), '')
      await writeFile(join(folder, 'parse-worker.js'), '')
      const url = parseWorkerUrl(pathToFileURL(join(folder, 'main.js')).href)
      expect(url.href).toBe(pathToFileURL(join(folder, 'parse-worker.js')).href)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('asks only about the source file beside the base, inside a packaged archive too', () => {
    const asked: string[] = []
    const url = parseWorkerUrl('file:///opt/Gemba/resources/app.asar/out/main/main.js', (candidate) => {
      asked.push(candidate.href)
      return false
    })
    expect(asked).toEqual(['file:///opt/Gemba/resources/app.asar/out/main/parse-worker.ts'])
    expect(url.href).toBe('file:///opt/Gemba/resources/app.asar/out/main/parse-worker.js')
  })

  it('is the name of a main-build entry written flat into out/main', () => {
    const main = (
      config as {
        main?: { build?: { outDir?: string; rollupOptions?: { input?: Record<string, string>; output?: { entryFileNames?: string } } } }
      }
    ).main
    const bundled = parseWorkerUrl('file:///app/out/main/main.js', () => false)
    const entry = bundled.pathname.split('/').at(-1)!.replace(/\.js$/, '')
    expect(main?.build?.outDir).toBe('out/main')
    expect(main?.build?.rollupOptions?.output?.entryFileNames).toBe('[name].js')
    expect(main?.build?.rollupOptions?.input?.[entry]).toMatch(/electron[\\/]services[\\/]repos[\\/]scan[\\/]parse-worker\.ts$/)
  })
})
