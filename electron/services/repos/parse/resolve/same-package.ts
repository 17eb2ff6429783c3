// Links files that use each other without imports: Go, Java, Kotlin and Scala files of one package, and Ruby
// files anywhere (autoloaded constants). A file that names a type or top-level function (in Go, also a
// method) declared in another file of its scope depends on it; names declared in many files are too
// vague to link, and a Ruby namespace the file reopens itself links nothing.
import type { ParsedFile } from '../parsed-file.ts'
import { dirOf } from './file-index.ts'

const LINKABLE = new Set(['class', 'interface', 'type', 'enum', 'object', 'function', 'constant', 'module'])
/** `Base`, `Error`, a reopened `module Billing`: declared in more files than this, a name links nothing. */
const MAX_DECLARING_FILES = 3

/**
 * Ruby's own classes and modules: code reopens them (`class String` in a core extension), and naming
 * `String` is not a use of that extension.
 */
const RUBY_CORE = new Set([
  'Object',
  'BasicObject',
  'Kernel',
  'Module',
  'Class',
  'String',
  'Symbol',
  'Array',
  'Hash',
  'Integer',
  'Float',
  'Numeric',
  'Rational',
  'Complex',
  'BigDecimal',
  'NilClass',
  'TrueClass',
  'FalseClass',
  'Range',
  'Regexp',
  'MatchData',
  'Proc',
  'Method',
  'UnboundMethod',
  'Struct',
  'Comparable',
  'Enumerable',
  'Enumerator',
  'Time',
  'Date',
  'DateTime',
  'File',
  'Dir',
  'IO',
  'Exception',
  'StandardError',
  'Thread',
  'Process',
  'Marshal',
  'Math',
  'ObjectSpace',
  'Signal',
  'Pathname',
  'URI',
  'ERB',
  'JSON',
  'Set',
  'Logger',
  'Mutex',
  'Queue',
  'Fiber',
  'Binding',
  'Encoding',
  'Random',
  'Data',
  'Ractor',
  'Warning',
  'GC',
])

/** `ActiveRecord` → active_record, as Ruby files are named after what they define. */
function snake(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase()
}

/** Go packages are folders; Java, Kotlin and Scala packages are their declared names; Ruby is one namespace. */
function packageKey(path: string, file: ParsedFile): string | undefined {
  if (file.language === 'ruby') return 'ruby'
  if (file.package === undefined) return undefined
  if (file.language === 'go') return `go:${dirOf(path)}:${file.package}`
  if (file.language === 'java' || file.language === 'kotlin' || file.language === 'scala') return `jvm:${file.package}`
  return undefined
}

/** The names a file's declarations link by, kept per declarations list (a rescan takes over most of them). */
const linkableMemo = new WeakMap<readonly ParsedFile['definitions'][number][], { path: string; names: string[] }>()

function linkableNames(path: string, file: ParsedFile): string[] {
  const known = linkableMemo.get(file.definitions)
  if (known && known.path === path) return known.names
  const names: string[] = []
  for (const definition of file.definitions) {
    // Go code calls its package's methods by name on values it never imports; elsewhere a method name links too loosely.
    if (!LINKABLE.has(definition.kind) && !(file.language === 'go' && definition.kind === 'method')) continue
    const name = definition.name.slice(definition.name.lastIndexOf(':') + 1)
    // Ruby: only the file named after a constant defines it (others reopen it), and never a core class.
    if (file.language === 'ruby' && (RUBY_CORE.has(name) || !path.endsWith(`/${snake(name)}.rb`))) continue
    names.push(name)
  }
  linkableMemo.set(file.definitions, { path, names })
  return names
}

export function samePackagePairs(
  parsed: ReadonlyMap<string, ParsedFile>,
  isSource: (path: string) => boolean = () => true,
): [string, string][] {
  const declared = new Map<string, Map<string, Set<string>>>()
  for (const [path, file] of parsed) {
    const key = packageKey(path, file)
    if (key === undefined) continue
    let names = declared.get(key)
    if (names === undefined) declared.set(key, (names = new Map()))
    for (const name of linkableNames(path, file)) {
      const files = names.get(name)
      if (files === undefined) names.set(name, new Set([path]))
      else files.add(path)
    }
  }
  const pairs: [string, string][] = []
  for (const [path, file] of parsed) {
    if (!isSource(path)) continue
    const key = packageKey(path, file)
    if (key === undefined || file.references === undefined) continue
    for (const names of visibleScopes(key, file, declared)) linkNames(path, file, names, pairs)
  }
  return pairs
}

/**
 * The scopes whose names a file uses unimported: its package's, and for Scala the enclosing
 * packages' too (code in `package cats` then `package data` sees cats's names).
 */
function visibleScopes(key: string, file: ParsedFile, declared: ReadonlyMap<string, Map<string, Set<string>>>): Map<string, Set<string>>[] {
  const keys = [key]
  if (file.language === 'scala' && file.package !== undefined) {
    const parts = file.package.split('.')
    for (let take = parts.length - 1; take >= 1; take--) keys.push(`jvm:${parts.slice(0, take).join('.')}`)
  }
  return keys.flatMap((scope) => (declared.has(scope) ? [declared.get(scope)!] : []))
}

function linkNames(path: string, file: ParsedFile, names: ReadonlyMap<string, Set<string>>, pairs: [string, string][]): void {
  // A Ruby file that wraps itself in `module Billing` reopens the namespace: naming it there is no
  // use of the file that defines it.
  const own = new Set(
    file.language === 'ruby' ? file.definitions.map((definition) => definition.name.slice(definition.name.lastIndexOf(':') + 1)) : [],
  )
  for (const reference of file.references ?? []) {
    if (own.has(reference)) continue
    const declaring = names.get(reference)
    if (declaring === undefined || declaring.size > MAX_DECLARING_FILES) continue
    for (const to of declaring) if (to !== path) pairs.push([path, to])
  }
}
