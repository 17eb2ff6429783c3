// Resolves TypeScript/JavaScript specifiers the way Node and TypeScript do for code in a repository:
// relative paths with extension and index lookup (`./x.js` may be `./x.ts`, `../dist/x.js` may be
// `../src/x.ts`), tsconfig `paths`, and workspace package names. Bare names that match nothing are external packages.
import type { FileIndex } from './file-index.ts'
import { dirOf, joinInside } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

export interface TsPaths {
  /** Repository-relative folder that `paths` targets are relative to ('' for the root). */
  readonly baseUrl?: string
  readonly paths?: Readonly<Record<string, readonly string[]>>
}

export interface WorkspacePackage {
  readonly name: string
  /** Repository-relative package folder. */
  readonly dir: string
  /** Repository-relative entry file (package.json main/exports/types), if known. */
  readonly entry?: string
}

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']
const SOURCE_FOR_OUTPUT: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
}

export function resolveFilePath(base: string, index: FileIndex): string | undefined {
  if (index.has(base)) return base
  const dot = base.lastIndexOf('.')
  const ext = dot > base.lastIndexOf('/') ? base.slice(dot) : ''
  for (const replacement of SOURCE_FOR_OUTPUT[ext] ?? []) {
    const candidate = base.slice(0, dot) + replacement
    if (index.has(candidate)) return candidate
  }
  for (const extension of EXTENSIONS) if (index.has(base + extension)) return base + extension
  const prefix = base === '' ? 'index' : `${base}/index`
  for (const extension of EXTENSIONS) if (index.has(prefix + extension)) return prefix + extension
  return undefined
}

/**
 * A relative import of build output that is not in the repository (`../dist/node/cli.js` from a bin
 * script) names the source it is built from: the same path under `src/` (`src/node/cli.ts`).
 */
function resolveBuiltOutput(base: string, index: FileIndex): string | undefined {
  const parts = base.split('/')
  const at = parts.findIndex((part) => part === 'dist' || part === 'build' || part === 'out')
  if (at < 0) return undefined
  return resolveFilePath([...parts.slice(0, at), 'src', ...parts.slice(at + 1)].join('/'), index)
}

export function createEcmascriptResolver(index: FileIndex, tsPaths?: TsPaths, packages: readonly WorkspacePackage[] = []) {
  const baseUrl = tsPaths?.baseUrl ?? ''
  const byLongestName = [...packages].sort((a, b) => b.name.length - a.name.length)
  return (from: string, written: string): ResolvedImport => {
    // Bundler queries and fragments (`./a.css?url`, `./w.js?worker`) name the same file.
    const specifier = written.replace(/(.)[?#].*$/, '$1')
    if (specifier === '') return { status: 'external' }
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const base = joinInside(specifier.startsWith('/') ? '' : dirOf(from), specifier.replace(/^\/+/, ''))
      const hit = base === null ? undefined : (resolveFilePath(base, index) ?? resolveBuiltOutput(base, index))
      return hit === undefined ? { status: 'unresolved' } : { status: 'resolved', files: [hit] }
    }
    for (const target of pathTargets(specifier, tsPaths?.paths ?? {})) {
      const base = joinInside(baseUrl, target)
      const hit = base === null ? undefined : resolveFilePath(base, index)
      if (hit !== undefined) return { status: 'resolved', files: [hit] }
    }
    const pkg = byLongestName.find((p) => specifier === p.name || specifier.startsWith(`${p.name}/`))
    if (pkg !== undefined) {
      const hit = resolvePackage(pkg, specifier.slice(pkg.name.length + 1), index)
      return hit === undefined ? { status: 'unresolved' } : { status: 'resolved', files: [hit] }
    }
    if (tsPaths?.baseUrl !== undefined) {
      const base = joinInside(baseUrl, specifier)
      const hit = base === null ? undefined : resolveFilePath(base, index)
      if (hit !== undefined) return { status: 'resolved', files: [hit] }
    }
    return { status: 'external' }
  }
}

function pathTargets(specifier: string, paths: Readonly<Record<string, readonly string[]>>): string[] {
  const targets: string[] = []
  for (const [pattern, replacements] of Object.entries(paths)) {
    const star = pattern.indexOf('*')
    if (star < 0) {
      if (pattern === specifier) targets.push(...replacements)
      continue
    }
    const head = pattern.slice(0, star)
    const tail = pattern.slice(star + 1)
    if (!specifier.startsWith(head) || !specifier.endsWith(tail) || specifier.length < head.length + tail.length) continue
    const middle = specifier.slice(head.length, specifier.length - tail.length)
    targets.push(...replacements.map((r) => r.replace('*', middle)))
  }
  return targets
}

function resolvePackage(pkg: WorkspacePackage, subpath: string, index: FileIndex): string | undefined {
  if (subpath === '') {
    if (pkg.entry !== undefined) {
      const entry = resolveFilePath(pkg.entry, index) ?? resolveFilePath(sourceForBuilt(pkg.entry, pkg.dir), index)
      if (entry !== undefined) return entry
    }
    for (const base of ['src/index', 'index', 'lib/index', 'src/main', 'main']) {
      const hit = resolveFilePath(joinInside(pkg.dir, base) ?? base, index)
      if (hit !== undefined) return hit
    }
    return undefined
  }
  for (const folder of ['', 'src', 'lib']) {
    const base = joinInside(pkg.dir, folder === '' ? subpath : `${folder}/${subpath}`)
    const hit = base === null ? undefined : resolveFilePath(base, index)
    if (hit !== undefined) return hit
  }
  return undefined
}

/** `packages/vite/dist/node/index.js` was built from `packages/vite/src/node/index.ts`. */
function sourceForBuilt(entry: string, dir: string): string {
  const prefix = dir === '' ? '' : `${dir}/`
  if (!entry.startsWith(prefix)) return entry
  return prefix + entry.slice(prefix.length).replace(/^(dist|build|lib|out)\//, 'src/')
}
