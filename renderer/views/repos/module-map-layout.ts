// Where the module map draws its boxes and arrows: in reading order from the code that depends on
// others to what it depends on (layers by longest path, cycles broken at their weakest link, boxes
// ordered within a layer to keep arrows short), wrapped into rows as wide as the room available so the
// map stays readable at 100% in a narrow pane; arrows as curves whose width is their weight. Pure and
// deterministic: the same view and width always give the same picture.
import type { ModuleBox, ModuleView } from '../../../shared/module-view.ts'

export const BOX_WIDTH = 232
export const BOX_HEIGHT = 58
const GAP_X = 24
const LAYER_GAP = 56
/** Room around the boxes; above and below also for the arrows that arc over a row. */
const MARGIN = 18
const MARGIN_Y = 44

export interface PlacedBox {
  readonly box: ModuleBox
  readonly x: number
  readonly y: number
}

export interface PlacedEdge {
  readonly from: string
  readonly to: string
  readonly weight: number
  /** SVG path data. */
  readonly path: string
  /** 1.5 px for the lightest dependency up to 8 px for the heaviest, on a square-root scale. */
  readonly width: number
  /** Points up or sideways (a dependency back towards an earlier layer: part of a cycle). */
  readonly backwards: boolean
}

export interface MapLayout {
  readonly boxes: readonly PlacedBox[]
  readonly edges: readonly PlacedEdge[]
  readonly width: number
  readonly height: number
}

/** `width`: the room available (CSS pixels at 100%); at least one box per row whatever it is. */
export function layoutModuleMap(view: Pick<ModuleView, 'boxes' | 'edges'>, width = 960): MapLayout {
  const ids = view.boxes.map((box) => box.id)
  const known = new Set(ids)
  const edges = view.edges.filter((edge) => known.has(edge.from) && known.has(edge.to) && edge.from !== edge.to)
  const forward = acyclic(ids, edges)
  const layer = layers(ids, forward)
  const ordered = orderWithinLayers(ids, layer, forward, view.boxes)
  const perRow = Math.max(1, Math.floor((width - 2 * MARGIN + GAP_X) / (BOX_WIDTH + GAP_X)))
  const byId = new Map(view.boxes.map((box) => [box.id, box]))
  const placed: PlacedBox[] = []
  let y = MARGIN_Y
  let widest = 0
  // The layers in order, filling rows (a chain of one-box layers would otherwise make a tower).
  const sequence = ordered.flat()
  const rowsOfIds: string[][] = []
  for (let start = 0; start < sequence.length; start += perRow) rowsOfIds.push(sequence.slice(start, start + perRow))
  for (const row of rowsOfIds.filter((ids) => ids.length > 0)) {
    const rowWidth = row.length * (BOX_WIDTH + GAP_X) - GAP_X
    widest = Math.max(widest, rowWidth)
    row.forEach((id, column) => placed.push({ box: byId.get(id)!, x: column * (BOX_WIDTH + GAP_X), y }))
    y += BOX_HEIGHT + LAYER_GAP
  }
  // Centre each row in the widest one.
  const rows = new Map<number, PlacedBox[]>()
  for (const entry of placed) rows.set(entry.y, [...(rows.get(entry.y) ?? []), entry])
  const centred: PlacedBox[] = []
  for (const row of rows.values()) {
    const rowWidth = row.length * (BOX_WIDTH + GAP_X) - GAP_X
    const shift = MARGIN + (widest - rowWidth) / 2
    for (const entry of row) centred.push({ ...entry, x: entry.x + shift })
  }
  const at = new Map(centred.map((entry) => [entry.box.id, entry]))
  const heaviest = Math.max(1, ...edges.map((edge) => edge.weight))
  const placedEdges = edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    weight: edge.weight,
    ...curve(at.get(edge.from)!, at.get(edge.to)!),
    width: Math.round((1.5 + 6.5 * Math.sqrt(edge.weight / heaviest)) * 10) / 10,
  }))
  // Light arrows first, so the heavy ones are drawn on top.
  placedEdges.sort((a, b) => a.weight - b.weight || (a.from < b.from ? -1 : 1))
  const height = Math.max(BOX_HEIGHT + 2 * MARGIN_Y, y - LAYER_GAP + MARGIN_Y)
  return { boxes: centred, edges: placedEdges, width: Math.max(BOX_WIDTH, widest) + 2 * MARGIN, height }
}

