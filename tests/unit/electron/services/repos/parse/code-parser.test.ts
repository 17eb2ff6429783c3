import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../electron/services/repos/parse/code-parser.ts'
import { GembaError } from '../../../../../../shared/errors.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

describe('languageFor', () => {
  it('maps extensions and well-known file names, and refuses the rest', () => {
    expect(parser.languageFor('src/app.ts')).toBe('typescript')
    expect(parser.languageFor('src/types.d.ts')).toBe('typescript')
    expect(parser.languageFor('ui/App.tsx')).toBe('tsx')
    expect(parser.languageFor('bin/cli.mjs')).toBe('javascript')
    expect(parser.languageFor('pkg/x.py')).toBe('python')
    expect(parser.languageFor('cmd/main.go')).toBe('go')
    expect(parser.languageFor('A.java')).toBe('java')
    expect(parser.languageFor('build.gradle.kts')).toBe('kotlin')
    expect(parser.languageFor('Rakefile')).toBe('ruby')
    expect(parser.languageFor('README.md')).toBeNull()
    expect(parser.languageFor('.gitignore')).toBeNull()
    expect(parser.languageFor('Makefile')).toBeNull()
  })
})

describe('parse', () => {
  it('recovers from broken source: keeps what it can read and says the file has errors', async () => {
    const source = `import { a } from './a.ts'
export function ok(x: number): number { return x }
export function broken(( {
  const = = ;
class Later { run(): void {} }
import { b } from './b.ts'
`
    const result = await parser.parse('typescript', source)
    expect(result.hasErrors).toBe(true)
    expect(result.imports.map((i) => i.specifier)).toContain('./a.ts')
    expect(result.definitions.map((d) => d.name)).toContain('ok')
  })

  it('never throws on garbage or empty input, in any language', async () => {
    const garbage = '\u0000\u0001}}}{{{ ))) def class func import "unterminated\n'.repeat(50)
    for (const language of ['typescript', 'tsx', 'javascript', 'python', 'go', 'java', 'kotlin', 'ruby'] as const) {
      const result = await parser.parse(language, garbage)
      expect(result.language).toBe(language)
      const empty = await parser.parse(language, '')
      expect(empty).toMatchObject({ imports: [], definitions: [], hasErrors: false, truncated: false })
    }
  })

  it('parses only the head of a file past maxBytes, cut at a line break', async () => {
    const lines = ['import os', 'import sys']
    for (let i = 0; i < 2000; i++) lines.push(`def f${i}(x):\n    return x`)
    const source = `${lines.join('\n')}\n`
    const result = await parser.parse('python', source, { maxBytes: 1000 })
    expect(result.truncated).toBe(true)
    expect(result.imports.map((i) => i.specifier)).toEqual(['os', 'sys'])
    expect(result.definitions.length).toBeGreaterThan(10)
    expect(result.definitions.length).toBeLessThan(100)
    const whole = await parser.parse('python', source)
    expect(whole.truncated).toBe(false)
    expect(whole.definitions).toHaveLength(2000)
  })

  it('reads bytes as UTF-8 and keeps lines and signatures right after non-ASCII text', async () => {
    const source = `// Größe — 日本語 😀\nexport function größe(ü: string): string { return 'é' }\n`
    const result = await parser.parse('typescript', new TextEncoder().encode(source))
    expect(result.definitions).toEqual([
      { name: 'größe', kind: 'function', line: 2, endLine: 2, signature: 'export function größe(ü: string): string' },
    ])
  })

  it('reads invalid UTF-8, a byte-order mark and CRLF line endings without losing lines', async () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf, // BOM
      ...new TextEncoder().encode('# caf'),
      0xe9, // Latin-1 é: invalid UTF-8
      ...new TextEncoder().encode('\r\nimport os\r\n\r\ndef run(a,\r\n        b):\r\n    return a\r\n'),
    ])
    const result = await parser.parse('python', bytes)
    expect(result.imports).toEqual([{ specifier: 'os', line: 2, kind: 'import' }])
    expect(result.definitions).toEqual([{ name: 'run', kind: 'function', line: 4, endLine: 6, signature: 'def run(a, b)' }])
  })

  it('leaves decorators and annotations out of signatures', async () => {
    const result = await parser.parse(
      'typescript',
      `@Component({ selector: 'x' })\nexport class Widget {\n  @Input() set value(v: string) {}\n}\n`,
    )
    expect(result.definitions.map((d) => [d.name, d.line, d.signature])).toEqual([
      ['Widget', 1, 'export class Widget'],
      ['value', 3, 'set value(v: string)'],
    ])
  })

  it('stops when the signal is already aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const source = 'const x = 1\n'.repeat(20000)
    await expect(parser.parse('javascript', source, { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' })
    // The parser is still usable afterwards.
    expect((await parser.parse('javascript', 'function ok() {}')).definitions).toHaveLength(1)
  })
})

describe('grammar loading', () => {
  it('fails only the language whose grammar is missing, with a clear error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gemba-'))
    try {
      const partial = await createCodeParser({ grammarDir: dir, grammarPaths: { ruby: join(dir, 'missing.wasm') } })
      const error = await partial.parse('kotlin', 'fun a() {}').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(GembaError)
      expect(error).toMatchObject({ code: 'unavailable', details: { language: 'kotlin' } })
      await expect(partial.parse('ruby', 'def a; end')).rejects.toMatchObject({ code: 'unavailable' })
      expect((await partial.parse('python', 'def a(): pass')).definitions).toHaveLength(1)
      partial.dispose()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('loads each grammar once however many files ask for it at the same time', async () => {
    const reads: string[] = []
    const { readFile } = await import('node:fs/promises')
    const counting = await createCodeParser({
      readFile: async (path) => {
        reads.push(path)
        return readFile(path)
      },
    })
    await Promise.all(Array.from({ length: 20 }, () => counting.parse('go', 'package a\nfunc A() {}\n')))
    expect(reads.filter((p) => p.endsWith('tree-sitter-go.wasm'))).toHaveLength(1)
    counting.dispose()
  })
})
