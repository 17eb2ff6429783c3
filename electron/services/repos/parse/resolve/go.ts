// Resolves Go import paths under the repository's own module(s) (from go.mod) to every non-test
// file of the imported package folder. Paths outside the modules are external.
import type { FileIndex } from './file-index.ts'
import { joinInside } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

export interface GoModule {
  /** The `module` line of go.mod, e.g. `github.com/acme/app`. */
  readonly path: string
  /** Repository-relative folder holding that go.mod ('' for the root). */
  readonly dir: string
}

export function createGoResolver(index: FileIndex, modules: readonly GoModule[]) {
  const byLongestPath = [...modules].sort((a, b) => b.path.length - a.path.length)
  return (specifier: string): ResolvedImport => {
    const module = byLongestPath.find((m) => specifier === m.path || specifier.startsWith(`${m.path}/`))
    if (module === undefined) return { status: 'external' }
    const dir = joinInside(module.dir, specifier.slice(module.path.length + 1) || '.')
    if (dir === null) return { status: 'unresolved' }
    const files = index.filesIn(dir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
    return files.length === 0 ? { status: 'unresolved' } : { status: 'resolved', files }
  }
}
