// Links files of one package that use each other without imports (Go, Java, Kotlin): a file that
// names a type or top-level function declared in a sibling file of its package depends on it.
import type { ParsedFile } from '../parsed-file.ts'
import { dirOf } from './file-index.ts'

const LINKABLE = new Set(['class', 'interface', 'type', 'enum', 'object', 'function', 'constant'])

/** Go packages are folders; Java and Kotlin packages are their declared names. */
function packageKey(path: string, file: ParsedFile): string | undefined {
  if (file.package === undefined) return undefined
  if (file.language === 'go') return `go:${dirOf(path)}:${file.package}`
  if (file.language === 'java' || file.language === 'kotlin') return `jvm:${file.package}`
  return undefined
}

export function samePackagePairs(parsed: ReadonlyMap<string, ParsedFile>): [string, string][] {
  const declared = new Map<string, Map<string, Set<string>>>()
  for (const [path, file] of parsed) {
    const key = packageKey(path, file)
    if (key === undefined) continue
    let names = declared.get(key)
    if (names === undefined) declared.set(key, (names = new Map()))
    for (const definition of file.definitions) {
      if (!LINKABLE.has(definition.kind)) continue
      const files = names.get(definition.name)
      if (files === undefined) names.set(definition.name, new Set([path]))
      else files.add(path)
    }
  }
  const pairs: [string, string][] = []
  for (const [path, file] of parsed) {
    const key = packageKey(path, file)
    const names = key === undefined ? undefined : declared.get(key)
    if (names === undefined || file.references === undefined) continue
    for (const reference of file.references) {
      for (const to of names.get(reference) ?? []) if (to !== path) pairs.push([path, to])
    }
  }
  return pairs
}
