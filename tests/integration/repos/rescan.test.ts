import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createCodeParser, type CodeParser } from '../../../electron/services/repos/parse/code-parser.ts'
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
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['scan.json', 'parses.json']))
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
