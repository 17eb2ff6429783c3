// Resolves PHP the way Composer's autoloader loads classes: a fully qualified name under a PSR-4 prefix
// (composer.json `autoload`/`autoload-dev`) is the file at the mapped folder plus the rest of the name;
// PSR-0 maps the whole name. Names no mapping reaches fall back to the classes the repository's files
// declare. `use` imports resolve so; class names a file uses without importing them are looked up in
// its own namespace (PHP autoloads them); require/include of a literal path resolves beside the file,
// then from the root.
import type { ImportRef, ParsedFile } from '../parsed-file.ts'
import type { FileIndex } from './file-index.ts'
import { dirOf, joinInside } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

export interface PhpAutoload {
  /** Namespace prefix with its trailing backslash (`Slim\`), or '' for the fallback folder. */
  readonly prefix: string
  /** Repository-relative folder ('' for the root). */
  readonly dir: string
  readonly standard: 'psr-4' | 'psr-0'
}

const TYPE_KINDS = new Set(['class', 'interface', 'enum'])
const MAX_DECLARING_FILES = 3

export interface PhpResolver {
  resolve(from: string, ref: ImportRef): ResolvedImport
  /** Links for the class names files use in their own namespace or through an alias. */
  readonly pairs: [string, string][]
}

export function createPhpResolver(
  index: FileIndex,
  parsed: ReadonlyMap<string, ParsedFile>,
  autoload: readonly PhpAutoload[],
  isSource: (path: string) => boolean = () => true,
): PhpResolver {
  const mappings = [...autoload].sort((a, b) => b.prefix.length - a.prefix.length)
  const declared = new Map<string, Set<string>>()
  const namespaces = new Set<string>()
  for (const [path, file] of parsed) {
    if (file.language !== 'php') continue
    const namespace = file.package ?? ''
    if (namespace) namespaces.add(namespace.split('\\')[0]!)
    for (const definition of file.definitions) {
      if (!TYPE_KINDS.has(definition.kind)) continue
      const fqn = namespace ? `${namespace}\\${definition.name}` : definition.name
      const set = declared.get(fqn)
      if (set) set.add(path)
      else declared.set(fqn, new Set([path]))
    }
  }
  const byClass = (fqn: string): string | undefined => {
    for (const mapping of mappings) {
      if (mapping.prefix !== '' && !fqn.startsWith(mapping.prefix)) continue
      const rest = mapping.standard === 'psr-4' ? fqn.slice(mapping.prefix.length) : fqn
      const candidate = joinInside(mapping.dir, `${rest.split('\\').join('/')}.php`)
      if (candidate !== null && index.has(candidate)) return candidate
    }
    const files = declared.get(fqn)
    return files && files.size <= MAX_DECLARING_FILES ? [...files].sort()[0] : undefined
  }
  const ours = (fqn: string) =>
    namespaces.has(fqn.split('\\')[0]!) || mappings.some((mapping) => mapping.prefix !== '' && fqn.startsWith(mapping.prefix))

  const resolve = (from: string, ref: ImportRef): ResolvedImport => {
    if (ref.kind === 'require') {
      for (const base of ref.specifier.startsWith('./') || ref.specifier.startsWith('../') ? [dirOf(from)] : [dirOf(from), '']) {
        const candidate = joinInside(base, ref.specifier)
        if (candidate !== null && index.has(candidate)) return { status: 'resolved', files: [candidate] }
      }
      return { status: 'unresolved' }
    }
    const fqn = ref.specifier.replace(/^\\/, '')
    // `use function A\b` or `use const A\B`: the function's file is not named after it; the namespace may be a class.
    const hit = byClass(fqn) ?? byClass(fqn.slice(0, Math.max(0, fqn.lastIndexOf('\\'))))
    if (hit) return { status: 'resolved', files: [hit] }
    return ours(fqn) ? { status: 'unresolved' } : { status: 'external' }
  }

  const pairs: [string, string][] = []
  for (const [path, file] of parsed) {
    if (file.language !== 'php' || !file.references?.length || !isSource(path)) continue
    const namespace = file.package ?? ''
    const imported = new Map<string, string>()
    for (const ref of file.imports) {
      if (ref.kind === 'require') continue
      imported.set(ref.alias ?? ref.specifier.slice(ref.specifier.lastIndexOf('\\') + 1), ref.specifier)
    }
    const linked = new Set<string>()
    for (const reference of file.references) {
      if (/^(self|static|parent)$/i.test(reference)) continue
      const fqn = qualify(reference, namespace, imported)
      if (fqn === null) continue
      const hit = byClass(fqn)
      if (hit && hit !== path) linked.add(hit)
    }
    for (const to of linked) pairs.push([path, to])
  }
  return { resolve, pairs }
}

/** PHP's name resolution: `\A\B` is absolute, `Alias\C` expands an import, a bare `C` is in the namespace. */
function qualify(reference: string, namespace: string, imported: ReadonlyMap<string, string>): string | null {
  if (reference.startsWith('\\')) return reference.slice(1)
  const [head = '', ...rest] = reference.split('\\')
  const expanded = imported.get(head)
  // A bare imported name is already an edge from its `use`.
  if (expanded !== undefined) return rest.length === 0 ? null : `${expanded}\\${rest.join('\\')}`
  return namespace ? `${namespace}\\${reference}` : reference
}
