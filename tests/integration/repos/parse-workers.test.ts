import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createCodeParser, type CodeParser } from '../../../electron/services/repos/parse/code-parser.ts'
import { scanRepo } from '../../../electron/services/repos/scan/scan-repo.ts'
import { buildRepo, makeTempFolder } from '../../fixtures/repo-builder.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

it('scans a big repository with a parse worker exactly as with this thread alone', async () => {
  const repo = await buildRepo()
  const folders: string[] = []
  try {
    // Enough sources for the scan to start a worker; imports fan into a few shared files.
    const files: Record<string, string> = { 'README.md': '# Many files\n' }
    for (let i = 0; i < 1600; i++) {
      files[`src/area${i % 16}/f${i}.ts`] = `import { shared } from '../area${(i + 1) % 16}/f${(i + 1) % 16}.ts'\nexport const v${i} = shared\n`
    }
    await repo.files(files)
    await repo.commit('many files')
    const scan = async (parseWorkers: number) => {
      const cacheFolder = await makeTempFolder()
      folders.push(cacheFolder)
      return scanRepo({ repoId: 'big', path: repo.dir }, { cacheFolder, clock: () => new Date(0), parser: async () => parser, parseWorkers })
    }
    const alone = await scan(0)
    const helped = await scan(1)
    expect(alone.fileEdges.length).toBeGreaterThan(100)
    expect(helped.fileEdges).toEqual(alone.fileEdges)
    expect(helped.moduleEdges).toEqual(alone.moduleEdges)
    expect(helped.keyFiles).toEqual(alone.keyFiles)
    expect(helped.skipped).toEqual(alone.skipped)
  } finally {
    await repo.cleanup()
    for (const folder of folders) await rm(folder, { recursive: true, force: true })
  }
}, 60_000)
