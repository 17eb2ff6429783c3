// The graph signals the key-file ranking reads, over the shipped code: a personalised PageRank that
// walks from the entry points (entry-points.ts) along what each file uses, by name (the symbol graph,
// symbol-graph.ts) and by import, and from a declaration to its implementation; the strongest chain
// and the fewest steps from an entry point; how many files a file uses and how many import it; how
// many tests and examples use it (the public API shows in what they reach for). Pure; bounded by the
// edges it is given (every walk visits each file once, PageRank runs a fixed number of rounds).
import { pageRank, type RankEdge } from '../parse/page-rank.ts'
import type { Implementation, SymbolGraph } from './symbol-graph.ts'

export interface GraphSignals {
  /** PageRank place (1 = most central) among the shipped code. */
  readonly place: ReadonlyMap<string, number>
  /** What each file receives from the files that use it, relative to the most central file, 0..1. */
  readonly relative: ReadonlyMap<string, number>
  /** How strongly the strongest chain of uses from an entry point reaches each file, 0..1. */
  readonly chain: ReadonlyMap<string, number>
  /** The fewest steps from an entry point along each file's strongest uses, and from which entry. */
  readonly steps: ReadonlyMap<string, { readonly count: number; readonly from: string }>
  /** Distinct files of the shipped code each file uses. */
  readonly uses: ReadonlyMap<string, number>
  /** Distinct shipped-code files importing each file. */
  readonly importers: ReadonlyMap<string, number>
  /** Distinct tests, examples and docs sources importing each shipped file. */
  readonly supportUse: ReadonlyMap<string, number>
  /** The declaration (header, interface) each implementation was reached from. */
  readonly implements: ReadonlyMap<string, Implementation>
  /** Per file, its type that most other files extend or implement, and how many. */
  readonly bases: ReadonlyMap<string, { readonly name: string; readonly count: number }>
}

export interface GraphInput {
  /** The shipped code: the walk's files. */
  readonly code: readonly string[]
  /** Import edges between the ranked files (tests and examples included: what they use counts). */
  readonly edges: readonly { from: string; to: string }[]
  /** Links by the names files use and declare, and from declarations to their implementations. */
  readonly symbols: SymbolGraph
  /** The walk's links, when already made from `edges` and `symbols` (walkEdges). */
  readonly links?: readonly RankEdge[]
  /** Where a walk starts, with weights: the entry points. */
  readonly starts: ReadonlyMap<string, number>
}

/** Of a file's rank that flows on: its imports' share when it also uses names, its implementations' share. */
const IMPORT_SHARE = 0.3
const IMPLEMENTATION_SHARE = 0.5
/** Of every restart, the share spread evenly over the code (the rest starts at the entry points). */
const EVEN_RESTART = 0.15
const DAMPING = 0.85
/** A reader follows a file's few strongest uses, a few steps from where the program starts. */
const FOLLOWED_USES = 8
const MAX_STEPS = 3
/** Entry points that weigh at least this much are where the steps are counted from. */
const STEPS_FROM = 0.8

export function graphSignals(input: GraphInput): GraphSignals {
  const code = new Set(input.code)
  const importers = new Map<string, number>()
  const supportUse = new Map<string, number>()
  for (const edge of input.edges) {
    if (!code.has(edge.to)) continue
    if (code.has(edge.from)) importers.set(edge.to, (importers.get(edge.to) ?? 0) + 1)
    else supportUse.set(edge.to, (supportUse.get(edge.to) ?? 0) + 1)
  }
  const links =
    input.links ??
    walkEdges(
      input.edges.filter((edge) => code.has(edge.from) && code.has(edge.to)),
      input.symbols,
      code,
    )
  const starts = new Map([...input.starts].filter(([path, weight]) => code.has(path) && weight > 0))
  const startTotal = [...starts.values()].reduce((sum, weight) => sum + weight, 0)
  const even = startTotal > 0 ? EVEN_RESTART : 1
  const restart = new Map<string, number>()
  for (const node of code) restart.set(node, even / Math.max(1, code.size))
  for (const [path, weight] of starts) restart.set(path, (restart.get(path) ?? 0) + ((1 - even) * weight) / startTotal)
  const ranks = received(
    pageRank(code, links, { personalization: restart, damping: DAMPING, iterations: 50, tolerance: 1e-9 }),
    links,
    restart,
  )
  const order = [...ranks].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const max = order[0]?.[1] ?? 0
  const out = outgoing(links)
  const implementsMap = new Map<string, Implementation>()
  for (const link of input.symbols.implementations) if (!implementsMap.has(link.to)) implementsMap.set(link.to, link)
  return {
    place: new Map(order.map(([path], index) => [path, index + 1])),
    relative: new Map(order.map(([path, rank]) => [path, max > 0 ? rank / max : 0])),
    chain: strongestChains(out, starts),
    steps: fewestSteps(out, starts),
    uses: new Map([...out].map(([path, list]) => [path, new Set(list.map((link) => link.to)).size])),
    importers,
    supportUse,
    implements: implementsMap,
    bases: input.symbols.bases,
  }
}

