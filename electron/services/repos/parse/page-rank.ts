// PageRank over a file graph, as aider's repo map ranks code: a file imported by central files is
// central. Iterative power method; dangling nodes spread their rank by the personalization vector;
// deterministic (nodes in sorted order, no randomness).

export interface RankEdge {
  readonly from: string
  readonly to: string
  /** Defaults to 1; an edge's share of its source's rank is its weight over the source's total. */
  readonly weight?: number
}

export interface PageRankOptions {
  readonly damping?: number
  readonly iterations?: number
  /** Stops early once the total change in an iteration falls below this. */
  readonly tolerance?: number
  /** Where a random surfer restarts (e.g. entry points, recently changed files); normalised; uniform if absent. */
  readonly personalization?: ReadonlyMap<string, number>
}

/** Ranks that sum to 1 (or an empty map for no nodes). Edge endpoints missing from `nodes` are added. */
export function pageRank(nodes: Iterable<string>, edges: readonly RankEdge[], options: PageRankOptions = {}): Map<string, number> {
  const damping = options.damping ?? 0.85
  const unique = new Set(nodes)
  for (const edge of edges) {
    unique.add(edge.from)
    unique.add(edge.to)
  }
  const ids = [...unique].sort()
  const n = ids.length
  if (n === 0) return new Map()
  const at = new Map(ids.map((id, i) => [id, i]))
  const restart = restartVector(ids, options.personalization)
  // Links in flat typed arrays: a big repository has tens of thousands, iterated a hundred times.
  const linkFrom = new Int32Array(edges.length)
  const linkTo = new Int32Array(edges.length)
  const linkWeight = new Float64Array(edges.length)
  const outWeight = new Float64Array(n)
  let links = 0
  for (const edge of edges) {
    const weight = edge.weight ?? 1
    if (!(weight > 0)) continue
    const from = at.get(edge.from) ?? 0
    linkFrom[links] = from
    linkTo[links] = at.get(edge.to) ?? 0
    linkWeight[links] = weight
    outWeight[from] = (outWeight[from] ?? 0) + weight
    links += 1
  }
  // Each link's share of its source's rank, computed once.
  const share = new Float64Array(links)
  for (let l = 0; l < links; l++) share[l] = (linkWeight[l] ?? 0) / (outWeight[linkFrom[l] ?? 0] ?? 1)
  let rank = Float64Array.from(restart)
  let next = new Float64Array(n)
  const iterations = options.iterations ?? 100
  const tolerance = options.tolerance ?? 1e-12
  for (let step = 0; step < iterations; step++) {
    let dangling = 0
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += rank[i] ?? 0
    const base = 1 - damping + damping * dangling
    for (let i = 0; i < n; i++) next[i] = base * (restart[i] ?? 0)
    for (let l = 0; l < links; l++) {
      const to = linkTo[l] ?? 0
      next[to] = (next[to] ?? 0) + damping * (rank[linkFrom[l] ?? 0] ?? 0) * (share[l] ?? 0)
    }
    let change = 0
    for (let i = 0; i < n; i++) change += Math.abs((next[i] ?? 0) - (rank[i] ?? 0))
    ;[rank, next] = [next, rank]
    if (change < tolerance) break
  }
  return new Map(ids.map((id, i) => [id, rank[i] ?? 0]))
}

function restartVector(ids: readonly string[], personalization: ReadonlyMap<string, number> | undefined): Float64Array {
  const vector = new Float64Array(ids.length)
  let total = 0
  if (personalization !== undefined) {
    ids.forEach((id, i) => {
      const value = personalization.get(id) ?? 0
      vector[i] = value > 0 ? value : 0
      total += vector[i] ?? 0
    })
  }
  if (total === 0) return vector.fill(1 / ids.length)
  return vector.map((v) => v / total)
}
