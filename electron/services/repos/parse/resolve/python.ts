// Resolves Python imports: absolute `a.b.c` against the import roots (the repository root, src/
// layouts, and every folder that holds a top-level package), relative `.x` / `..x` from the importing
// file, and `from pkg import mod` where `mod` is itself a module.
import type { ImportRef } from '../parsed-file.ts'
import type { FileIndex } from './file-index.ts'
import { dirOf, joinInside } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

/** Folders from which absolute imports start: the parent of each outermost package, plus '' and src. */
export function pythonRoots(files: readonly string[], index: FileIndex): string[] {
  const roots = new Set<string>(['', 'src'])
  for (const file of files) {
    if (!file.endsWith('.py')) continue
    let dir = dirOf(file)
    if (!index.has(dir === '' ? '__init__.py' : `${dir}/__init__.py`)) continue
    while (dir !== '' && index.has(`${dir}/__init__.py`)) dir = dirOf(dir)
    roots.add(dir)
  }
  return [...roots].sort()
}

function moduleFile(dir: string, dotted: string, index: FileIndex): string | undefined {
  const base = joinInside(dir, dotted.split('.').join('/'))
  if (base === null) return undefined
  for (const candidate of [`${base}.py`, `${base}.pyi`, base === '' ? '__init__.py' : `${base}/__init__.py`]) {
    if (index.has(candidate)) return candidate
  }
  return undefined
}

export function createPythonResolver(index: FileIndex, roots: readonly string[]) {
  const absolute = (dotted: string): string | undefined => {
    for (const root of roots) {
      const hit = moduleFile(root, dotted, index)
      if (hit !== undefined) return hit
    }
    return undefined
  }
  return (from: string, ref: ImportRef): ResolvedImport => {
    const dots = /^\.*/.exec(ref.specifier)?.[0].length ?? 0
    const rest = ref.specifier.slice(dots)
    let find: (dotted: string) => string | undefined = absolute
    if (dots > 0) {
      const base = joinInside(dirOf(from), '../'.repeat(dots - 1) || '.')
      if (base === null) return { status: 'unresolved' }
      find = (dotted) => moduleFile(base, dotted, index)
    }
    const files = new Set<string>()
    for (const name of ref.names ?? []) {
      const hit = find(rest === '' ? name : `${rest}.${name}`)
      if (hit !== undefined) files.add(hit)
    }
    if (files.size === 0) {
      const hit = rest === '' ? find('__init__') : find(rest)
      if (hit !== undefined) files.add(hit)
    }
    if (files.size > 0) return { status: 'resolved', files: [...files] }
    return dots > 0 ? { status: 'unresolved' } : { status: 'external' }
  }
}
