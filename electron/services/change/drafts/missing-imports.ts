// Imports that point at nothing: in the files a change writes, the relative JavaScript/TypeScript
// imports (import … from '../x', export … from, import('../x'), require('./x')) and the Python imports
// of the repository's own modules, resolved the way the runtimes look them up against the repository
// and the change itself. A test importing a file nobody wrote fails before it tests anything. Pure.
import { posix } from 'node:path'

export interface MissingImport {
  /** The file that imports. */
  readonly path: string
  /** The import as written. */
  readonly specifier: string
}

const JS_FILE = /\.(m|c)?(j|t)sx?$/
const JS_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g
const JS_EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.json', '/index.ts', '/index.tsx', '/index.js', '/index.jsx']
const PY_IMPORT = /^\s*(?:from\s+(\.*[\w.]*)\s+import\b|import\s+([\w.]+))/gm

function jsCandidates(from: string, specifier: string): string[] {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier.split('?')[0]!))
  const stem = base.replace(/\.(m|c)?js$|\.jsx$/, '')
  // TypeScript under node16/bundler resolution imports './x.js' for './x.ts'.
  return [
    ...JS_EXTENSIONS.map((extension) => base + extension),
    ...(stem !== base ? ['.ts', '.tsx', '.mts', '.cts'].map((extension) => stem + extension) : []),
  ]
}

function pythonCandidates(from: string, module: string, packages: ReadonlySet<string>): string[] | null {
  const dots = /^\.*/.exec(module)![0].length
  const rest = module.slice(dots).split('.').filter(Boolean)
  let folder: string
  if (dots > 0) {
    folder = posix.dirname(from)
    for (let up = 1; up < dots; up++) folder = posix.dirname(folder)
  } else {
    // Only the repository's own packages are checked (top level, or under src/): the rest is installed.
    const root = rest[0] && packages.has(rest[0]) ? '' : rest[0] && packages.has(`src/${rest[0]}`) ? 'src' : null
    if (root === null) return null
    folder = root
  }
  const base = posix.join(folder === '.' ? '' : folder, ...rest)
  return rest.length === 0 ? [posix.join(base, '__init__.py')] : [`${base}.py`, posix.join(base, '__init__.py'), base]
}

/** `exists` answers for a repository path (the repository's files and the change's own). */
export function missingImports(
  files: readonly { path: string; text: string }[],
  exists: (path: string) => boolean,
  allPaths: readonly string[],
): MissingImport[] {
  const packages = new Set<string>()
  for (const path of allPaths) {
    const match = /^(src\/)?([\w]+)\/__init__\.py$/.exec(path)
    if (match) packages.add(`${match[1] ?? ''}${match[2]}`)
  }
  const missing: MissingImport[] = []
  for (const file of files) {
    if (JS_FILE.test(file.path)) {
      for (const match of file.text.matchAll(JS_IMPORT)) {
        const specifier = match[2]!
        if (!jsCandidates(file.path, specifier).some(exists)) missing.push({ path: file.path, specifier })
      }
    } else if (file.path.endsWith('.py')) {
      for (const match of file.text.matchAll(PY_IMPORT)) {
        const module = match[1] ?? match[2] ?? ''
        const candidates = pythonCandidates(file.path, module, packages)
        if (candidates && !candidates.some(exists)) missing.push({ path: file.path, specifier: module })
      }
    }
  }
  return missing
}
