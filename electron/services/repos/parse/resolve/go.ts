// Resolves Go import paths under the repository's own module(s) (from go.mod) to the non-test files of
// the imported package folder that declare a name the importing file uses (`binding.JSON` → the file
// declaring JSON); the file named after the package when none can be told. Paths outside the modules
// are external.
import type { ParsedFile } from '../parsed-file.ts'
import type { FileIndex } from './file-index.ts'
import { joinInside } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

export interface GoModule {
  /** The `module` line of go.mod, e.g. `github.com/acme/app`. */
  readonly path: string
  /** Repository-relative folder holding that go.mod ('' for the root). */
  readonly dir: string
}

export function createGoResolver(index: FileIndex, modules: readonly GoModule[], parsed: ReadonlyMap<string, ParsedFile> = new Map()) {
  const byLongestPath = [...modules].sort((a, b) => b.path.length - a.path.length)
  return (specifier: string, from?: string): ResolvedImport => {
    const module = byLongestPath.find((m) => specifier === m.path || specifier.startsWith(`${m.path}/`))
    if (module === undefined) return { status: 'external' }
    const dir = joinInside(module.dir, specifier.slice(module.path.length + 1) || '.')
    if (dir === null) return { status: 'unresolved' }
    const files = index.filesIn(dir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
    if (files.length === 0) return { status: 'unresolved' }
    const used = from === undefined ? undefined : parsed.get(from)?.references
    if (!used?.length || files.length === 1) return { status: 'resolved', files }
    const names = new Set(used)
    const declaring = files.filter((file) => parsed.get(file)?.definitions.some((d) => d.kind !== 'method' && names.has(d.name)))
    if (declaring.length > 0) return { status: 'resolved', files: declaring }
    const folder = dir.slice(dir.lastIndexOf('/') + 1)
    const named = files.filter((file) => file.endsWith(`/${folder}.go`) || file.endsWith('/doc.go'))
    return { status: 'resolved', files: named.length > 0 ? named : files }
  }
}
