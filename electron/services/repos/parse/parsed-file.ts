// The plain data the code parser hands to the scan: what a file imports and what it defines.
// Types only; nothing here touches tree-sitter, the disk or Electron.

export const PARSE_LANGUAGES = [
  'typescript',
  'tsx',
  'javascript',
  'python',
  'go',
  'java',
  'kotlin',
  'ruby',
  'rust',
  'csharp',
  'php',
  'c',
  'cpp',
] as const

export type ParseLanguage = (typeof PARSE_LANGUAGES)[number]

/** Languages no grammar Gemba ships reads: read by their lines only (what they declare and the names they use). */
export type LightLanguage = 'swift' | 'scala' | 'elixir'

/** Every language the scan reads code in: by a grammar, or by its lines. */
export type SourceLanguage = ParseLanguage | LightLanguage

/**
 * How an import was written. `from` is Python's `from x import a, b`; `static` is Java's
 * `import static`; `reexport` is `export … from` (and Rust's `pub use`); `require_relative` and
 * `autoload` are Ruby's; `mod` is Rust's `mod x;`; `include` is C and C++'s `#include`.
 */
export type ImportKind =
  'import' | 'from' | 'require' | 'require_relative' | 'autoload' | 'dynamic' | 'reexport' | 'static' | 'mod' | 'include'

export interface ImportRef {
  /** As written, quotes removed: `./scan.ts`, `..models`, `github.com/x/y/pkg`, `com.acme.Money`. */
  readonly specifier: string
  /** 1-based line of the import. */
  readonly line: number
  readonly kind: ImportKind
  /** Python `from x import a, b`: the imported names (each may itself be a module). */
  readonly names?: readonly string[]
  /** Java/Kotlin `import a.b.*`, Rust `use a::*`. */
  readonly wildcard?: boolean
  /** C/C++ `#include <x.h>`: searched on the include path only, never beside the file. */
  readonly system?: boolean
  /** PHP `use X as Y`, C# `using Y = X`: the local name the file uses for the import. */
  readonly alias?: string
}

export type DefinitionKind = 'class' | 'interface' | 'type' | 'enum' | 'function' | 'method' | 'module' | 'object' | 'constant'

export interface Definition {
  readonly name: string
  readonly kind: DefinitionKind
  /** 1-based first line (including an `export` or modifiers in front of the declaration). */
  readonly line: number
  /** 1-based last line of the whole declaration, body included. */
  readonly endLine: number
  /** The declaration without its body, whitespace collapsed: what a reader needs to call it. */
  readonly signature: string
}

export interface ParsedFile {
  readonly language: SourceLanguage
  readonly imports: readonly ImportRef[]
  readonly definitions: readonly Definition[]
  /** Java/Kotlin `package a.b`, Go `package x`, C# and PHP namespaces: lets the resolver find scopes. */
  readonly package?: string
  /**
   * Go, Java, Kotlin, Ruby, C#, PHP: type, constant and call names used in the file (sorted, distinct,
   * capped). Code uses its package neighbours (Ruby: autoloaded constants, PHP: autoloaded classes)
   * without importing them; these names let the resolver link them.
   */
  readonly references?: readonly string[]
  /** Interfaces and base types the file's classes implement or extend (by name as written). */
  readonly supertypes?: readonly string[]
  /**
   * The identifiers the file uses and does not declare, space-separated (parse/used-names.ts):
   * what links it to the files declaring them in the key-file ranking's symbol graph.
   */
  readonly uses?: string
  /** The file's first lines say a generator wrote it (`Code generated … DO NOT EDIT.`, `@generated`…). */
  readonly generated?: boolean
  /** The source was longer than `maxBytes`; only its head was parsed. */
  readonly truncated: boolean
  /** Tree-sitter recovered from syntax errors; results are best effort. */
  readonly hasErrors: boolean
}
