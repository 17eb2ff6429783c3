// Resolves Java and Kotlin imports through what the files declare: each file's package plus its
// top-level names (and its file name) give fully qualified names; `a.b.*` reaches the whole package.
// Source roots (src/main/java…) are a fallback for files whose package the parser could not read.
import type { ImportRef, ParsedFile } from '../parsed-file.ts'
import type { FileIndex } from './file-index.ts'
import { joinInside } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

const JVM_FILE = /\.(java|kt|kts)$/

interface JvmIndex {
  readonly byName: Map<string, Set<string>>
  readonly byPackage: Map<string, Set<string>>
}

function add(map: Map<string, Set<string>>, key: string, file: string): void {
  const set = map.get(key)
  if (set === undefined) map.set(key, new Set([file]))
  else set.add(file)
}

function buildJvmIndex(parsed: ReadonlyMap<string, ParsedFile>): JvmIndex {
  const byName = new Map<string, Set<string>>()
  const byPackage = new Map<string, Set<string>>()
  for (const [file, result] of parsed) {
    if (!JVM_FILE.test(file) || result.package === undefined) continue
    const pkg = result.package
    add(byPackage, pkg, file)
    const stem = file.slice(file.lastIndexOf('/') + 1).replace(JVM_FILE, '')
    add(byName, `${pkg}.${stem}`, file)
    for (const definition of result.definitions) {
      if (definition.kind !== 'method') add(byName, `${pkg}.${definition.name}`, file)
    }
  }
  return { byName, byPackage }
}

export function createJvmResolver(index: FileIndex, parsed: ReadonlyMap<string, ParsedFile>, sourceRoots: readonly string[]) {
  const jvm = buildJvmIndex(parsed)
  const byConvention = (dotted: string): string | undefined => {
    for (const root of sourceRoots) {
      const base = joinInside(root, dotted.split('.').join('/'))
      if (base === null) continue
      for (const ext of ['.java', '.kt']) if (index.has(base + ext)) return base + ext
    }
    return undefined
  }
  const packageFiles = (dotted: string): string[] => {
    const known = jvm.byPackage.get(dotted)
    if (known !== undefined) return [...known]
    for (const root of sourceRoots) {
      const dir = joinInside(root, dotted.split('.').join('/'))
      const files = dir === null ? [] : index.filesIn(dir).filter((f) => JVM_FILE.test(f))
      if (files.length > 0) return files
    }
    return []
  }
  return (ref: ImportRef): ResolvedImport => {
    const parts = ref.specifier.split('.')
    if (ref.wildcard === true) {
      const files = packageFiles(ref.specifier)
      if (files.length > 0) return { status: 'resolved', files }
    }
    // `a.b.C`, or `a.b.C.Inner` / `a.b.C.member` (static): try the longest name that a file declares.
    for (let take = parts.length; take >= 2 && take >= parts.length - 2; take--) {
      const dotted = parts.slice(0, take).join('.')
      const known = jvm.byName.get(dotted)
      if (known !== undefined) return { status: 'resolved', files: [...known] }
      const hit = byConvention(dotted)
      if (hit !== undefined) return { status: 'resolved', files: [hit] }
    }
    return { status: 'external' }
  }
}
