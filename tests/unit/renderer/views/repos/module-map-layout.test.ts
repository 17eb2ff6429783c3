import { describe, expect, it } from 'vitest'
import type { ModuleBox } from '../../../../../shared/module-view.ts'
import { BOX_HEIGHT, BOX_WIDTH, layoutModuleMap } from '../../../../../renderer/views/repos/module-map-layout.ts'

const box = (id: string, lines = 100): ModuleBox => ({
  id,
  path: id,
  label: `${id}/`,
  kind: 'folder',
  members: [],
  files: 1,
  lines,
  language: 'TypeScript',
  role: 'source',
  supporting: false,
  drillable: false,
})

describe('layoutModuleMap', () => {
  it('puts code before what it depends on, wraps rows to the room available and never overlaps boxes', () => {
    const boxes = ['app', 'api', 'core', 'util', 'db', 'log'].map((id, i) => box(id, 600 - i * 50))
    const edges = [
      { from: 'app', to: 'api', weight: 10 },
      { from: 'api', to: 'core', weight: 40 },
      { from: 'core', to: 'util', weight: 5 },
      { from: 'db', to: 'log', weight: 1 },
      { from: 'util', to: 'core', weight: 1 },
    ]
    const narrow = layoutModuleMap({ boxes, edges }, 560)
    const wide = layoutModuleMap({ boxes, edges }, 1400)
    expect(narrow.width).toBeLessThanOrEqual(560)
    expect(narrow.height).toBeGreaterThan(wide.height)
    for (const layout of [narrow, wide]) {
      const at = new Map(layout.boxes.map((entry) => [entry.box.id, entry]))
      const order = (id: string) => at.get(id)!.y * 10_000 + at.get(id)!.x
      expect(order('app')).toBeLessThan(order('api'))
      expect(order('api')).toBeLessThan(order('core'))
      for (const a of layout.boxes) {
        for (const b of layout.boxes) {
          if (a === b) continue
          const apart = a.x + BOX_WIDTH <= b.x || b.x + BOX_WIDTH <= a.x || a.y + BOX_HEIGHT <= b.y || b.y + BOX_HEIGHT <= a.y
          expect(apart).toBe(true)
        }
      }
    }
    const heavy = wide.edges.find((edge) => edge.from === 'api')!
    const light = wide.edges.find((edge) => edge.from === 'db')!
    expect(heavy.width).toBe(8)
    expect(light.width).toBeLessThan(heavy.width)
    // The weakest link of the core/util cycle is the one drawn backwards.
    expect(wide.edges.find((edge) => edge.from === 'util')?.backwards).toBe(true)
    expect(wide.edges.at(-1)?.from).toBe('api')
  })

  it('never runs an arrow behind a box: one that crosses a row goes down the gap between two boxes', () => {
    // Three rows of two at this width: a→b | c→d | e→f, with arrows across the middle row both ways.
    const boxes = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => box(id))
    const chain = ['a', 'b', 'c', 'd', 'e', 'f']
    const edges = [
      ...chain.slice(1).map((to, index) => ({ from: chain[index]!, to, weight: 3 })),
      { from: 'a', to: 'e', weight: 2 },
      { from: 'b', to: 'f', weight: 2 },
      { from: 'a', to: 'f', weight: 1 },
      { from: 'f', to: 'b', weight: 1 },
    ]
    const layout = layoutModuleMap({ boxes, edges }, 560)
    expect(new Set(layout.boxes.map((entry) => entry.y)).size).toBe(3)
    for (const edge of layout.edges) {
      for (const [x, y] of pointsAlong(edge.path)) {
        for (const entry of layout.boxes) {
          const inside = x > entry.x + 1 && x < entry.x + BOX_WIDTH - 1 && y > entry.y + 1 && y < entry.y + BOX_HEIGHT - 1
          expect(inside, `${edge.from}→${edge.to} runs behind ${entry.box.id} at ${x},${y}`).toBe(false)
        }
      }
    }
    // Only the arrow that closes the cycle is dashed, wherever it is drawn.
    expect(layout.edges.filter((edge) => edge.backwards).map((edge) => `${edge.from}>${edge.to}`)).toEqual(['f>b'])
  })

  it('is deterministic', () => {
    const boxes = ['a', 'b', 'c'].map((id) => box(id))
    const edges = [
      { from: 'a', to: 'b', weight: 1 },
      { from: 'b', to: 'c', weight: 2 },
      { from: 'c', to: 'a', weight: 1 },
    ]
    expect(layoutModuleMap({ boxes, edges }, 800)).toEqual(layoutModuleMap({ boxes: [...boxes], edges: [...edges] }, 800))
  })
})

/** Points every few pixels along an SVG path of absolute M, L, Q and C commands. */
function pointsAlong(path: string): [number, number][] {
  const points: [number, number][] = []
  let at: [number, number] = [0, 0]
  for (const [, command, args] of path.matchAll(/([MLQC])([^MLQC]*)/g)) {
    const numbers = args!
      .trim()
      .split(/[\s,]+/)
      .map(Number)
    const pairs: [number, number][] = []
    for (let index = 0; index < numbers.length; index += 2) pairs.push([numbers[index]!, numbers[index + 1]!])
    const end = pairs.at(-1)!
    for (let step = 1; step <= 40 && command !== 'M'; step++) {
      const t = step / 40
      const control = [at, ...pairs]
      // De Casteljau: a straight line, a quadratic or a cubic, by how many points it has.
      let level = control
      while (level.length > 1)
        level = level
          .slice(1)
          .map((point, index) => [
            level[index]![0] + (point[0] - level[index]![0]) * t,
            level[index]![1] + (point[1] - level[index]![1]) * t,
          ])
      points.push(level[0]!)
    }
    at = end
  }
  return points
}
