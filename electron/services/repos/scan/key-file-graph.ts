// The import-graph signals the key-file ranking reads: PageRank over the code that ships (restarting at
// the entry points and package roots, so rank flows outward from where programs start), how many files
// of that code use each file, from how many areas, and how many tests and examples use it (the public
// API shows in what they reach for). Pure: works on the edge list alone.
import { pageRank } from '../parse/page-rank.ts'

export interface GraphSignals {
  /** PageRank place (1 = most central) among files something imports. */
  readonly place: ReadonlyMap<string, number>
  /** Rank relative to the most central file, 0..1. */
  readonly relative: ReadonlyMap<string, number>
  /** Distinct shipped-code files importing each file. */
  readonly importers: ReadonlyMap<string, number>
  /** Distinct top-level areas (other than its own) whose shipped code imports each file. */
  readonly areas: ReadonlyMap<string, number>
  /** Distinct tests, examples and docs sources importing each shipped file. */
  readonly supportUse: ReadonlyMap<string, number>
}

export interface GraphInput {
  readonly code: readonly string[]
  readonly edges: readonly { from: string; to: string }[]
  /** Shipped code (not tests, examples, docs, benchmarks, fixtures, tooling, vendored or generated). */
  readonly shipped: (path: string) => boolean
  /** Where a random walk restarts, with weights: entry points and package roots. */
  readonly starts: ReadonlyMap<string, number>
  /** The area a file belongs to (its package, or its top-level folder). */
  readonly areaOf: (path: string) => string
}

export function graphSignals(input: GraphInput): GraphSignals {
  const shippedEdges = input.edges.filter((edge) => input.shipped(edge.from) && input.shipped(edge.to))
  const importers = new Map<string, number>()
  const areaSets = new Map<string, Set<string>>()
  for (const edge of shippedEdges) {
    importers.set(edge.to, (importers.get(edge.to) ?? 0) + 1)
    const from = input.areaOf(edge.from)
    if (from === input.areaOf(edge.to)) continue
    const set = areaSets.get(edge.to) ?? new Set<string>()
    set.add(from)
    areaSets.set(edge.to, set)
  }
  const supportUse = new Map<string, number>()
  for (const edge of input.edges) {
    if (!input.shipped(edge.from) && input.shipped(edge.to)) supportUse.set(edge.to, (supportUse.get(edge.to) ?? 0) + 1)
  }
  const nodes = input.code.filter(input.shipped)
  // Half the restarts spread evenly, half at the doors: the entry points and package roots, and what
  // tests and examples reach for. Central to the whole code and to where its use begins.
  const doors = new Map(input.starts)
  const maxUse = Math.max(1, ...supportUse.values())
  for (const [path, uses] of supportUse) doors.set(path, (doors.get(path) ?? 0) + Math.log2(1 + uses) / Math.log2(1 + maxUse))
  const restart = new Map<string, number>()
  const startTotal = [...doors].filter(([path]) => input.shipped(path)).reduce((sum, [, weight]) => sum + weight, 0)
  for (const node of nodes) restart.set(node, 0.5 / Math.max(1, nodes.length))
  if (startTotal > 0)
    for (const [path, weight] of doors) if (restart.has(path)) restart.set(path, (restart.get(path) ?? 0) + (0.5 * weight) / startTotal)
  const ranks = pageRank(nodes, shippedEdges, { personalization: restart })
  const order = [...ranks]
    .filter(([path]) => (importers.get(path) ?? 0) > 0 || input.starts.has(path))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const max = order[0]?.[1] ?? 0
  return {
    place: new Map(order.map(([path], index) => [path, index + 1])),
    relative: new Map(order.map(([path, rank]) => [path, max > 0 ? rank / max : 0])),
    importers,
    areas: new Map([...areaSets].map(([path, set]) => [path, set.size])),
    supportUse,
  }
}