/** Each file's rank flows along its imports, the names it uses, and from a declaration to its implementation. */
export function walkEdges(imports: readonly { from: string; to: string }[], symbols: SymbolGraph, known: ReadonlySet<string>): RankEdge[] {
  const importsOf = new Map<string, string[]>()
  for (const edge of imports) {
    const list = importsOf.get(edge.from)
    if (list) list.push(edge.to)
    else importsOf.set(edge.from, [edge.to])
  }
  const usesOf = new Map<string, { to: string; weight: number }[]>()
  for (const edge of symbols.edges) {
    if (!known.has(edge.from) || !known.has(edge.to)) continue
    const list = usesOf.get(edge.from)
    if (list) list.push(edge)
    else usesOf.set(edge.from, [edge])
  }
  const implementationsOf = new Map<string, string[]>()
  for (const link of symbols.implementations) {
    if (!known.has(link.from) || !known.has(link.to)) continue
    const list = implementationsOf.get(link.from) ?? []
    if (!list.includes(link.to)) list.push(link.to)
    implementationsOf.set(link.from, list)
  }
  const out: RankEdge[] = []
  for (const from of new Set([...importsOf.keys(), ...usesOf.keys(), ...implementationsOf.keys()])) {
    const imported = importsOf.get(from) ?? []
    const used = usesOf.get(from) ?? []
    const implemented = implementationsOf.get(from) ?? []
    const implementationShare = implemented.length > 0 ? IMPLEMENTATION_SHARE : 0
    const importShare = imported.length === 0 ? 0 : (used.length === 0 ? 1 : IMPORT_SHARE) * (1 - implementationShare)
    const useShare = 1 - implementationShare - importShare
    for (const to of imported) out.push({ from, to, weight: importShare / imported.length })
    const usedTotal = used.reduce((sum, edge) => sum + edge.weight, 0)
    for (const edge of used) out.push({ from, to: edge.to, weight: (useShare * edge.weight) / usedTotal })
    for (const to of implemented) out.push({ from, to, weight: implementationShare / implemented.length })
  }
  return out
}

/** Each file's links, with their share of its rank. */
function outgoing(links: readonly RankEdge[]): Map<string, { to: string; share: number }[]> {
  const total = new Map<string, number>()
  for (const link of links) total.set(link.from, (total.get(link.from) ?? 0) + (link.weight ?? 1))
  const out = new Map<string, { to: string; share: number }[]>()
  for (const link of links) {
    const share = (link.weight ?? 1) / (total.get(link.from) ?? 1)
    const list = out.get(link.from)
    if (list) list.push({ to: link.to, share })
    else out.set(link.from, [{ to: link.to, share }])
  }
  return out
}

/**
 * What each file receives from the files that use it: its rank without the share of every restart it
 * gets for being an entry point (an entry point is not central for being where the walk starts).
 */
