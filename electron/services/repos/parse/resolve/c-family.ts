// Resolves C and C++ `#include` the way a compiler searches: `"x.h"` beside the including file first,
// then the include folders (from CMake/Makefile `-I`/include_directories, plus every `include/` folder,
// `src/` and the root); `<x.h>` on the include folders only. A path still unmatched is looked up by its
// ending among the repository's files when exactly one file has that ending, since build flags are not
// always written down where Gemba can read them; two candidates are a guess, and no edge is made. Also
// links a header to the source file that implements it (same name, including it), so code using a
// header depends on its implementation too; that link is not an include (`isHeaderToSource`).
import type { ImportRef, ParsedFile } from '../parsed-file.ts'
import type { FileIndex } from './file-index.ts'
import { dirOf, joinInside } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

const HEADER = /\.(h|hh|hpp|hxx|h\+\+|inl|ipp|tpp)$/
const SOURCE = /\.(c|cc|cpp|cxx|c\+\+|m|mm)$/

/** The root, `src/` and every `include/` folder: where headers are searched when no build file says. */
export function defaultIncludeDirs(index: FileIndex): string[] {
  const dirs = new Set<string>([''])
  if (index.dirs.has('src')) dirs.add('src')
  for (const dir of [...index.dirs].sort()) if (dir === 'include' || dir.endsWith('/include')) dirs.add(dir)
  return [...dirs]
}

export interface CFamilyResolver {
  resolve(from: string, ref: ImportRef): ResolvedImport
  /** Header → the source file of the same name that includes it. */
  implementations(parsed: ReadonlyMap<string, ParsedFile>, edges: () => ReadonlySet<string>): [string, string][]
}

export function createCFamilyResolver(files: readonly string[], index: FileIndex, includeDirs: readonly string[]): CFamilyResolver {
  const byName = new Map<string, string[]>()
  for (const file of files) {
    if (!HEADER.test(file) && !SOURCE.test(file)) continue
    const name = file.slice(file.lastIndexOf('/') + 1)
    const list = byName.get(name)
    if (list) list.push(file)
    else byName.set(name, [file])
  }
  const bySuffix = (specifier: string): string | undefined => {
    const name = specifier.slice(specifier.lastIndexOf('/') + 1)
    const matches = (byName.get(name) ?? []).filter((file) => file === specifier || file.endsWith(`/${specifier}`))
    return matches.length === 1 ? matches[0] : undefined
  }
  const resolve = (from: string, ref: ImportRef): ResolvedImport => {
    const specifier = ref.specifier
    const bases = ref.system ? includeDirs : [dirOf(from), ...includeDirs]
    for (const base of bases) {
      const candidate = joinInside(base, specifier)
      if (candidate !== null && index.has(candidate)) return { status: 'resolved', files: [candidate] }
    }
    // `<stdio.h>` is the system's even when a vendored copy sits somewhere in the tree.
    if (ref.system && !specifier.includes('/')) return { status: 'external' }
    const hit = bySuffix(specifier)
    if (hit) return { status: 'resolved', files: [hit] }
    return ref.system ? { status: 'external' } : { status: 'unresolved' }
  }
  const implementations = (parsed: ReadonlyMap<string, ParsedFile>, edgeKeys: () => ReadonlySet<string>): [string, string][] => {
    const pairs: [string, string][] = []
    if (![...parsed.keys()].some((path) => HEADER.test(path))) return pairs
    const edges = edgeKeys()
    const sources = new Map<string, string[]>()
    for (const path of parsed.keys()) {
      if (!SOURCE.test(path)) continue
      const stem = stemOf(path)
      const list = sources.get(stem)
      if (list) list.push(path)
      else sources.set(stem, [path])
    }
    for (const header of parsed.keys()) {
      if (!HEADER.test(header)) continue
      const implementing = (sources.get(stemOf(header)) ?? []).filter((source) => edges.has(`${source}\u0000${header}`))
      for (const source of implementing) pairs.push([header, source])
    }
    return pairs
  }
  return { resolve, implementations }
}

/** A header linked to a source file: only ever the implementation link, never an include. */
export function isHeaderToSource(from: string, to: string): boolean {
  return HEADER.test(from) && SOURCE.test(to)
}

function stemOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return name.slice(0, name.lastIndexOf('.'))
}
