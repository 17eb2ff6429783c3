// Turns parsed import specifiers into file-to-file edges inside one repository, for every language the
// code parser reads, then adds the links code makes without imports (same-package names, C# and PHP
// namespaces, Ruby constants, a header's implementation) and follows imported names through the files
// that only re-export them. Imports that reach no repository file are dropped and counted, never guessed.
import type { ImportRef, ParsedFile } from './parsed-file.ts'
import { createCFamilyResolver, defaultIncludeDirs, isHeaderToSource } from './resolve/c-family.ts'
import { linkCsharp, type DotnetProject } from './resolve/csharp.ts'
import type { TsPaths, WorkspacePackage } from './resolve/ecmascript.ts'
import { createEcmascriptResolver } from './resolve/ecmascript.ts'
import { buildFileIndex } from './resolve/file-index.ts'
import type { GoModule } from './resolve/go.ts'
import { createGoResolver } from './resolve/go.ts'
import { createJvmResolver } from './resolve/jvm.ts'
import { createPhpResolver, type PhpAutoload } from './resolve/php.ts'
import { createPythonResolver, pythonRoots } from './resolve/python.ts'
import type { ResolvedImport } from './resolve/resolved-import.ts'
import { createRubyResolver, rubyConstantPairs, rubyLoadPaths } from './resolve/ruby.ts'
import { createRustResolver, type RustCrate } from './resolve/rust.ts'
import { samePackagePairs } from './resolve/same-package.ts'

export type { DotnetProject, GoModule, PhpAutoload, RustCrate, TsPaths, WorkspacePackage }

export interface FileEdge {
  readonly from: string
  readonly to: string
}

export interface ResolveImportsInput {
  /** Every repository file, relative to the root, `/`-separated. */
  readonly files: readonly string[]
  /** Parse results keyed by the same paths. */
  readonly parsed: ReadonlyMap<string, ParsedFile>
  /** The root go.mod's module path (shorthand for `goModules: [{ path, dir: '' }]`). */
  readonly goModulePath?: string
  readonly goModules?: readonly GoModule[]
  readonly tsPaths?: TsPaths
  readonly workspacePackages?: readonly WorkspacePackage[]
  /** Java/Kotlin/Scala source roots; by default derived from the files' own package lines. */
  readonly javaSourceRoots?: readonly string[]
  /** Python import roots; by default '', src and the parent of every top-level package. */
  readonly pythonRoots?: readonly string[]
  /** Ruby load paths; by default every lib/ folder and the root. */
  readonly rubyLoadPaths?: readonly string[]
  /** The repository's Rust crates (from Cargo.toml files). */
  readonly rustCrates?: readonly RustCrate[]
  /** .csproj projects and their project references. */
  readonly dotnetProjects?: readonly DotnetProject[]
  /** Composer autoload mappings (PSR-4, PSR-0). */
  readonly phpAutoload?: readonly PhpAutoload[]
  /** C/C++ include folders; by default the root, src/ and every include/ folder (build-file ones come first). */
  readonly includeDirs?: readonly string[]
  /** Also link files through names used without imports (default true). */
  readonly samePackage?: boolean
  /**
   * Resolve only these files' imports and links (a rescan after a few files changed); `keptEdges` are
   * the other files' edges from the last resolution, valid while no file's declarations changed.
   */
  readonly sources?: ReadonlySet<string>
  readonly keptEdges?: readonly FileEdge[]
}

export interface ImportResolution {
  /** Deduplicated, sorted by from then to; no self edges. Includes links by name (not counted below). */
  readonly edges: FileEdge[]
  readonly resolved: number
  /** Imports of dependencies and standard libraries. */
  readonly external: number
  /** Imports that look internal (relative, or under the module's own path) but match no file. */
  readonly unresolved: number
}

type Resolve = (from: string, ref: ImportRef) => ResolvedImport

