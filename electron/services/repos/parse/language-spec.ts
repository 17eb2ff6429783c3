// The shape of one language's parsing rules: a tree-sitter query plus small hooks for what a query
// cannot say. Specs are data and pure functions; they never load grammars or read files.
import type { Node } from 'web-tree-sitter'
import type { DefinitionKind, ImportKind, ImportRef, ParseLanguage } from './parsed-file.ts'

/** The grammar file a language needs; several languages may share one (C is read with the C++ grammar). */
export type GrammarName =
  'typescript' | 'tsx' | 'javascript' | 'python' | 'go' | 'java' | 'kotlin' | 'ruby' | 'rust' | 'c-sharp' | 'php' | 'cpp'

/**
 * Query capture conventions, shared by every language:
 * - `@import.<kind>` on the node that holds the specifier (quotes are stripped), or on the whole
 *   statement when the spec has `readImports`;
 * - `@definition.<kind>` on the declaration, with `@name` and optionally `@body` in the same pattern;
 * - `@package` on the package name (Java, Kotlin, Go) or namespace (C#, PHP);
 * - `@reference` on names a file may use from its own package without importing them (Go, Java,
 *   Kotlin, Ruby, C#, PHP);
 * - `@supertype` on the interfaces and base types a class implements or extends (also a reference).
 * Captures starting with `_` are only used by predicates.
 */
export interface LanguageSpec {
  readonly language: ParseLanguage
  readonly grammar: GrammarName
  readonly query: string
  /** Node types that wrap a declaration and belong in its signature (`export_statement`). */
  readonly wrapperTypes?: readonly string[]
  /** Node types that are a declaration's body when the pattern does not capture `@body`. */
  readonly bodyTypes: readonly string[]
  /** Turn a whole import statement into refs (Python's `from`, Java's `import static a.b.*`). */
  readonly readImports?: (node: Node, kind: ImportKind) => ImportRef[]
  /** Adjust a captured kind from context (a function inside a class is a method). */
  readonly refineKind?: (node: Node, kind: DefinitionKind) => DefinitionKind
  /** Write the signature when cutting before the body is not enough (Go's `type X struct`). */
  readonly signature?: (node: Node, name: string, kind: DefinitionKind) => string | undefined
}

export function lineOf(node: Node): number {
  return node.startPosition.row + 1
}

export function unquote(text: string): string {
  return text.replace(/^[`'"]+|[`'"]+$/g, '')
}
