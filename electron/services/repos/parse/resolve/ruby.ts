// Resolves Ruby `require_relative` from the requiring file and `require` against the load paths (every
// `lib/` folder, where gems and engines keep code, and the root); `autoload :Name` to `name.rb` in the
// folder named after the autoloading file; and constant paths (`ActiveRecord::Base`) by Zeitwerk's
// naming, `active_record/base.rb` under a load path or an `app/*` folder (Rails autoloads both).
import type { ImportRef, ParsedFile } from '../parsed-file.ts'
import type { FileIndex } from './file-index.ts'
import { dirOf, joinInside } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

export function rubyLoadPaths(index: FileIndex): string[] {
  const paths = [...index.dirs].filter((d) => d === 'lib' || d.endsWith('/lib'))
  return [...paths.sort((a, b) => a.length - b.length || a.localeCompare(b)), '']
}

/** Folders whose files Zeitwerk maps to constants: every lib/, and app/<kind>/ (and its concerns/) in Rails apps. */
function autoloadRoots(index: FileIndex): string[] {
  const roots = [...index.dirs].filter((d) => d === 'lib' || d.endsWith('/lib'))
  for (const dir of index.dirs) {
    const app = /(^|\/)app\/[^/]+$/.exec(dir)
    if (app) roots.push(dir, ...(index.dirs.has(`${dir}/concerns`) ? [`${dir}/concerns`] : []))
  }
  return roots
}

function rubyFile(base: string, index: FileIndex): string | undefined {
  if (base.endsWith('.rb') && index.has(base)) return base
  return index.has(`${base}.rb`) ? `${base}.rb` : undefined
}

/** `ActiveRecord` → active_record, `HTTPServer` → http_server, `JSON` → json. */
export function underscore(constant: string): string {
  return constant
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase()
}

export function createRubyResolver(index: FileIndex, loadPaths: readonly string[]) {
  return (from: string, ref: ImportRef): ResolvedImport => {
    const specifier = ref.specifier
    if (ref.kind === 'autoload') {
      const name = underscore(specifier.replace(/^:/, ''))
      const hit = rubyFile(`${from.replace(/\.rb$/, '')}/${name}`, index)
      return hit === undefined ? { status: 'unresolved' } : { status: 'resolved', files: [hit] }
    }
    const relative = ref.kind === 'require_relative'
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

/**
 * Links a Ruby file to the files its constant paths name (`ActionController::Base` →
 * `action_controller/base.rb` under an autoload root). Where several gems hold the same path, the one
 * nearest the referencing file wins.
 */
export function rubyConstantPairs(
  files: readonly string[],
  index: FileIndex,
  parsed: ReadonlyMap<string, ParsedFile>,
  isSource: (path: string) => boolean = () => true,
): [string, string][] {
  const byConstant = new Map<string, string[]>()
  const roots = new Set(autoloadRoots(index))
  // The deepest autoload root holding a file, found by walking up its folders.
  const rootOf = (file: string): string | undefined => {
    for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) {
      const folder = file.slice(0, at)
      if (roots.has(folder)) return folder
    }
    return undefined
  }
  for (const file of files) {
    if (!file.endsWith('.rb')) continue
    const root = rootOf(file)
    if (root === undefined) continue
    const key = file.slice(root.length + 1, -'.rb'.length)
    const list = byConstant.get(key)
    if (list) list.push(file)
    else byConstant.set(key, [file])
  }
  const pairs: [string, string][] = []
  for (const [path, file] of parsed) {
    if (file.language !== 'ruby' || !file.references?.length || !isSource(path)) continue
    const linked = new Set<string>()
    for (const reference of file.references) {
      if (!reference.includes('::')) continue
      const key = reference.replace(/^::/, '').split('::').map(underscore).join('/')
      const candidates = byConstant.get(key)
      if (!candidates) continue
      const nearest =
        candidates.length === 1 ? candidates[0]! : [...candidates].sort((a, b) => common(b, path) - common(a, path) || (a < b ? -1 : 1))[0]!
      if (nearest !== path) linked.add(nearest)
    }
    for (const to of linked) pairs.push([path, to])
  }
  return pairs
}

function common(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}
