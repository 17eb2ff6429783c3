// Resolves Ruby `require_relative` from the requiring file and `require` against the load paths:
// every `lib/` folder in the repository (gems and engines keep code there) and the root.
import type { FileIndex } from './file-index.ts'
import { dirOf, joinInside } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

export function rubyLoadPaths(index: FileIndex): string[] {
  const paths = [...index.dirs].filter((d) => d === 'lib' || d.endsWith('/lib'))
  return [...paths.sort((a, b) => a.length - b.length || a.localeCompare(b)), '']
}

function rubyFile(base: string, index: FileIndex): string | undefined {
  if (base.endsWith('.rb') && index.has(base)) return base
  return index.has(`${base}.rb`) ? `${base}.rb` : undefined
}

export function createRubyResolver(index: FileIndex, loadPaths: readonly string[]) {
  return (from: string, specifier: string, relative: boolean): ResolvedImport => {
    if (relative || specifier.startsWith('./') || specifier.startsWith('../')) {
      const base = joinInside(relative ? dirOf(from) : '', specifier)
      const hit = base === null ? undefined : rubyFile(base, index)
      return hit === undefined ? { status: 'unresolved' } : { status: 'resolved', files: [hit] }
    }
    for (const loadPath of loadPaths) {
      const base = joinInside(loadPath, specifier)
      const hit = base === null ? undefined : rubyFile(base, index)
      if (hit !== undefined) return { status: 'resolved', files: [hit] }
    }
    return { status: 'external' }
  }
}