export function resolveImports(input: ResolveImportsInput): ImportResolution {
  const index = buildFileIndex(input.files)
  const goModules = input.goModules ?? (input.goModulePath === undefined ? [] : [{ path: input.goModulePath, dir: '' }])
  const ecmascript = createEcmascriptResolver(index, input.tsPaths, input.workspacePackages)
  const python = createPythonResolver(index, input.pythonRoots ?? pythonRoots(input.files, index))
  const go = createGoResolver(index, goModules, input.parsed)
  const jvm = createJvmResolver(input.files, input.parsed, input.javaSourceRoots ?? defaultSourceRoots(input.parsed))
  const ruby = createRubyResolver(index, input.rubyLoadPaths ?? rubyLoadPaths(index))
  const rust = createRustResolver(index, input.rustCrates ?? [])
  const sources = input.sources
  const isSource = (path: string) => sources === undefined || sources.has(path)
  const csharp = linkCsharp(input.parsed, input.dotnetProjects ?? [], isSource)
  const php = createPhpResolver(index, input.parsed, input.phpAutoload ?? [], isSource)
  const includeDirs = [...new Set([...(input.includeDirs ?? []), ...defaultIncludeDirs(index)])]
  const cFamily = createCFamilyResolver(input.files, index, includeDirs)

  const resolverFor = (file: ParsedFile): Resolve => {
    switch (file.language) {
      case 'typescript':
      case 'tsx':
      case 'javascript':
        return (from, ref) => ecmascript(from, ref.specifier)
      case 'python':
        return python
      case 'go':
        return (from, ref) => go(ref.specifier, from)
      case 'java':
      case 'kotlin':
        return (from, ref) => jvm(ref, input.parsed.get(from)?.references)
      case 'scala':
        return (from, ref) => jvm(ref, input.parsed.get(from)?.references, input.parsed.get(from)?.package)
      case 'ruby':
        return ruby
      case 'rust':
        return rust
      case 'csharp':
        return (_from, ref) => csharp.resolveUsing(ref)
      case 'php':
        return php.resolve
      case 'c':
      case 'cpp':
        return cFamily.resolve
      default:
        // Languages read only by their lines declare no imports to resolve.
        return () => ({ status: 'external' })
    }
  }

  // The other files' edges, taken over as they are (sorted, distinct, none from a source).
  const kept = (input.keptEdges ?? []).filter((edge) => !isSource(edge.from))
  const edges = new Map<string, FileEdge>()
  const add = (from: string, to: string) => {
    if (to !== from) edges.set(`${from}\u0000${to}`, { from, to })
  }
  const counts = { resolved: 0, external: 0, unresolved: 0 }
  const exports = new ReExports(input.parsed, resolverFor)
  for (const [from, file] of [...input.parsed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!isSource(from)) continue
    const resolve = resolverFor(file)
    for (const ref of file.imports) {
      const result = resolve(from, ref)
      counts[result.status]++
      if (result.status !== 'resolved') continue
      for (const to of result.files) {
        add(from, to)
        // `from pkg import Name` / `use krate::Name` landing on a file that only re-exports Name: the
        // file defining it is what the importer uses.
        for (const name of importedNames(ref, file.language)) {
          const origin = exports.origin(to, name)
          if (origin !== undefined) add(from, origin)
        }
      }
    }
  }
  if (input.samePackage !== false) {
    for (const [from, to] of samePackagePairs(input.parsed, isSource)) add(from, to)
    for (const [from, to] of rubyConstantPairs(input.files, index, input.parsed, isSource)) add(from, to)
    for (const [from, to] of csharp.pairs) add(from, to)
    for (const [from, to] of php.pairs) add(from, to)
    const all = () => [...kept, ...edges.values()]
    for (const [from, to] of cFamily.implementations(input.parsed, () => new Set(all().map((edge) => `${edge.from}\u0000${edge.to}`))))
      if (isSource(from)) add(from, to)
    for (const [from, to] of implementationPairs(input.parsed, all())) if (isSource(from)) add(from, to)
  }
  const fresh = [...edges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, edge]) => edge)
  return { edges: kept.length ? mergeSorted(kept, fresh) : fresh, ...counts }
}

const compareEdges = (a: FileEdge, b: FileEdge) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0)