function received(
  ranks: ReadonlyMap<string, number>,
  links: readonly RankEdge[],
  restart: ReadonlyMap<string, number>,
): Map<string, number> {
  const linking = new Set(links.map((link) => link.from))
  let dangling = 0
  for (const [node, rank] of ranks) if (!linking.has(node)) dangling += rank
  const total = [...restart.values()].reduce((sum, value) => sum + value, 0) || 1
  const base = 1 - DAMPING + DAMPING * dangling
  return new Map([...ranks].map(([node, rank]) => [node, Math.max(0, rank - (base * (restart.get(node) ?? 0)) / total)]))
}

/**
 * The fewest steps from an entry point to each file, following each file's few strongest uses (main →
 * the command it runs → the server that command starts), and the entry it was reached from.
 */
function fewestSteps(
  out: ReadonlyMap<string, readonly { to: string; share: number }[]>,
  starts: ReadonlyMap<string, number>,
): Map<string, { count: number; from: string }> {
  const steps = new Map<string, { count: number; from: string }>()
  let frontier = [...starts].filter(([, weight]) => weight >= STEPS_FROM).map(([path]) => path)
  for (const path of frontier) steps.set(path, { count: 0, from: path })
  for (let count = 1; count <= MAX_STEPS && frontier.length > 0; count++) {
    const next: string[] = []
    for (const path of frontier) {
      const strongest = [...(out.get(path) ?? [])].sort((a, b) => b.share - a.share || (a.to < b.to ? -1 : 1)).slice(0, FOLLOWED_USES)
      for (const { to } of strongest) {
        if (steps.has(to)) continue
        steps.set(to, { count, from: steps.get(path)!.from })
        next.push(to)
      }
    }
    frontier = next
  }
  return steps
}

/**
 * The strongest chain from an entry point to each file: the best product of the shares of a file's
 * uses along one path, so a file one exclusive step from the entry counts more than a utility that
 * everything reaches a little. A Dijkstra walk over -log(share); each file settled once.
 */
function strongestChains(
  out: ReadonlyMap<string, readonly { to: string; share: number }[]>,
  starts: ReadonlyMap<string, number>,
): Map<string, number> {
  const strongest = Math.max(0, ...starts.values())
  const cost = new Map<string, number>()
  const heap = new MinHeap()
  for (const [path, weight] of starts) {
    const start = -Math.log(weight / strongest)
    if (start < (cost.get(path) ?? Infinity)) {
      cost.set(path, start)
      heap.push(start, path)
    }
  }
  const settled = new Set<string>()
  for (let next = heap.pop(); next !== undefined; next = heap.pop()) {
    const [at, path] = next
    if (settled.has(path)) continue
    settled.add(path)
    for (const { to, share } of out.get(path) ?? []) {
      const reach = at - Math.log(share)
      if (reach < (cost.get(to) ?? Infinity)) {
        cost.set(to, reach)
        heap.push(reach, to)
      }
    }
  }
  return new Map([...cost].map(([path, value]) => [path, Math.exp(-value)]))
}

/** A binary min-heap of (cost, path). */
class MinHeap {
  private readonly costs: number[] = []
  private readonly paths: string[] = []

  push(cost: number, path: string): void {
    let at = this.costs.length
    this.costs.push(cost)
    this.paths.push(path)
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (this.costs[parent]! <= cost) break
      this.swap(at, parent)
      at = parent
    }
  }

  pop(): [number, string] | undefined {
    if (this.costs.length === 0) return undefined
    const top: [number, string] = [this.costs[0]!, this.paths[0]!]
    const lastCost = this.costs.pop()!
    const lastPath = this.paths.pop()!
    if (this.costs.length > 0) {
      this.costs[0] = lastCost
      this.paths[0] = lastPath
      let at = 0
      for (;;) {
        const left = 2 * at + 1
        const right = left + 1
        let least = at
        if (left < this.costs.length && this.costs[left]! < this.costs[least]!) least = left
        if (right < this.costs.length && this.costs[right]! < this.costs[least]!) least = right
        if (least === at) break
        this.swap(at, least)
        at = least
      }
    }
    return top
  }

  private swap(a: number, b: number): void {
    ;[this.costs[a], this.costs[b]] = [this.costs[b]!, this.costs[a]!]
    ;[this.paths[a], this.paths[b]] = [this.paths[b]!, this.paths[a]!]
  }
}
