// The code parser: web-tree-sitter with WebAssembly grammars, each loaded lazily and once, turning
// source text into imports and definitions. Never throws on bad source (tree-sitter recovers) and
// always frees its trees; it reads only the .wasm files it is pointed at and never imports 'electron'.
import { readFile } from 'node:fs/promises'
import { Language, Parser, Query } from 'web-tree-sitter'
import { GembaError } from '../../../../shared/errors.ts'
import { extractFile } from './extract-file.ts'
import { defaultGrammarPath, defaultRuntimeWasmPath } from './grammar-paths.ts'
import type { GrammarName, LanguageSpec } from './language-spec.ts'
import { languageForPath } from './language-for-path.ts'
import { LANGUAGE_SPECS } from './language-specs.ts'
import type { ParsedFile, ParseLanguage } from './parsed-file.ts'
import { usedNames } from './used-names.ts'

export const DEFAULT_MAX_BYTES = 512 * 1024

export interface CodeParserOptions {
  /** `web-tree-sitter.wasm`; only the first parser created in a process decides it (the runtime is global). */
  readonly runtimeWasmPath?: string
  /** Per-grammar overrides, e.g. paths inside a packaged app's resources. */
  readonly grammarPaths?: Partial<Readonly<Record<GrammarName, string>>>
  /** Folder holding grammars that ship with Gemba (`assets/grammars`). */
  readonly grammarDir?: string
  readonly readFile?: (path: string) => Promise<Uint8Array>
}

export interface ParseOptions {
  /** Longer sources are cut at the last line break before this many bytes; `truncated` says so. */
  readonly maxBytes?: number
  readonly signal?: AbortSignal
}

export interface CodeParser {
  languageFor(path: string): ParseLanguage | null
  /** Loads a language's grammar now (it is otherwise loaded on first use). */
  load(language: ParseLanguage): Promise<void>
  parse(language: ParseLanguage, source: string | Uint8Array, options?: ParseOptions): Promise<ParsedFile>
  /** Frees the parsers and queries; the parser must not be used afterwards. */
  dispose(): void
}

interface LoadedLanguage {
  readonly parser: Parser
  readonly query: Query
  readonly spec: LanguageSpec
}

// web-tree-sitter keeps one WebAssembly runtime per process; initialising it twice is wasteful.
let runtimeReady: Promise<void> | undefined

function initRuntime(path: string, read: (path: string) => Promise<Uint8Array>): Promise<void> {
  runtimeReady ??= read(path).then((wasmBinary) => Parser.init({ wasmBinary }))
  runtimeReady.catch(() => {
    runtimeReady = undefined
  })
  return runtimeReady
}

export async function createCodeParser(options: CodeParserOptions = {}): Promise<CodeParser> {
  const read = options.readFile ?? ((path: string) => readFile(path))
  try {
    await initRuntime(options.runtimeWasmPath ?? defaultRuntimeWasmPath(), read)
  } catch (cause) {
    throw new GembaError(
      {
        code: 'unavailable',
        message: 'The code parser could not start.',
        next: 'Reinstall Gemba; its parser files are missing or damaged.',
      },
      { cause },
    )
  }
  const loading = new Map<ParseLanguage, Promise<LoadedLanguage>>()
  let disposed = false

  const loadLanguage = (language: ParseLanguage): Promise<LoadedLanguage> => {
    const existing = loading.get(language)
    if (existing !== undefined) return existing
    const spec = LANGUAGE_SPECS[language]
    const path = options.grammarPaths?.[spec.grammar] ?? defaultGrammarPath(spec.grammar, options.grammarDir)
    const pending = loadGrammar(spec, path, read)
    loading.set(language, pending)
    return pending
  }

  return {
    languageFor: languageForPath,
    load: async (language) => {
      await loadLanguage(language)
    },
    parse: async (language, source, parseOptions = {}) => {
      if (disposed) throw new GembaError({ code: 'internal', message: 'The code parser was used after it was closed.' })
      const loaded = await loadLanguage(language)
      return parseWith(loaded, source, parseOptions)
    },
    dispose: () => {
      disposed = true
      for (const pending of loading.values()) {
        pending.then(
          (loaded) => {
            loaded.query.delete()
            loaded.parser.delete()
          },
          () => undefined,
        )
      }
      loading.clear()
    },
  }
}

async function loadGrammar(spec: LanguageSpec, path: string, read: (path: string) => Promise<Uint8Array>): Promise<LoadedLanguage> {
  try {
    const language = await Language.load(await read(path))
    const parser = new Parser()
    parser.setLanguage(language)
    return { parser, query: new Query(language, spec.query), spec }
  } catch (cause) {
    throw new GembaError(
      {
        code: 'unavailable',
        message: `The ${spec.language} grammar could not be loaded, so ${spec.language} files are not parsed.`,
        next: 'The rest of the scan still works; reinstall Gemba to restore it.',
        details: { language: spec.language },
      },
      { cause },
    )
  }
}

function parseWith(loaded: LoadedLanguage, source: string | Uint8Array, options: ParseOptions): ParsedFile {
  const { text, truncated } = headOf(source, options.maxBytes ?? DEFAULT_MAX_BYTES)
  const signal = options.signal
  loaded.parser.reset()
  const tree = loaded.parser.parse(text, null, signal === undefined ? undefined : { progressCallback: () => signal.aborted })
  if (tree === null) {
    throw new GembaError({ code: 'cancelled', message: 'Parsing was cancelled.' })
  }
  try {
    const extracted = extractFile(tree.rootNode, loaded.query, loaded.spec, text)
    const uses = usedNames(
      text,
      extracted.definitions.map((definition) => definition.name),
    )
    return { language: loaded.spec.language, ...extracted, uses, truncated, hasErrors: tree.rootNode.hasError }
  } finally {
    tree.delete()
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false })

/** The source up to `maxBytes`, cut at a line break so the last line parsed is whole. */
function headOf(source: string | Uint8Array, maxBytes: number): { text: string; truncated: boolean } {
  const bytes = typeof source === 'string' ? undefined : source
  const size = bytes === undefined ? Buffer.byteLength(source as string) : bytes.byteLength
  if (size <= maxBytes) return { text: bytes === undefined ? (source as string) : decoder.decode(bytes), truncated: false }
  const head = bytes === undefined ? Buffer.from(source as string).subarray(0, maxBytes) : bytes.subarray(0, maxBytes)
  const newline = head.lastIndexOf(0x0a)
  return { text: decoder.decode(newline > 0 ? head.subarray(0, newline + 1) : head), truncated: true }
}