/** Merges two edge lists sorted by from then to. */
function mergeSorted(a: readonly FileEdge[], b: readonly FileEdge[]): FileEdge[] {
  const out: FileEdge[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) out.push(compareEdges(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!)
  while (i < a.length) out.push(a[i++]!)
  while (j < b.length) out.push(b[j++]!)
  return out
}

/**
 * The edges that are imports: without the links `resolveImports` adds from a header to the source that
 * implements it, and from an interface to its implementation, which no import in the code makes. What
 * the module map draws (a public header includes nothing of the code that implements it). Both kinds
 * are told from the edges and parses alone (a header never includes a source file; an implementation
 * link runs against an edge the other way, to a file whose types implement an interface of this one),
 * so edges taken over from an earlier scan are told apart the same way.
 */
export function importEdges(
  edges: readonly FileEdge[],
  parsed: ReadonlyMap<string, Pick<ParsedFile, 'definitions' | 'supertypes'>>,
): FileEdge[] {
  const keys = new Set(edges.map((edge) => `${edge.from}\u0000${edge.to}`))
  return edges.filter((edge) => {
    if (isHeaderToSource(edge.from, edge.to)) return false
    if (!keys.has(`${edge.to}\u0000${edge.from}`)) return true
    const implementing = parsed.get(edge.to)?.supertypes
    if (!implementing?.length) return true
    const contracts = parsed.get(edge.from)?.definitions.filter((definition) => definition.kind === 'interface') ?? []
    return !contracts.some((definition) => implementing.includes(definition.name))
  })
}

/** An interface with more implementations than this is a plug-in point, not a door to one implementation. */
const MAX_IMPLEMENTATIONS = 4

/**
 * Interface → implementation: code that uses an interface runs its implementations, so a file declaring
 * an interface links to the few files whose classes implement it (and already link to it).
 */
function implementationPairs(parsed: ReadonlyMap<string, ParsedFile>, edges: readonly FileEdge[]): [string, string][] {
  const implementors = new Map<string, Set<string>>()
  for (const edge of edges) {
    const implementing = parsed.get(edge.from)?.supertypes
    if (!implementing?.length) continue
    const target = parsed.get(edge.to)
    if (!target) continue
    for (const definition of target.definitions) {
      if (definition.kind !== 'interface' || !implementing.includes(definition.name)) continue
      const set = implementors.get(edge.to) ?? new Set<string>()
      set.add(edge.from)
      implementors.set(edge.to, set)
    }
  }
  const pairs: [string, string][] = []
  for (const [contract, set] of implementors) {
    if (set.size > MAX_IMPLEMENTATIONS) continue
    for (const implementation of set) pairs.push([contract, implementation])
  }
  return pairs
}

/** The names an import brings in that may be re-exported by the file it reaches. */
function importedNames(ref: ImportRef, language: ParsedFile['language']): readonly string[] {
  if (language === 'python') return ref.kind === 'from' ? (ref.names ?? []) : []
  if (language === 'rust' && ref.kind !== 'mod' && !ref.wildcard) {
    const last = ref.specifier.slice(ref.specifier.lastIndexOf(':') + 1)
    return /^[A-Za-z_]\w*$/.test(last) && last !== 'self' ? [last] : []
  }
  return []
}

/**
 * Where a file got a name it does not define but re-exports: Python's `from .applications import
 * FastAPI` in a package's `__init__.py`, Rust's `pub use self::routing::Router`. Two hops at most.
 */
class ReExports {
  private readonly parsed: ReadonlyMap<string, ParsedFile>
  private readonly resolverFor: (file: ParsedFile) => Resolve
  private readonly memo = new Map<string, Map<string, string>>()

  constructor(parsed: ReadonlyMap<string, ParsedFile>, resolverFor: (file: ParsedFile) => Resolve) {
    this.parsed = parsed
    this.resolverFor = resolverFor
  }

  origin(file: string, name: string, hops = 2): string | undefined {
    const direct = this.table(file).get(name)
    if (direct === undefined || hops <= 1) return direct
    return this.origin(direct, name, hops - 1) ?? direct
  }

  private table(file: string): Map<string, string> {
    const known = this.memo.get(file)
    if (known) return known
    const table = new Map<string, string>()
    this.memo.set(file, table)
    const parsed = this.parsed.get(file)
    if (!parsed) return table
    const defined = new Set(parsed.definitions.map((definition) => definition.name))
    const resolve = this.resolverFor(parsed)
    for (const ref of parsed.imports) {
      const exported =
        parsed.language === 'python' && ref.kind === 'from'
          ? (ref.names ?? [])
          : parsed.language === 'rust' && ref.kind === 'reexport'
            ? importedNames(ref, 'rust')
            : []
      for (const name of exported) {
        if (defined.has(name) || table.has(name)) continue
        const result = resolve(file, parsed.language === 'python' ? { ...ref, names: [name] } : ref)
        const target = result.status === 'resolved' ? result.files[0] : undefined
        if (target !== undefined && target !== file) table.set(name, target)
      }
    }
    return table
  }
}

/** `src/main/java` for `src/main/java/com/acme/A.java` declaring `package com.acme`. */
function defaultSourceRoots(parsed: ReadonlyMap<string, ParsedFile>): string[] {
  const roots = new Set<string>()
  for (const [file, result] of parsed) {
    if (result.package === undefined || (result.language !== 'java' && result.language !== 'kotlin' && result.language !== 'scala'))
      continue
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''
    const suffix = result.package.split('.').join('/')
    if (dir === suffix) roots.add('')
    else if (dir.endsWith(`/${suffix}`)) roots.add(dir.slice(0, dir.length - suffix.length - 1))
  }
  return [...roots].sort()
}
