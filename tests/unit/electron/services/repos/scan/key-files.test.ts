import { describe, expect, it } from 'vitest'
import type { FileRecord } from '../../../../../../shared/models/repos.ts'
import { rankKeyFiles } from '../../../../../../electron/services/repos/scan/key-files.ts'

const file = (path: string): FileRecord => ({ path, size: 100, language: 'Kotlin', lines: 10, binary: false })

describe('rankKeyFiles', () => {
  it('does not let tests make their helpers look central', () => {
    const tests = Array.from({ length: 30 }, (_, i) => `lib/src/jvmTest/kotlin/T${i}Test.kt`)
    const files = [
      ...tests.map(file),
      file('lib-testing-support/src/main/kotlin/TestUtil.kt'),
      file('lib/src/main/kotlin/Client.kt'),
      file('lib/src/main/kotlin/Call.kt'),
      file('lib/src/main/kotlin/Dns.kt'),
      file('lib/src/main/kotlin/Cache.kt'),
    ]
    const edges = [
      ...tests.map((from) => ({ from, to: 'lib-testing-support/src/main/kotlin/TestUtil.kt' })),
      ...tests.map((from) => ({ from, to: 'lib/src/main/kotlin/Client.kt' })),
      { from: 'lib/src/main/kotlin/Call.kt', to: 'lib/src/main/kotlin/Client.kt' },
      { from: 'lib/src/main/kotlin/Dns.kt', to: 'lib/src/main/kotlin/Client.kt' },
      { from: 'lib/src/main/kotlin/Cache.kt', to: 'lib/src/main/kotlin/Client.kt' },
    ]
    const ranked = rankKeyFiles({ files, edges, churn: new Map(), commitsRead: 0 })
    expect(ranked[0]?.path).toBe('lib/src/main/kotlin/Client.kt')
    expect(ranked[0]?.reasons.join(' ')).toMatch(/imported by 3 files/)
    expect(ranked.map((entry) => entry.path)).not.toContain('lib-testing-support/src/main/kotlin/TestUtil.kt')
  })
})

describe('rankKeyFiles principles', () => {
  const record = (path: string, lines = 120): FileRecord => ({
    path,
    size: lines * 30,
    language: path.endsWith('.md') ? 'Markdown' : 'TypeScript',
    lines,
    binary: false,
  })

  it('ranks declared entry points and package roots, keeps one README per package, and demotes examples, docs and benchmarks', () => {
    const files = [
      record('README.md', 40),
      record('package.json', 30),
      record('packages/core/README.md', 20),
      record('packages/core/src/index.ts'),
      record('packages/core/src/engine.ts', 400),
      record('packages/core/src/deep/a/b/README.md', 10),
      record('examples/demo/main.ts', 300),
      record('benchmarks/run.ts', 300),
      record('docs/guide.md', 300),
    ]
    const edges = [
      { from: 'packages/core/src/index.ts', to: 'packages/core/src/engine.ts' },
      { from: 'examples/demo/main.ts', to: 'packages/core/src/index.ts' },
      { from: 'benchmarks/run.ts', to: 'packages/core/src/engine.ts' },
      { from: 'examples/demo/main.ts', to: 'benchmarks/run.ts' },
    ]
    const ranked = rankKeyFiles({
      files,
      edges,
      churn: new Map(),
      commitsRead: 0,
      entries: [{ path: 'packages/core/src/index.ts', reason: 'package entry (package.json main)' }],
      packageDirs: ['packages/core'],
    })
    const paths = ranked.map((file) => file.path)
    expect(paths.slice(0, 3)).toEqual(['README.md', 'packages/core/src/index.ts', 'package.json'])
    expect(ranked.find((file) => file.path === 'packages/core/src/index.ts')?.reasons[0]).toBe('package entry (package.json main)')
    expect(ranked.find((file) => file.path === 'packages/core/README.md')?.reasons).toEqual(['README of the packages/core package'])
    expect(paths).not.toContain('packages/core/src/deep/a/b/README.md')
    const example = ranked.find((file) => file.path === 'examples/demo/main.ts')
    expect(example === undefined || example.reasons.at(-1) === 'examples, ranked lower').toBe(true)
    expect(paths.indexOf('packages/core/src/engine.ts')).toBeLessThan(
      paths.indexOf('benchmarks/run.ts') < 0 ? Infinity : paths.indexOf('benchmarks/run.ts'),
    )
  })

  it('counts what tests reach for as the public API, and what the README names', () => {
    const files = [
      record('src/app.ts', 300),
      record('src/util.ts', 300),
      ...Array.from({ length: 8 }, (_, i) => record(`tests/t${i}.test.ts`)),
    ]
    const edges = Array.from({ length: 8 }, (_, i) => ({ from: `tests/t${i}.test.ts`, to: 'src/app.ts' }))
    const ranked = rankKeyFiles({
      files,
      edges,
      churn: new Map(),
      commitsRead: 0,
      readme: '```ts\nimport { createUtil } from "x"\n```\n',
      definitions: (path) => (path === 'src/util.ts' ? [{ name: 'createUtil', kind: 'function' }] : []),
    })
    expect(ranked.find((file) => file.path === 'src/app.ts')?.reasons.join('; ')).toMatch(/used by 8 tests and examples \(public API\)/)
    expect(ranked.find((file) => file.path === 'src/util.ts')?.reasons).toContain('named in the README (createUtil)')
  })
})
