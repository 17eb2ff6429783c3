import { rm } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCodeParser } from '../../../electron/services/repos/parse/code-parser.ts'
import type { CodeParser } from '../../../electron/services/repos/parse/code-parser.ts'
import { scanRepo, type ScanDeps } from '../../../electron/services/repos/scan/scan-repo.ts'
import { buildRepo, makeTempFolder, shallowClone, type RepoBuilder } from '../../fixtures/repo-builder.ts'

const cleanups: (() => Promise<void>)[] = []
let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function deps(historyLimit?: number): Promise<ScanDeps> {
  const cacheFolder = await makeTempFolder()
  cleanups.push(() => rm(cacheFolder, { recursive: true, force: true }))
  return {
    cacheFolder,
    clock: () => new Date('2025-03-01T00:00:00Z'),
    parser: async () => parser,
    ...(historyLimit ? { historyLimit } : {}),
  }
}

async function repo(): Promise<RepoBuilder> {
  const builder = await buildRepo()
  cleanups.push(() => builder.cleanup())
  return builder
}

const ada = { name: 'Ada', email: 'ada@example.com' }
const bob = { name: 'Bob', email: 'bob@example.com' }

async function sampleRepo(): Promise<RepoBuilder> {
  const builder = await repo()
  await builder.files({
    'README.md': '# Shop\n\nA small shop service that sells widgets to other teams over HTTP.\n',
    'package.json': JSON.stringify({
      name: 'shop',
      scripts: { test: 'vitest run', build: 'tsc' },
      dependencies: { express: '^4' },
      devDependencies: { vitest: '^1' },
    }),
    'src/server.ts': "import { route } from './routes/index.ts'\nimport { db } from './db/pool.ts'\nexport const app = route(db)\n",
    'src/routes/index.ts': "import { db } from '../db/pool.ts'\nexport function route(x: unknown) { return [x, db] }\n",
    'src/db/pool.ts': 'export const db = 1\n',
    'docs/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
  })
  await builder.commit('init', { author: ada })
  for (let i = 0; i < 3; i++) {
    await builder.write('src/db/pool.ts', `export const db = ${i}\n`)
    await builder.commit(`tune pool ${i}`, { author: i === 2 ? bob : ada })
  }
  return builder
}

