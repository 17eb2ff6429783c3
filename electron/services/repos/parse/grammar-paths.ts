// Where the WebAssembly files live by default: the tree-sitter runtime from web-tree-sitter, most
// grammars from @vscode/tree-sitter-wasm, Kotlin from assets/grammars (no npm package ships it
// without a native addon). Resolved through Node's module resolution so a bundled main process
// (electron-vite keeps node_modules external) still finds them; callers may pass their own paths.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GrammarName } from './language-spec.ts'

const VSCODE_WASM = '@vscode/tree-sitter-wasm/wasm'
const KOTLIN_WASM = 'tree-sitter-kotlin.wasm'

export function defaultRuntimeWasmPath(): string {
  return createRequire(import.meta.url).resolve('web-tree-sitter/web-tree-sitter.wasm')
}

/**
 * The nearest `assets/grammars` holding the Kotlin grammar, looking upwards from this module: four
 * levels up when run from source, two from a bundled `out/main`, inside app.asar when packaged.
 */
export function defaultGrammarDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  for (let dir = here, depth = 0; depth < 8; depth++) {
    const candidate = join(dir, 'assets', 'grammars')
    if (existsSync(join(candidate, KOTLIN_WASM))) return candidate
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return join(here, '..', '..', '..', '..', 'assets', 'grammars')
}

/** Resolves lazily, so a missing optional grammar fails only the language that needs it. */
export function defaultGrammarPath(grammar: GrammarName, grammarDir: string = defaultGrammarDir()): string {
  if (grammar === 'kotlin') return join(grammarDir, KOTLIN_WASM)
  return createRequire(import.meta.url).resolve(`${VSCODE_WASM}/tree-sitter-${grammar}.wasm`)
}
