// Each scan phase has a time budget: past it the phase stops where it is, the scan goes on with what it
// had, and the result says which part stopped (the tour in one calm sentence). Budgets of 0 ms stop
// each phase at its first check, so the tests are about behaviour, never about the clock.
import { rm } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCodeParser, type CodeParser } from '../../../electron/services/repos/parse/code-parser.ts'
import type { PhaseBudgets } from '../../../electron/services/repos/scan/phase-budget.ts'
import { scanRepo } from '../../../electron/services/repos/scan/scan-repo.ts'
import { tourMarkdown } from '../../../electron/services/repos/tour/tour-markdown.ts'
import { buildRepo, makeTempFolder, type RepoBuilder } from '../../fixtures/repo-builder.ts'

const cleanups: (() => Promise<void>)[] = []
let parser: CodeParser
let builder: RepoBuilder
beforeAll(async () => {
  parser = await createCodeParser()
  builder = await buildRepo()
  const files: Record<string, string> = {
    'README.md': '# Shop\n\nA small shop service that sells widgets to other teams over HTTP.\n',
    'package.json': JSON.stringify({ name: 'shop', main: 'src/server.ts', scripts: { test: 'vitest run' } }),
  }
  for (let i = 0; i < 250; i++)
    files[`src/part${i}.ts`] = `import { part${(i + 1) % 250} } from './part${(i + 1) % 250}.ts'\nexport const part${i} = ${i}\n`
  await builder.files(files)
  await builder.commit('init')
  for (let i = 0; i < 3; i++) {
    await builder.write('src/part0.ts', `export const part0 = ${i}\n`)
    await builder.commit(`tune ${i}`)
  }
})
afterAll(async () => {
  parser.dispose()
  await builder.cleanup()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function scanWith(budgets: Partial<PhaseBudgets>) {
  const cacheFolder = await makeTempFolder()
  cleanups.push(() => rm(cacheFolder, { recursive: true, force: true }))
  return scanRepo(
    { repoId: 'r', path: builder.dir },
    { cacheFolder, clock: () => new Date('2025-03-01T00:00:00Z'), parser: async () => parser, budgets },
  )
}

describe('scan phase budgets', () => {
  it('says nothing when every phase finishes within its budget', async () => {
    const scan = await scanWith({})
    expect(scan.shortfalls).toBeUndefined()
    expect(scan.fileEdges.length).toBeGreaterThan(0)
    expect(tourMarkdown(scan)).not.toContain('To stay quick')
  })

  it('past the files budget, lists the files not read by name and size, and says how many were read', async () => {
    const scan = await scanWith({ files: 0 })
    expect(scan.filesCount).toBe(252)
    expect(scan.files.every((file) => file.lines === 0)).toBe(true)
    expect(scan.files.find((file) => file.path === 'src/part1.ts')).toMatchObject({ language: 'TypeScript', size: expect.any(Number) })
    expect(scan.shortfalls).toEqual([{ phase: 'files', budgetMs: 0, done: 0, total: 252 }])
    expect(tourMarkdown(scan)).toContain(
      'To stay quick, the scan stopped reading files after 0 ms (0 of 252 read; the rest are listed by name and size)',
    )
  })

  it('past the parse budget, goes on without the imports it did not read', async () => {
    const scan = await scanWith({ parse: 0 })
    expect(scan.shortfalls).toEqual([{ phase: 'parse', budgetMs: 0, done: 0, total: 250 }])
    expect(scan.fileEdges).toEqual([])
    expect(scan.keyFiles.length).toBeGreaterThan(0)
    expect(scan.history.commitsRead).toBe(4)
  })

  it('past the history budget, keeps the commits read so far', async () => {
    const scan = await scanWith({ history: 0 })
    expect(scan.shortfalls).toEqual([{ phase: 'history', budgetMs: 0, done: 0, total: 0 }])
    expect(scan.history.truncated).toBe(true)
    expect(scan.fileEdges.length).toBeGreaterThan(0)
    expect(tourMarkdown(scan)).toContain('reading history after 0 ms (0 commits)')
  })

  it('past the manifests budget, names the project after its folder and reads no manifest', async () => {
    const scan = await scanWith({ manifests: 0 })
    expect(scan.shortfalls).toEqual([{ phase: 'manifests', budgetMs: 0, done: 0, total: 0 }])
    expect(scan.project.manifests).toEqual([])
  })

  it('says every part that stopped in one sentence', async () => {
    const scan = await scanWith({ parse: 0, history: 0 })
    const sentences = tourMarkdown(scan)
      .split('\n')
      .filter((line) => line.includes('To stay quick'))
    expect(sentences).toEqual([
      '_To stay quick, the scan stopped reading imports after 0 ms (0 of 250 files) and reading history after 0 ms (0 commits), so this tour shows what it had read by then; Rescan to try again._',
    ])
  })
})