describe('scanRepo', () => {
  it('reads files, languages, manifests, modules, imports, history and key files', async () => {
    const builder = await sampleRepo()
    const progress: string[] = []
    const scan = await scanRepo({ repoId: 'r', path: builder.dir, onProgress: (phase) => progress.push(phase) }, await deps())
    expect(scan.filesCount).toBe(6)
    expect(scan.files.find((f) => f.path === 'docs/logo.png')).toMatchObject({ binary: true, lines: 0 })
    expect(scan.files.find((f) => f.path === 'src/server.ts')).toMatchObject({ language: 'TypeScript', lines: 3 })
    expect(scan.languages[0]).toMatchObject({ language: 'TypeScript', files: 3, lines: 6 })
    expect(scan.project).toMatchObject({ name: 'Shop', testCommand: 'npm test' })
    expect(scan.project.frameworks).toEqual(['Express'])
    expect(scan.project.testedWith).toEqual(['Vitest'])
    expect(scan.fileEdges).toEqual(expect.arrayContaining([{ from: 'src/server.ts', to: 'src/db/pool.ts' }]))
    expect(scan.modules.map((m) => m.path)).toEqual(expect.arrayContaining(['src/db', 'src/routes']))
    expect(scan.moduleEdges).toEqual(expect.arrayContaining([{ from: 'm_src_routes', to: 'm_src_db', weight: 1 }]))
    expect(scan.keyFiles[0]?.path).toBe('README.md')
    const pool = scan.keyFiles.find((f) => f.path === 'src/db/pool.ts')
    expect(pool?.reasons.join(' ')).toMatch(/imported|central/)
    expect(scan.history.commitsRead).toBe(4)
    expect(scan.history.churn[0]).toEqual({ path: 'src/db/pool.ts', commits: 4, authors: 2 })
    const db = scan.history.modules.find((m) => m.module === 'm_src_db')
    expect(db?.contributors.map((c) => c.name)).toEqual(['Ada', 'Bob'])
    expect(db?.busFactor).toBe(1)
    expect(scan.history.cadence.reduce((sum, week) => sum + week.commits, 0)).toBe(4)
    expect(new Set(progress)).toEqual(new Set(['files', 'parse', 'manifests', 'modules', 'history', 'rank', 'cache']))
    expect(scan.skipped).toEqual([])
  })

  it('answers from the cache when nothing changed, and reads only new commits after a commit', async () => {
    const builder = await sampleRepo()
    const d = await deps()
    const first = await scanRepo({ repoId: 'r', path: builder.dir }, d)
    const second = await scanRepo({ repoId: 'r', path: builder.dir }, d)
    expect(first.cache.hit).toBe(false)
    expect(second.cache.hit).toBe(true)
    expect(second.keyFiles).toEqual(first.keyFiles)
    await builder.write('src/db/pool.ts', 'export const db = 42\n')
    const edited = await scanRepo({ repoId: 'r', path: builder.dir }, d)
    expect(edited.cache.hit).toBe(false)
    expect(edited.history.newlyRead).toBe(0)
    await builder.commit('more', { author: bob })
    const after = await scanRepo({ repoId: 'r', path: builder.dir }, d)
    expect(after.history).toMatchObject({ commitsRead: 5, newlyRead: 1 })
    expect(after.cache.historyReused).toBe(true)
    expect(after.history.churn[0]).toMatchObject({ path: 'src/db/pool.ts', commits: 5 })
  })

  it('keeps only the newest commits when history is longer than the window', async () => {
    const builder = await sampleRepo()
    const scan = await scanRepo({ repoId: 'r', path: builder.dir }, await deps(2))
    expect(scan.history).toMatchObject({ commitsRead: 2, truncated: true })
    expect(scan.history.lastCommits.map((c) => c.message)).toEqual(['tune pool 2', 'tune pool 1'])
  })

  it('completes and lists what it skipped when objects are missing', async () => {
    const builder = await sampleRepo()
    const blob = await builder.objectId('HEAD:src/routes/index.ts')
    const oldTree = await builder.objectId('HEAD~2^{tree}')
    await builder.deleteObject(blob)
    await builder.remove('src/routes/index.ts')
    await builder.git(['update-index', '--assume-unchanged', 'src/routes/index.ts'])
    await builder.deleteObject(oldTree)
    const scan = await scanRepo({ repoId: 'r', path: builder.dir }, await deps())
    expect(scan.filesCount).toBe(6)
    expect(scan.skipped.map((s) => s.path)).toEqual(expect.arrayContaining(['src/routes/index.ts', oldTree]))
    expect(scan.history.commitsRead).toBeGreaterThanOrEqual(2)
  })

  it("reads HEAD's files when the index lists none (a clone whose checkout did not finish), and says so", async () => {
    const builder = await sampleRepo()
    await builder.git(['read-tree', '--empty'])
    const scan = await scanRepo({ repoId: 'r', path: builder.dir }, await deps())
    expect(scan.filesCount).toBe(6)
    expect(scan.keyFiles.map((file) => file.path)).toContain('src/server.ts')
    expect(scan.skipped).toContainEqual({ path: '.git/index', reason: expect.stringMatching(/lists no file though HEAD has 6 /) })
  })

  it('survives submodules, symlinks (including a loop), huge, binary and non-UTF-8 files', async () => {
    const builder = await repo()
    const huge = 'x'.repeat(100) + '\n'
    await builder.files({
      'a.py': 'import os\n',
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'big.sql': huge.repeat(100_000),
      'huge.csv': huge.repeat(170_000),
      'blob.bin': Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100)]),
    })
    await builder.write(Buffer.from([0x6e, 0xe9, 0x2e, 0x74, 0x78, 0x74]).toString('latin1'), 'x\n')
    await builder.symlink('link.py', 'a.py')
    await builder.symlink('loop1', 'loop2')
    await builder.symlink('loop2', 'loop1')
    await builder.commit('init')
    await builder.gitlink('vendor/lib', await builder.head())
    await builder.commit('add submodule', { all: false })
    const scan = await scanRepo({ repoId: 'r', path: builder.dir }, await deps())
    const byPath = new Map(scan.files.map((f) => [f.path, f]))
    expect(byPath.get('latin1.txt')?.lines).toBe(1)
    expect(byPath.get('big.sql')).toMatchObject({ lines: 100_000, binary: false })
    expect(byPath.get('huge.csv')?.size).toBe(17_170_000)
    expect(scan.skipped).toEqual(expect.arrayContaining([{ path: 'huge.csv', reason: expect.stringMatching(/too large/) }]))
    expect(byPath.get('blob.bin')?.binary).toBe(true)
    expect(byPath.get('link.py')).toMatchObject({ lines: 0, language: null })
    expect(byPath.has('loop1')).toBe(true)
    expect(scan.skipped).toEqual(expect.arrayContaining([{ path: 'vendor/lib', reason: expect.stringMatching(/submodule/) }]))
    expect(scan.files.some((f) => f.path.startsWith('n') && f.path.endsWith('.txt'))).toBe(true)
  })

  it('skips an unreadable file with a reason', async (context) => {
    if (process.getuid?.() === 0) context.skip('running as root: chmod 000 does not stop root from reading')
    const builder = await repo()
    await builder.files({ 'secret.txt': 'x\n', 'ok.txt': 'y\n' })
    await builder.commit('init')
    await builder.chmod('secret.txt', 0o000)
    const scan = await scanRepo({ repoId: 'r', path: builder.dir }, await deps())
    expect(scan.skipped).toEqual([{ path: 'secret.txt', reason: expect.stringMatching(/permission/) }])
  })

  it('scans a shallow clone, a detached HEAD and a repository with no commits', async () => {
    const source = await sampleRepo()
    const shallow = await shallowClone(source, 2)
    cleanups.push(() => shallow.cleanup())
    const scan = await scanRepo({ repoId: 's', path: shallow.dir }, await deps())
    expect(scan.history.commitsRead).toBe(2)
    expect(scan.skipped).toEqual([])
    await source.detach('HEAD~1')
    const detached = await scanRepo({ repoId: 'd', path: source.dir }, await deps())
    expect(detached.branch).toBeNull()
    expect(detached.history.commitsRead).toBe(3)
    const empty = await repo()
    await empty.write('a.go', 'package main\n')
    const none = await scanRepo({ repoId: 'e', path: empty.dir }, await deps())
    expect(none).toMatchObject({ headCommit: null, filesCount: 0 })
    expect(none.history.commitsRead).toBe(0)
  })

  it('stops with the abort signal', async () => {
    const builder = await sampleRepo()
    const controller = new AbortController()
    controller.abort()
    await expect(scanRepo({ repoId: 'r', path: builder.dir, signal: controller.signal }, await deps())).rejects.toThrow()
  })
})
