// Resolves Java, Kotlin and Scala imports through what the files declare: each file's package plus its
// top-level names (and its file name) give fully qualified names; `a.b.*` reaches the files of the
// package whose names the importing file uses (the whole package when its names are not known). A
// Scala import may be relative to the importing file's package or an enclosing one (`import
// syntax.all._` in package cats). Source roots (src/main/java…) are a fallback for files whose
// package the parser could not read.
import type { ImportRef, ParsedFile } from '../parsed-file.ts'
import type { ResolvedImport } from './resolved-import.ts'

const JVM_FILE = /\.(java|kt|kts|scala)$/

interface JvmIndex {
  readonly byName: Map<string, Set<string>>
  readonly byPackage: Map<string, Set<string>>
  /** The names each file declares (its file name and top-level types), for wildcard imports. */
  readonly names: Map<string, string[]>
}

function add(map: Map<string, Set<string>>, key: string, file: string): void {
  const set = map.get(key)
  if (set === undefined) map.set(key, new Set([file]))
  else set.add(file)
}

function buildJvmIndex(parsed: ReadonlyMap<string, ParsedFile>, files: readonly string[], roots: readonly string[]): JvmIndex {
  const byName = new Map<string, Set<string>>()
  const byPackage = new Map<string, Set<string>>()
  const names = new Map<string, string[]>()
  for (const [file, result] of parsed) {
    if (!JVM_FILE.test(file) || result.package === undefined) continue
    const pkg = result.package
    add(byPackage, pkg, file)
    const stem = file.slice(file.lastIndexOf('/') + 1).replace(JVM_FILE, '')
    const qualified = (name: string) => (pkg === '' ? name : `${pkg}.${name}`)
    add(byName, qualified(stem), file)
    const declared = [stem]
    for (const definition of result.definitions) {
      if (definition.kind === 'method') continue
      add(byName, qualified(definition.name), file)
      declared.push(definition.name)
    }
    names.set(file, declared)
  }
  // Files the parser could not give a package: the folder under a source root is the package.
  const sortedRoots = [...roots].sort((a, b) => b.length - a.length)
  for (const file of files) {
    if (!JVM_FILE.test(file) || parsed.get(file)?.package !== undefined) continue
    const root = sortedRoots.find((r) => r === '' || file.startsWith(`${r}/`))
    if (root === undefined) continue
    const dotted = (root === '' ? file : file.slice(root.length + 1)).replace(JVM_FILE, '').split('/').join('.')
    const pkg = dotted.includes('.') ? dotted.slice(0, dotted.lastIndexOf('.')) : ''
    add(byName, dotted, file)
    if (pkg !== '') add(byPackage, pkg, file)
  }
  return { byName, byPackage, names }
}

export function createJvmResolver(files: readonly string[], parsed: ReadonlyMap<string, ParsedFile>, sourceRoots: readonly string[]) {
  const jvm = buildJvmIndex(parsed, files, sourceRoots)
  /**
   * `references`: the names the importing file uses, when the parser read them; `within`: the
   * importing file's package, for imports relative to it (Scala's).
   */
  const resolve = (ref: ImportRef, references?: readonly string[], within?: string): ResolvedImport => {
    const found = resolveAbsolute(ref, references)
    if (found.status === 'resolved' || !within) return found
    // Relative to the package and each enclosing one, innermost first.
    for (let pkg = within; pkg !== ''; pkg = pkg.includes('.') ? pkg.slice(0, pkg.lastIndexOf('.')) : '') {
      const relative = resolveAbsolute({ ...ref, specifier: `${pkg}.${ref.specifier}` }, references)
      if (relative.status === 'resolved') return relative
    }
    return found
  }
  const resolveAbsolute = (ref: ImportRef, references?: readonly string[]): ResolvedImport => {
    if (ref.wildcard === true) {
      const files = jvm.byPackage.get(ref.specifier)
      if (files !== undefined) {
        if (!references?.length) return { status: 'resolved', files: [...files] }
        const used = new Set(references)
        return { status: 'resolved', files: [...files].filter((file) => (jvm.names.get(file) ?? []).some((name) => used.has(name))) }
      }
    }
    // `a.b.C`, or `a.b.C.Inner` / `a.b.C.member` (static): the longest name a file declares.
    const parts = ref.specifier.split('.')
    for (let take = parts.length; take >= 2 && take >= parts.length - 2; take--) {
      const known = jvm.byName.get(parts.slice(0, take).join('.'))
      if (known !== undefined) return { status: 'resolved', files: [...known] }
    }
    return { status: 'external' }
  }
  return resolve
}
