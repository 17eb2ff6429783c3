import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanResult } from '../../../shared/models/repos.ts'
import { createCodeParser, type CodeParser } from '../../../electron/services/repos/parse/code-parser.ts'
import { ScanMemory } from '../../../electron/services/repos/scan/scan-memory.ts'
import { scanRepo } from '../../../electron/services/repos/scan/scan-repo.ts'
import { buildRepo, makeTempFolder } from '../../fixtures/repo-builder.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

it('ranks key files and links files identically on a second scan that reuses cached parses', async () => {
  const repo = await buildRepo()
  const cacheFolder = await makeTempFolder()
  try {
    await repo.files({
      'README.md': '# App\n\nGo, Java and Ruby code that uses its neighbours without importing them.\n',
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'internal/store/store.go': 'package store\n\ntype Store struct{ n int }\n\nfunc Open() *Store { return &Store{} }\n',
      'internal/store/cache.go': 'package store\n\nfunc Cached() *Store { return Open() }\n',
      'internal/store/index.go': 'package store\n\nfunc Index(s *Store) int { return s.n }\n',
      'src/main/java/com/acme/billing/Invoice.java': 'package com.acme.billing;\n\npublic class Invoice { int total; }\n',
      'src/main/java/com/acme/billing/Ledger.java': 'package com.acme.billing;\n\npublic class Ledger { Invoice last; }\n',
      'app/models/user.rb': 'class User\n  def name; end\nend\n',
      'app/services/signup.rb': 'class Signup\n  def call\n    User.new\n  end\nend\n',
    })
    await repo.commit('init')
    const deps = { cacheFolder, clock: () => new Date('2025-03-01T00:00:00Z'), parser: async () => parser }
    const first = await scanRepo({ repoId: 'same', path: repo.dir }, deps)
    // Only the result is dropped: history and parses come from the cache the first scan wrote.
    const folder = join(cacheFolder, 'same')
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['scan.json', 'reuse.json', 'history.json']))
    expect((await readdir(folder)).filter((name) => name.startsWith('parses-')).length).toBeGreaterThan(0)
    await rm(join(folder, 'scan.json'))
    const second = await scanRepo({ repoId: 'same', path: repo.dir }, deps)
    expect(second.cache.hit).toBe(false)
    const samePackage = [
      { from: 'internal/store/cache.go', to: 'internal/store/store.go' },
      { from: 'src/main/java/com/acme/billing/Ledger.java', to: 'src/main/java/com/acme/billing/Invoice.java' },
      { from: 'app/services/signup.rb', to: 'app/models/user.rb' },
    ]
    expect(first.fileEdges).toEqual(expect.arrayContaining(samePackage))
    expect(second.fileEdges).toEqual(first.fileEdges)
    expect(second.keyFiles).toEqual(first.keyFiles)
    expect(second.keyFiles.find((file) => file.path === 'internal/store/store.go')).toBeDefined()
  } finally {
    await repo.cleanup()
    await rm(cacheFolder, { recursive: true, force: true })
  }
})

describe('a rescan after a commit', () => {
  const files = {
    'README.md': '# Shop\n\nSells widgets. Start with `createShop`.\n',
    'package.json': JSON.stringify({ name: 'shop', main: 'src/index.ts', dependencies: { express: '1' } }),
    'src/index.ts': "export { createShop } from './shop.ts'\n",
    'src/shop.ts':
      "import { Cart } from './cart.ts'\nimport { price } from './pricing/price.ts'\nexport function createShop() { return new Cart(price) }\n",
    'src/cart.ts': 'export class Cart { constructor(readonly price: unknown) {} }\n',
    'src/pricing/price.ts': 'export const price = 1\n',
    'tests/shop.test.ts': "import { createShop } from '../src/shop.ts'\ncreateShop()\n",
  }
  const comparable = (scan: ScanResult) => ({
    files: scan.files,
    keyFiles: scan.keyFiles,
    fileEdges: scan.fileEdges,
    modules: scan.modules,
    moduleEdges: scan.moduleEdges,
    moduleGraph: scan.moduleGraph,
    project: scan.project,
    history: { ...scan.history, newlyRead: 0 },
  })

  for (const [label, edit, edgesReused] of [
    [
      'changes a body: unchanged files and edges are taken over',
      "import { Cart } from './cart.ts'\nimport { price } from './pricing/price.ts'\nexport function createShop() { return new Cart(price + 1) }\n",
      true,
    ],
    [
      'changes an import: the edges are resolved again',
      "import { Cart } from './cart.ts'\nexport function createShop() { return new Cart(2) }\n",
      false,
    ],
  ] as const) {
    it(`${label}, and concludes exactly what a cold scan does`, async () => {
      const repo = await buildRepo()
      const warmCache = await makeTempFolder()
      const coldCache = await makeTempFolder()
      try {
        await repo.files(files)
        await repo.commit('init')
        const memory = new ScanMemory()
        const warm = { cacheFolder: warmCache, clock: () => new Date('2025-03-01T00:00:00Z'), parser: async () => parser, memory }
        await scanRepo({ repoId: 'r', path: repo.dir }, warm)
        await repo.write('src/shop.ts', edit)
        await repo.commit('edit the shop')
        const rescan = await scanRepo({ repoId: 'r', path: repo.dir }, warm)
        expect(rescan.cache).toMatchObject({ hit: false, filesReused: 6, edgesReused })
        const cold = await scanRepo(
          { repoId: 'r', path: repo.dir, force: true },
          { cacheFolder: coldCache, clock: () => new Date('2025-03-01T00:00:00Z'), parser: async () => parser },
        )
        expect(comparable(rescan)).toEqual(comparable(cold))
        // From the disk cache alone (a restarted app) too.
        await memory.settled()
        await repo.write('src/cart.ts', 'export class Cart { constructor(readonly price: unknown, readonly items = []) {} }\n')
        await repo.commit('edit the cart')
        const fromDisk = await scanRepo({ repoId: 'r', path: repo.dir }, { ...warm, memory: undefined })
        const coldAgain = await scanRepo(
          { repoId: 'r', path: repo.dir, force: true },
          { cacheFolder: coldCache, clock: () => new Date('2025-03-01T00:00:00Z'), parser: async () => parser },
        )
        expect(fromDisk.cache.filesReused).toBe(6)
        expect(comparable(fromDisk)).toEqual(comparable(coldAgain))
      } finally {
        await repo.cleanup()
        await rm(warmCache, { recursive: true, force: true })
        await rm(coldCache, { recursive: true, force: true })
      }
    })
  }
})
