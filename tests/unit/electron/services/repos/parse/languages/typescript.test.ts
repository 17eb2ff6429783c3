import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

const TS = `import { readFile } from 'node:fs/promises'
import type { Scan } from './scan.js'
export { rank } from '../rank.ts'
export * from './models'
const lazy = await import('./lazy.ts')
import fs = require('fs')

/** Scans a repository. */
export async function scanRepo(path: string,
    signal: AbortSignal): Promise<ScanResult> {
  return await run(path, signal)
}
export const ranker = async (a: number, b: number): Promise<number> => a + b
export default class Scanner<T> extends Base implements Runner {
  private readonly seen = new Set<string>()
  async run(input: T): Promise<void> {}
}
export interface ScanResult { files: string[] }
export type Edge = { from: string; to: string }
export enum Phase { Files, History }
namespace Legacy { export const y = 1 }
`

describe('TypeScript', () => {
  it('reads every kind of import with its line', async () => {
    const result = await parser.parse('typescript', TS)
    expect(result.imports).toEqual([
      { specifier: 'node:fs/promises', line: 1, kind: 'import' },
      { specifier: './scan.js', line: 2, kind: 'import' },
      { specifier: '../rank.ts', line: 3, kind: 'reexport' },
      { specifier: './models', line: 4, kind: 'reexport' },
      { specifier: './lazy.ts', line: 5, kind: 'dynamic' },
      { specifier: 'fs', line: 6, kind: 'require' },
    ])
  })

  it('gives definitions with spans and bodiless signatures', async () => {
    const result = await parser.parse('typescript', TS)
    const summary = result.definitions.map((d) => [d.kind, d.name, d.line, d.endLine, d.signature])
    expect(summary).toEqual([
      ['function', 'scanRepo', 9, 12, 'export async function scanRepo(path: string, signal: AbortSignal): Promise<ScanResult>'],
      ['function', 'ranker', 13, 13, 'export const ranker = async (a: number, b: number): Promise<number> =>'],
      ['class', 'Scanner', 14, 17, 'export default class Scanner<T> extends Base implements Runner'],
      ['method', 'run', 16, 16, 'async run(input: T): Promise<void>'],
      ['interface', 'ScanResult', 18, 18, 'export interface ScanResult'],
      ['type', 'Edge', 19, 19, 'export type Edge = { from: string; to: string }'],
      ['enum', 'Phase', 20, 20, 'export enum Phase'],
      ['module', 'Legacy', 21, 21, 'namespace Legacy'],
    ])
    expect(result.hasErrors).toBe(false)
    expect(result.truncated).toBe(false)
  })

  it('reads TSX components and their imports', async () => {
    const source = `import React from 'react'
import { Button } from '../components/Button'

export function Tour({ steps }: { steps: Step[] }): JSX.Element {
  return <ol>{steps.map((s) => <li key={s.id}><Button label={s.title} /></li>)}</ol>
}
`
    const result = await parser.parse('tsx', source)
    expect(result.imports.map((i) => i.specifier)).toEqual(['react', '../components/Button'])
    expect(result.definitions).toEqual([
      {
        name: 'Tour',
        kind: 'function',
        line: 4,
        endLine: 6,
        signature: 'export function Tour({ steps }: { steps: Step[] }): JSX.Element',
      },
    ])
    expect(result.hasErrors).toBe(false)
  })
})

describe('JavaScript', () => {
  it('reads CommonJS, ESM and dynamic imports, classes and functions', async () => {
    const source = `'use strict'
const path = require('path')
const { scan } = require('./lib/scan')
import('./plugins' + name)
import def from './default.mjs'

class Repo extends EventEmitter {
  open(dir) { return dir }
}

module.exports = function main() {}
function* walk(dir) { yield dir }
const helper = function (a) { return a }
const plugin = { configure(server) { return server } }
`
    const result = await parser.parse('javascript', source)
    expect(result.imports).toEqual([
      { specifier: 'path', line: 2, kind: 'require' },
      { specifier: './lib/scan', line: 3, kind: 'require' },
      { specifier: './default.mjs', line: 5, kind: 'import' },
    ])
    expect(result.definitions.map((d) => [d.kind, d.name, d.signature])).toEqual([
      ['class', 'Repo', 'class Repo extends EventEmitter'],
      ['method', 'open', 'open(dir)'],
      ['function', 'walk', 'function* walk(dir)'],
      ['function', 'helper', 'const helper = function (a)'],
    ])
  })
})
