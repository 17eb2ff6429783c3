// Where the module map draws its boxes and arrows: in reading order from the code that depends on
// others to what it depends on (layers by longest path, cycles broken at their weakest link, boxes
// ordered within a layer to keep arrows short), wrapped into rows as wide as the room available so the
// map stays readable at 100% in a narrow pane; arrows as curves whose width is their weight, an arrow
// that crosses a row running down the gap between two of its boxes (never behind one). Pure and
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
  /** Closes an import cycle (the weakest link of one, left out when the boxes were put in order): drawn dashed. */
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
  const rowBoxes = [...rows.keys()].map((rowY) => centred.filter((entry) => entry.y === rowY))
  const heaviest = Math.max(1, ...edges.map((edge) => edge.weight))
  const placedEdges = edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    weight: edge.weight,
    path: route(at.get(edge.from)!, at.get(edge.to)!, rowBoxes),
    backwards: !forward.get(edge.from)?.includes(edge.to),
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

/**
 * The arrow's path: a curve from the bottom of a box to the top of one in the next row (or the other
 * way for an arrow upwards), an arc over the row between two boxes of one row; an arrow that crosses
 * rows leaves its box into the gap below (or above) it, runs down (or up) the gap between two boxes
 * that every row it crosses leaves free, and comes into its target from the gap beside that one.
 */
function route(from: PlacedBox, to: PlacedBox, rows: readonly (readonly PlacedBox[])[]): string {
  const fx = from.x + BOX_WIDTH / 2
  const tx = to.x + BOX_WIDTH / 2
  if (to.y === from.y) {
    // Same row: out of the top and over into the other box's top.
    const sy = from.y
    const lift = Math.min(MARGIN_Y - 6, 22 + Math.abs(tx - fx) / 10)
    return `M${fx},${sy} C${fx},${sy - lift} ${tx},${sy - lift} ${tx},${sy}`
  }
  const down = to.y > from.y
  const sy = down ? from.y + BOX_HEIGHT : from.y
  const ty = down ? to.y : to.y + BOX_HEIGHT
  const between = rows.filter((row) => row[0] !== undefined && row[0].y > Math.min(from.y, to.y) && row[0].y < Math.max(from.y, to.y))
  if (between.length === 0) {
    const bend = Math.max(24, Math.abs(ty - sy) / 2)
    const sign = down ? 1 : -1
    return `M${fx},${sy} C${fx},${sy + sign * bend} ${tx},${ty - sign * bend} ${tx},${ty}`
  }
  // The gap every row crossed leaves free, nearest the straight way down.
  const free = (x: number) => between.every((row) => row.every((entry) => x <= entry.x - GAP_X / 4 || x >= entry.x + BOX_WIDTH + GAP_X / 4))
  const candidates = between.flatMap((row) => row.flatMap((entry) => [entry.x - GAP_X / 2, entry.x + BOX_WIDTH + GAP_X / 2]))
  const channel = candidates
    .filter(free)
    .sort((a, b) => Math.abs(a - fx) + Math.abs(a - tx) - (Math.abs(b - fx) + Math.abs(b - tx)) || a - b)[0]
  // The widest row crossed always leaves its outer sides free; this is only the type's due.
  if (channel === undefined) return `M${fx},${sy} L${tx},${ty}`
  const sign = down ? 1 : -1
  const nearSource = sy + (sign * LAYER_GAP) / 2
  const nearTarget = ty - (sign * LAYER_GAP) / 2
  return rounded([
    [fx, sy],
    [fx, nearSource],
    [channel, nearSource],
    [channel, nearTarget],
    [tx, nearTarget],
    [tx, ty],
  ])
}

const tenth = (value: number) => Math.round(value * 10) / 10

/** A path through these points, straight between them and rounded at each corner. */
function rounded(points: readonly (readonly [number, number])[]): string {
  // Without repeated points, and without the middle of three in one line (no corner there).
  const kept = points.filter((point, index) => index === 0 || point[0] !== points[index - 1]![0] || point[1] !== points[index - 1]![1])
  const corners = kept.filter((point, index) => {
    const before = kept[index - 1]
    const after = kept[index + 1]
    if (!before || !after) return true
    return !((before[0] === point[0] && point[0] === after[0]) || (before[1] === point[1] && point[1] === after[1]))
  })
  const parts = [`M${corners[0]![0]},${corners[0]![1]}`]
  for (let index = 1; index < corners.length - 1; index++) {
    const [px, py] = corners[index - 1]!
    const [x, y] = corners[index]!
    const [nx, ny] = corners[index + 1]!
    const radius = Math.min(12, Math.hypot(x - px, y - py) / 2, Math.hypot(nx - x, ny - y) / 2)
    const toward = (ax: number, ay: number) => {
      const length = Math.hypot(ax - x, ay - y)
      return `${tenth(x + ((ax - x) / length) * radius)},${tenth(y + ((ay - y) / length) * radius)}`
    }
    parts.push(`L${toward(px, py)}`, `Q${x},${y} ${toward(nx, ny)}`)
  }
  const last = corners.at(-1)!
  parts.push(`L${last[0]},${last[1]}`)
  return parts.join(' ')
}