/** The edges with the weakest link of every cycle left out (depth-first, heaviest edges first). */
function acyclic(ids: readonly string[], edges: readonly { from: string; to: string; weight: number }[]): Map<string, string[]> {
  const out = new Map<string, { to: string; weight: number }[]>(ids.map((id) => [id, []]))
  for (const edge of edges) out.get(edge.from)?.push({ to: edge.to, weight: edge.weight })
  for (const list of out.values()) list.sort((a, b) => b.weight - a.weight || (a.to < b.to ? -1 : 1))
  const state = new Map<string, 'open' | 'done'>()
  const kept = new Map<string, string[]>(ids.map((id) => [id, []]))
  const visit = (id: string) => {
    state.set(id, 'open')
    for (const { to } of out.get(id) ?? []) {
      if (state.get(to) === 'open') continue
      kept.get(id)!.push(to)
      if (!state.has(to)) visit(to)
    }
    state.set(id, 'done')
  }
  // Start from the boxes nothing depends on (the entry points of the picture), heaviest out-weight first.
  const inbound = new Set(edges.map((edge) => edge.to))
  const weightOut = (id: string) => (out.get(id) ?? []).reduce((sum, edge) => sum + edge.weight, 0)
  const starts = [...ids].sort((a, b) => Number(inbound.has(a)) - Number(inbound.has(b)) || weightOut(b) - weightOut(a) || (a < b ? -1 : 1))
  for (const id of starts) if (!state.has(id)) visit(id)
  return kept
}

/** Longest-path layers: a box sits one layer below the lowest box that depends on it. */
function layers(ids: readonly string[], forward: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const into = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const [from, targets] of forward) for (const to of targets) into.get(to)?.push(from)
  const layer = new Map<string, number>()
  const depth = (id: string): number => {
    const known = layer.get(id)
    if (known !== undefined) return known
    layer.set(id, 0)
    const value = Math.max(0, ...(into.get(id) ?? []).map((from) => depth(from) + 1))
    layer.set(id, value)
    return value
  }
  for (const id of ids) depth(id)
  return layer
}

/** Boxes per layer, ordered by the average position of their neighbours (a few sweeps each way). */
function orderWithinLayers(
  ids: readonly string[],
  layer: ReadonlyMap<string, number>,
  forward: ReadonlyMap<string, readonly string[]>,
  boxes: readonly ModuleBox[],
): string[][] {
  const count = Math.max(0, ...layer.values()) + 1
  const size = new Map(boxes.map((box) => [box.id, box.lines]))
  const lists: string[][] = Array.from({ length: count }, () => [])
  for (const id of ids) lists[layer.get(id) ?? 0]!.push(id)
  for (const list of lists) list.sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || (a < b ? -1 : 1))
  const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const [from, targets] of forward) {
    for (const to of targets) {
      neighbours.get(from)!.push(to)
      neighbours.get(to)!.push(from)
    }
  }
  for (let sweep = 0; sweep < 4; sweep++) {
    const position = new Map<string, number>()
    for (const list of lists) list.forEach((id, index) => position.set(id, index / Math.max(1, list.length - 1)))
    const order = sweep % 2 === 0 ? [...lists.keys()] : [...lists.keys()].reverse()
    for (const l of order) {
      const list = lists[l]!
      const centre = (id: string) => {
        const near = neighbours.get(id)!.filter((other) => layer.get(other) !== l)
        return near.length ? near.reduce((sum, other) => sum + (position.get(other) ?? 0), 0) / near.length : (position.get(id) ?? 0)
      }
      const centres = new Map(list.map((id) => [id, centre(id)]))
      list.sort((a, b) => centres.get(a)! - centres.get(b)! || (size.get(b) ?? 0) - (size.get(a) ?? 0) || (a < b ? -1 : 1))
      list.forEach((id, index) => position.set(id, index / Math.max(1, list.length - 1)))
    }
  }
  return lists
}

function curve(from: PlacedBox, to: PlacedBox): { path: string; backwards: boolean } {
  const fx = from.x + BOX_WIDTH / 2
  const tx = to.x + BOX_WIDTH / 2
  if (to.y > from.y) {
    const sy = from.y + BOX_HEIGHT
    const ty = to.y
    const bend = Math.max(24, (ty - sy) / 2)
    return { path: `M${fx},${sy} C${fx},${sy + bend} ${tx},${ty - bend} ${tx},${ty}`, backwards: false }
  }
  if (to.y === from.y) {
    // Same row: out of the top and over into the other box's top.
    const sy = from.y
    const lift = Math.min(MARGIN_Y - 6, 22 + Math.abs(tx - fx) / 10)
    return { path: `M${fx},${sy} C${fx},${sy - lift} ${tx},${sy - lift} ${tx},${sy}`, backwards: true }
  }
  // Upwards (a cycle): from the top of the source to the bottom of the target.
  const sy = from.y
  const ty = to.y + BOX_HEIGHT
  const bend = Math.max(24, (sy - ty) / 2)
  return { path: `M${fx},${sy} C${fx},${sy - bend} ${tx},${ty + bend} ${tx},${ty}`, backwards: true }
}
