import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCodeParser, type CodeParser } from '../../../../../../electron/services/repos/parse/code-parser.ts'
import { ImportAnalyzer } from '../../../../../../electron/services/repos/scan/analyze-imports.ts'
import { ParsePool } from '../../../../../../electron/services/repos/scan/parse-pool.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

const source = "import { db } from './db/pool.ts'\nexport class Server { start(port: number): void {} }\n"

describe('ParsePool', () => {
  it('parses in a worker thread exactly as this thread does', async () => {
    const pool = ParsePool.start(1)
    try {
      const [inWorker, here] = await Promise.all([
        pool.parse('typescript', source, 65536),
        parser.parse('typescript', source, { maxBytes: 65536 }),
      ])
      expect(inWorker).toEqual(here)
      expect(inWorker.imports.map((ref) => ref.specifier)).toEqual(['./db/pool.ts'])
    } finally {
      await pool.close()
    }
  })

  it('rejects jobs when its worker cannot start, and the analyzer then parses in-process', async () => {
    const pool = ParsePool.start(1, new URL('./no-such-worker.ts', import.meta.url))
    try {
      await expect(pool.parse('typescript', source, 65536)).rejects.toThrow()
      const analyzer = new ImportAnalyzer(parser, new Map())
      await analyzer.add('src/server.ts', source, undefined, pool)
      expect(analyzer.parsed.get('src/server.ts')?.imports.map((ref) => ref.specifier)).toEqual(['./db/pool.ts'])
      expect(analyzer.skipped).toEqual([])
    } finally {
      await pool.close()
    }
  })
})
