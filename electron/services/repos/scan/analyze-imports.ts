// Parses source files with the code parser (tree-sitter) and resolves their imports to file edges.
// The shipped code is parsed whole; tests, examples, docs sources, benchmarks and tooling are read
// lightly (imports and names only, parse/light-extract.ts). Results are cached by content hash so an
// edited repository re-reads only what changed. Never parses huge files; a file the parser chokes on
// is listed as skipped, never fatal.
import { createHash } from 'node:crypto'
import type { SkippedItem } from '../../../../shared/models/repos.ts'
import type { CodeParser } from '../parse/code-parser.ts'
import type { ParsedFile } from '../parse/parsed-file.ts'
import type { ParsePool } from './parse-pool.ts'
import { lightLanguageFor, mayBeScript, scriptLanguage } from '../parse/language-for-path.ts'
import { LINE_READ_LANGUAGES, LINKED_BY_IMPORTS, lightExtract } from '../parse/light-extract.ts'
import { resolveImports, type ResolveImportsInput } from '../parse/resolve-imports.ts'
import { pathRole, saysGenerated } from './path-roles.ts'

export const MAX_PARSE_BYTES = 256 * 1024

/** Longer signatures are cut: the AI context wants to see how to call a thing, not its whole header. */
const MAX_SIGNATURE = 200

/**
 * What survives between scans: everything import resolution reads (imports, package, the names a file
 * uses and declares: Go/Java/Kotlin same-package and Ruby constant links depend on them), so a second
 * scan links files exactly as the first did. Definitions keep their signatures, capped.
 */
export type CachedParse = Pick<
  ParsedFile,
  'language' | 'imports' | 'package' | 'references' | 'supertypes' | 'definitions' | 'uses' | 'generated'
>

export class ImportAnalyzer {
  readonly parsed = new Map<string, ParsedFile>()
  readonly skipped: SkippedItem[] = []
  private readonly parser: CodeParser | null
  private readonly previous: ReadonlyMap<string, CachedParse>
  readonly next = new Map<string, CachedParse>()
  /** The parse cache key of each file read or taken over. */
  readonly keys = new Map<string, string>()
  parsedNow = 0
  reused = 0

  constructor(parser: CodeParser | null, previous: ReadonlyMap<string, CachedParse>) {
    this.parser = parser
    this.previous = previous
  }

  wants(path: string): boolean {
    // Code no grammar reads is read in the shipped code, for what it declares and uses; elsewhere (tests,
    // examples) only where its imports link it (Scala's: what tests reach for is the public API).
    const light = lightLanguageFor(path)
    return (
      this.parser?.languageFor(path) != null ||
      (light !== null && LINKED_BY_IMPORTS.has(light)) ||
      ((light !== null || (this.parser !== null && mayBeScript(path))) && pathRole(path) === 'source')
    )
  }

  /** Whether a file is parsed whole by the code parser (not read by its lines). */
  needsParser(path: string): boolean {
    const language = this.parser?.languageFor(path)
    return language != null && pathRole(path) === 'source' && !LINE_READ_LANGUAGES.has(language)
  }

  /** Parses (or reuses the cached parse of) one file; `pool`: try a worker first, this thread if it fails. */
  async add(path: string, text: string, signal?: AbortSignal, pool?: ParsePool | null): Promise<void> {
    const language = this.parser?.languageFor(path) ?? lightLanguageFor(path) ?? scriptLanguage(path, text)
    if (!this.parser || !language) return
    if (text.length > MAX_PARSE_BYTES) {
      this.skipped.push({ path, reason: `not parsed: larger than ${MAX_PARSE_BYTES / 1024} KB` })
      return
    }
    const key = createHash('sha1').update(path).update('\0').update(text).digest('base64')
    this.keys.set(path, key)
    if (this.takeOver(path, key)) return
    // Shipped code a generator wrote is linked like any other, but never ranks as a key file.
    const generated = pathRole(path) === 'source' && saysGenerated(text) ? { generated: true } : {}
    if (!this.needsParser(path)) {
      const definitions = pathRole(path) === 'source'
      const grammar = this.parser.languageFor(path)
      const fromWorker = pool && grammar ? await pool.light(grammar, text, definitions).catch(() => null) : null
      const light = { ...(fromWorker ?? detached(lightExtract(language, text, { definitions }))), ...generated }
      this.parsed.set(path, light)
      this.next.set(key, compact(light))
      return
    }
    const grammar = this.parser.languageFor(path)
    if (!grammar) return
    try {
      const fromWorker = pool ? await pool.parse(grammar, text, MAX_PARSE_BYTES).catch(() => null) : null
      signal?.throwIfAborted()
      const file =
        fromWorker ?? detached(await this.parser.parse(grammar, text, { maxBytes: MAX_PARSE_BYTES, ...(signal ? { signal } : {}) }))
      this.parsedNow += 1
      const kept = compact({ ...file, ...generated })
      this.parsed.set(path, { ...kept, definitions: kept.definitions ?? [], truncated: file.truncated, hasErrors: file.hasErrors })
      this.next.set(key, kept)
    } catch (error) {
      signal?.throwIfAborted()
      this.skipped.push({ path, reason: `not parsed: ${(error as Error).message}` })
    }
  }

  /** Takes over a file's parse from the last scan by its cache key; false when the cache has none. */
  takeOver(path: string, key: string): boolean {
    const cached = this.previous.get(key)
    if (!cached) return false
    this.reused += 1
    this.keys.set(path, key)
    this.next.set(key, cached)
    this.parsed.set(path, { ...cached, definitions: cached.definitions ?? [], truncated: false, hasErrors: false })
    return true
  }

  /** The last scan's parse of a cache key, if kept. */
  previousParse(key: string): CachedParse | undefined {
    return this.previous.get(key)
  }

  /** Resolves every parsed file's imports; `layout` is what the manifests say (modules, crates, autoload…). */
  resolve(files: readonly string[], layout: Omit<ResolveImportsInput, 'files' | 'parsed'>) {
    // Parses finish in any order when workers help; resolution sees them in path order, as one thread would.
    const parsed = new Map([...this.parsed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    return resolveImports({ files, parsed, ...layout })
  }
}

function compact(file: ParsedFile): CachedParse {
  return {
    language: file.language,
    imports: file.imports,
    ...(file.package ? { package: file.package } : {}),
    ...(file.references?.length ? { references: file.references } : {}),
    ...(file.supertypes?.length ? { supertypes: file.supertypes } : {}),
    ...(file.uses ? { uses: file.uses } : {}),
    ...(file.generated ? { generated: true } : {}),
    definitions: file.definitions.map((definition) =>
      definition.signature.length > MAX_SIGNATURE
        ? { ...definition, signature: `${definition.signature.slice(0, MAX_SIGNATURE - 1)}…` }
        : definition,
    ),
  }
}

/**
 * A parse result that holds no part of the source text: names cut out of the text by a match are views
 * into it (V8's sliced strings), so keeping one name would keep the whole file. A copy, as a worker's
 * answer is.
 */
function detached(file: ParsedFile): ParsedFile {
  return structuredClone(file)
}
