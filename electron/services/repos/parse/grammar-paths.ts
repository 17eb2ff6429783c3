// Where the WebAssembly files live by default: the tree-sitter runtime from web-tree-sitter, most
// grammars from @vscode/tree-sitter-wasm, Kotlin from assets/grammars (no npm package ships it
// without a native addon). Resolved through Node's module resolution so a bundled main process
// (electron-vite keeps node_modules external) still finds them; callers may pass their own paths.
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { GrammarName } from './language-spec.ts'

const VSCODE_WASM = '@vscode/tree-sitter-wasm/wasm'

export function defaultRuntimeWasmPath(): string {
  return createRequire(import.meta.url).resolve('web-tree-sitter/web-tree-sitter.wasm')
}

/** The repository's `assets/grammars`, found relative to this source file (true when run from source). */
export function defaultGrammarDir(): string {
  return fileURLToPath(new URL('../../../../assets/grammars/', import.meta.url))
}

/** Resolves lazily, so a missing optional grammar fails only the language that needs it. */
export function defaultGrammarPath(grammar: GrammarName, grammarDir: string = defaultGrammarDir()): string {
  if (grammar === 'kotlin') return `${grammarDir.replace(/[\\/]+$/, '')}/tree-sitter-kotlin.wasm`
  return createRequire(import.meta.url).resolve(`${VSCODE_WASM}/tree-sitter-${grammar}.wasm`)
}
