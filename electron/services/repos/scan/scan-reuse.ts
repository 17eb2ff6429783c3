// What a rescan can take over from the last scan, so one new commit costs what it changed rather than a
// whole scan: the record and parse of every file whose blob is the same and whose working copy is
// clean, and the import edges of every file that did not change, when no changed file's declarations
// or imports changed (those are what other files' links depend on). Pure; the scan cache stores it.
import type { FileRecord } from '../../../../shared/models/repos.ts'
import type { IndexEntry } from '../../git/git-layer.ts'
import type { ParsedFile } from '../parse/parsed-file.ts'
import type { FileEdge } from '../parse/resolve-imports.ts'

/** Stored after every scan (the scan cache's `reuse` entry). */
export interface ReuseState {
  /** Every tracked path, in index order. */
  readonly paths: readonly string[]
  /** The blob id each path had in the index. */
  readonly oids: readonly string[]
  /** The parse cache key of each path ('' when it was not parsed). */
  readonly keys: readonly string[]
  /** The import edges, as pairs of indexes into `paths`: [from0, to0, from1, to1, …]. */
  readonly edges: readonly number[]
}

export interface ReusePlan {
  /** Index entries to read from disk (new, changed or dirty files). */
  readonly toRead: readonly IndexEntry[]
  /** Files taken over: their record and, when parsed, their parse cache key. */
  readonly reused: ReadonlyMap<string, { readonly record: FileRecord; readonly key: string }>
}

/**
 * Which files can be taken over: the same blob id as last time, not dirty in the working tree, with
 * their record and (for parsed files) their cached parse at hand.
 */
export function planReuse(
  entries: readonly IndexEntry[],
  dirty: ReadonlySet<string> | null,
  previous: { state: ReuseState; records: readonly FileRecord[] } | null,
  hasParse: (key: string) => boolean,
): ReusePlan {
  if (!previous || dirty === null) return { toRead: entries, reused: new Map() }
  const { state } = previous
  const records = new Map(previous.records.map((record) => [record.path, record]))
  const at = new Map(state.paths.map((path, index) => [path, index]))
  const reused = new Map<string, { record: FileRecord; key: string }>()
  const toRead: IndexEntry[] = []
  for (const entry of entries) {
    const index = at.get(entry.path)
    const record = records.get(entry.path)
    const key = index === undefined ? '' : (state.keys[index] ?? '')
    const same = index !== undefined && entry.oid !== '' && state.oids[index] === entry.oid && !dirty.has(entry.path)
    if (same && record && (key === '' || hasParse(key))) reused.set(entry.path, { record, key })
    else toRead.push(entry)
  }
  return { toRead, reused }
}

/** `previous`: the last state, whose edge list is taken over when the edges and paths are the same. */
export function saveReuse(
  paths: readonly string[],
  oids: ReadonlyMap<string, string>,
  keys: ReadonlyMap<string, string>,
  edges: readonly FileEdge[],
  previous?: { readonly state: ReuseState | null; readonly edges: readonly FileEdge[] | undefined },
): ReuseState {
  const sameLayout = previous?.state && previous.edges === edges && samePaths(previous.state.paths, paths)
  let flat = sameLayout ? previous.state!.edges : undefined
  if (!flat) {
    const at = new Map(paths.map((path, index) => [path, index]))
    const list: number[] = []
    for (const edge of edges) {
      const from = at.get(edge.from)
      const to = at.get(edge.to)
      if (from !== undefined && to !== undefined) list.push(from, to)
    }
    flat = list
  }
  return {
    paths: sameLayout ? previous.state!.paths : paths,
    oids: paths.map((path) => oids.get(path) ?? ''),
    keys: paths.map((path) => keys.get(path) ?? ''),
    edges: flat,
  }
}

function samePaths(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The last scan's edges, when the file list is the same; null otherwise. */
export function previousEdges(state: ReuseState | null, paths: readonly string[]): FileEdge[] | null {
  if (!state || state.paths.length !== paths.length) return null
  const known = new Set(state.paths)
  if (!paths.every((path) => known.has(path))) return null
  const edges: FileEdge[] = []
  for (let i = 0; i + 1 < state.edges.length; i += 2) {
    const from = state.paths[state.edges[i]!]
    const to = state.paths[state.edges[i + 1]!]
    if (from !== undefined && to !== undefined) edges.push({ from, to })
  }
  return edges
}

/** What other files' links depend on in a file: its package, declarations, supertypes and imports. */
export function linkSignature(file: Pick<ParsedFile, 'package' | 'definitions' | 'supertypes' | 'imports'> | undefined): string {
  if (!file) return ''
  return JSON.stringify([
    file.package ?? '',
    file.definitions.map((d) => `${d.kind}:${d.name}${/\(\s*this\s/.test(d.signature) ? ':ext' : ''}`),
    file.supertypes ?? [],
    file.imports.map((i) => `${i.kind}:${i.specifier}:${(i.names ?? []).join(',')}:${i.alias ?? ''}`),
  ])
}
