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
