// Links C# files the way the compiler finds types: a type name a file uses is looked up in the file's
// namespace and each enclosing one, then in every namespace it brings in with `using` (aliases and
// `using static` name one type). Only types of the file's own project and the projects it references
// (.csproj ProjectReference, transitively) are visible. `using` of a namespace the repository declares
// counts as resolved; others are external.
import type { ImportRef, ParsedFile } from '../parsed-file.ts'
import type { ResolvedImport } from './resolved-import.ts'

export interface DotnetProject {
  /** Repository-relative folder of the .csproj. */
  readonly dir: string
  /** Folders of the projects it references. */
  readonly references: readonly string[]
}

const TYPE_KINDS = new Set(['class', 'interface', 'enum', 'type'])
/** A name declared in more files than this (partial classes aside) is too vague to link. */
const MAX_DECLARING_FILES = 4

export interface CsharpLinks {
  readonly pairs: [string, string][]
  resolveUsing(ref: ImportRef): ResolvedImport
}

export function linkCsharp(
  parsed: ReadonlyMap<string, ParsedFile>,
  projects: readonly DotnetProject[],
  isSource: (path: string) => boolean = () => true,
): CsharpLinks {
  const types = new Map<string, Map<string, Set<string>>>()
  for (const [path, file] of parsed) {
    if (file.language !== 'csharp') continue
    const namespace = file.package ?? ''
    let names = types.get(namespace)
    if (!names) types.set(namespace, (names = new Map()))
    for (const definition of file.definitions) {
      // Extension methods (`static … M(this T x)`) are found like types: through the namespaces in scope.
      const extension = definition.kind === 'method' && /\(\s*this\s/.test(definition.signature)
      if (!TYPE_KINDS.has(definition.kind) && !extension) continue
      const set = names.get(definition.name)
      if (set) set.add(path)
      else names.set(definition.name, new Set([path]))
    }
  }
  const visible = visibility(projects)
  const pairs: [string, string][] = []
  for (const [path, file] of parsed) {
    if (file.language !== 'csharp' || !file.references?.length || !isSource(path)) continue
    const scopes = enclosing(file.package ?? '')
    const named = new Map<string, string>()
    for (const ref of file.imports) {
      if (ref.alias) named.set(ref.alias, ref.specifier)
      else if (ref.kind === 'static') named.set(ref.specifier.slice(ref.specifier.lastIndexOf('.') + 1), ref.specifier)
      else scopes.push(ref.specifier)
    }
    const canSee = visible(path)
    const linked = new Set<string>()
    for (const reference of file.references) {
      const full = named.get(reference)
      const candidates = full
        ? [[full.slice(0, Math.max(0, full.lastIndexOf('.'))), full.slice(full.lastIndexOf('.') + 1)]]
        : scopes.map((scope) => [scope, reference])
      for (const [scope = '', name = ''] of candidates) {
        const declaring = types.get(scope)?.get(name)
        if (!declaring || declaring.size > MAX_DECLARING_FILES) continue
        for (const to of declaring) if (to !== path && canSee(to)) linked.add(to)
        break
      }
    }
    for (const to of linked) pairs.push([path, to])
  }
  return {
    pairs,
    resolveUsing: (ref) => {
      const namespace =
        ref.alias || ref.kind === 'static' ? ref.specifier.slice(0, Math.max(0, ref.specifier.lastIndexOf('.'))) : ref.specifier
      return types.has(namespace) ? { status: 'resolved', files: [] } : { status: 'external' }
    },
  }
}

/** `A.B.C` → A.B.C, A.B, A and the global namespace. */
function enclosing(namespace: string): string[] {
  const scopes: string[] = []
  for (let at = namespace; at !== ''; at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '') scopes.push(at)
  scopes.push('')
  return scopes
}

/** Which files a file may use: those of its own project and of the projects it references, transitively. */
function visibility(projects: readonly DotnetProject[]): (from: string) => (to: string) => boolean {
  if (projects.length === 0) return () => () => true
  const byDepth = [...projects].sort((a, b) => b.dir.length - a.dir.length)
  const projectOf = (file: string) => byDepth.find((project) => project.dir === '' || file.startsWith(`${project.dir}/`))?.dir
  const reach = new Map<string, Set<string>>()
  const reachable = (dir: string): Set<string> => {
    const known = reach.get(dir)
    if (known) return known
    const seen = new Set<string>([dir])
    reach.set(dir, seen)
    const queue = [dir]
    while (queue.length > 0) {
      const next = queue.pop()!
      for (const reference of projects.find((project) => project.dir === next)?.references ?? []) {
        if (!seen.has(reference)) {
          seen.add(reference)
          queue.push(reference)
        }
      }
    }
    return seen
  }
  return (from) => {
    const own = projectOf(from)
    if (own === undefined) return () => true
    const allowed = reachable(own)
    return (to) => {
      const target = projectOf(to)
      return target === undefined || allowed.has(target)
    }
  }
}
