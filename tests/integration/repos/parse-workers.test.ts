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

it('scans a big repository with a worker (parsing, light reading, history) exactly as with this thread alone', async () => {
  const repo = await buildRepo()
  const folders: string[] = []
  try {
    // Enough sources for the scan to start a worker; imports fan into a few shared files.
    const files: Record<string, string> = { 'README.md': '# Many files\n' }
    for (let i = 0; i < 1600; i++) {
      files[`src/area${i % 16}/f${i}.ts`] =
        `import { shared } from '../area${(i + 1) % 16}/f${(i + 1) % 16}.ts'\nexport const v${i} = shared\n`
    }
    // Tests and Ruby are read lightly; the worker takes its share of those too.
    for (let i = 0; i < 300; i++) files[`tests/t${i}.test.ts`] = `import { v${i} } from '../src/area${i % 16}/f${i}.ts'\nv${i}\n`
    for (let i = 0; i < 100; i++)
      files[`lib/shop/part${i}.rb`] = `require "shop/part${(i + 1) % 100}"\nmodule Shop\n  class Part${i}\n  end\nend\n`
    await repo.files(files)
    await repo.commit('many files')
    for (let i = 0; i < 5; i++) {
      await repo.write(`src/area${i}/f${i}.ts`, `export const v${i} = ${i}\n`)
      await repo.commit(`change ${i}`)
    }
    const scan = async (parseWorkers: number) => {
      const cacheFolder = await makeTempFolder()
      folders.push(cacheFolder)
      return scanRepo(
        { repoId: 'big', path: repo.dir },
        { cacheFolder, clock: () => new Date(0), parser: async () => parser, parseWorkers },
      )
    }
    const alone = await scan(0)
    const helped = await scan(1)
    expect(alone.fileEdges.length).toBeGreaterThan(100)
    expect(helped.fileEdges).toEqual(alone.fileEdges)
    expect(helped.moduleEdges).toEqual(alone.moduleEdges)
    expect(helped.keyFiles).toEqual(alone.keyFiles)
    expect(helped.skipped).toEqual(alone.skipped)
    expect(helped.history).toEqual(alone.history)
    expect(helped.history.commitsRead).toBe(6)
    expect(helped.timings['history (from its start)']).toBeGreaterThan(0)
  } finally {
    await repo.cleanup()
    for (const folder of folders) await rm(folder, { recursive: true, force: true })
  }
}, 60_000)
