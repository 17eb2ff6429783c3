import { describe, expect, it } from 'vitest'
import { linearScale, niceTicks } from '../../../../../renderer/views/insights/chart-scale.ts'

describe('chart scales', () => {
  it('maps a domain onto a range, inverted for SVG y', () => {
    const y = linearScale([0, 40], [200, 0])
    expect(y(0)).toBe(200)
    expect(y(10)).toBe(150)
  })

  it('gives round ticks that cover the maximum', () => {
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40])
    expect(niceTicks(3, 3)).toEqual([0, 1, 2, 3])
    expect(niceTicks(0)).toEqual([0])
    expect((niceTicks(3.5, 4).at(-1) ?? 0) >= 3.5).toBe(true)
  })
})
