// What a file holds, read from its text: behaviour or only types; its public functions and whether
// the team documented them, across the languages Gemba reads.
import { describe, expect, it } from 'vitest'
import { functionsOf, holdsBehaviour } from '../../../../../../electron/services/change/tasks/code-shape.ts'

describe('holdsBehaviour', () => {
  it.each([
    ['types only (a status-code union, an interface, a function type)', 'src/http-status.ts', 'export type InfoStatusCode = 100 | 101 | 102 | 103\nexport type SuccessStatusCode =\n  | 200\n  | 201\nexport interface Handler {\n  (c: Context): Response\n}\nexport type Next = () => Promise<void>\n', false],
    ['re-exports only', 'src/index.ts', "export * from './app'\nexport { Hono } from './hono'\nexport type { Env } from './types'\n", false],
    ['constants only', 'src/limits.ts', 'export const MAX = 10\nexport const NAMES = { a: 1 }\n', false],
    ['a function', 'src/greet.ts', 'export function greet(name: string) {\n  return `Hello, ${name}`\n}\n', true],
    ['an arrow function', 'src/greet.ts', 'export const greet = (name: string) => `Hello, ${name}`\n', true],
    ['a Go function', 'greet.go', 'package greet\n\nfunc Greet(name string) string {\n\treturn "Hello, " + name\n}\n', true],
    ['Go constants', 'version.go', 'package gin\n\n// Version is the current version.\nconst Version = "v1.10.0"\n', false],
    ['a Python function', 'app/greet.py', 'def greet(name):\n    return f"Hello, {name}"\n', true],
  ])('%s', (_name, path, text, expected) => {
    expect(holdsBehaviour(path, text)).toBe(expected)
  })
})

describe('functionsOf', () => {
  it('finds public functions and their docs: JSDoc, docstrings after long signatures, Go and Rust comments, past decorators', () => {
    const ts = functionsOf('a.ts', '/** Documented. */\nexport function a() {\n  return 1\n}\nfunction hidden() {}\nexport const b = async (x: number) => x\n')
    expect(ts.map((fn) => [fn.name, fn.exported, fn.documented])).toEqual([
      ['a', true, true],
      ['hidden', false, false],
      ['b', true, false],
    ])
    const py = functionsOf('a.py', '@app.route("/")\ndef index(\n    a: int,\n    b: int,\n) -> str:\n    """Home."""\n    return "x"\n\n\ndef _private():\n    pass\n\n@t.overload\ndef over(a: int) -> int: ...\n')
    expect(py.map((fn) => [fn.name, fn.exported, fn.documented])).toEqual([
      ['index', true, true],
      ['_private', false, false],
    ])
    const go = functionsOf('a.go', '// Greet says hello.\nfunc Greet() {}\n\nfunc (e *Engine) Handler() http.Handler {\n\treturn e\n}\nfunc quiet() {}\n')
    expect(go.map((fn) => [fn.name, fn.exported, fn.documented])).toEqual([
      ['Greet', true, true],
      ['Handler', true, false],
      ['quiet', false, false],
    ])
    const rust = functionsOf('a.rs', '/// Docs.\n#[inline]\npub fn one() {}\npub(crate) fn two() {}\n#[deprecated(\n    since = "1",\n)]\npub fn old() {}\n')
    expect(rust.map((fn) => [fn.name, fn.exported, fn.documented])).toEqual([
      ['one', true, true],
      ['two', false, false],
      ['old', false, false],
    ])
  })
})
