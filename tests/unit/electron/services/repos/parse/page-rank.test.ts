import { describe, expect, it } from 'vitest'
import { pageRank } from '../../../../../../electron/services/repos/parse/page-rank.ts'
import { runBounded } from '../../../../../fixtures/bounded-run.ts'

const sum = (ranks: Map<string, number>) => [...ranks.values()].reduce((a, b) => a + b, 0)

describe('pageRank', () => {
  it('gives every node the same rank on a cycle', () => {
    const ranks = pageRank(
      ['a', 'b', 'c'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
      ],
    )
    for (const value of ranks.values()) expect(value).toBeCloseTo(1 / 3, 10)
  })

  it('matches the closed form for a star whose leaves all point at the hub', () => {
    // The hub has no out-links (dangling), so its rank is spread uniformly. With d = 0.85, n = 4:
    // leaf = (1 - d)/n + d*hub/n and hub + 3*leaf = 1  =>  hub = 0.8875 / 1.6375 ≈ 0.54198.
    const ranks = pageRank(
      ['h', 'x', 'y', 'z'],
      [
        { from: 'x', to: 'h' },
        { from: 'y', to: 'h' },
        { from: 'z', to: 'h' },
      ],
    )
    expect(ranks.get('h')).toBeCloseTo(0.8875 / 1.6375, 10)
    for (const leaf of ['x', 'y', 'z']) expect(ranks.get(leaf)).toBeCloseTo((1 - 0.8875 / 1.6375) / 3, 10)
    expect(sum(ranks)).toBeCloseTo(1, 12)
  })

  it('agrees with a known two-node answer and respects damping', () => {
    // a -> b, b dangling, d = 0.5: a = 0.25 + 0.25*b and a + b = 1  =>  a = 0.4, b = 0.6.
    const ranks = pageRank(['a', 'b'], [{ from: 'a', to: 'b' }], { damping: 0.5 })
    expect(ranks.get('a')).toBeCloseTo(0.4, 10)
    expect(ranks.get('b')).toBeCloseTo(0.6, 10)
    // A surfer who follows links more often (d = 0.85) ends on b more often.
    const undamped = pageRank(['a', 'b'], [{ from: 'a', to: 'b' }], { damping: 0.85 })
    expect(undamped.get('b') ?? 0).toBeGreaterThan(0.6)
  })

  it('splits a node’s rank by edge weight', () => {
    const ranks = pageRank(
      ['s', 'heavy', 'light'],
      [
        { from: 's', to: 'heavy', weight: 3 },
        { from: 's', to: 'light', weight: 1 },
        { from: 'heavy', to: 's' },
        { from: 'light', to: 's' },
      ],
    )
    expect(ranks.get('heavy') ?? 0).toBeGreaterThan(2 * (ranks.get('light') ?? 0))
  })

  it('leans towards personalised nodes and their neighbours', () => {
    const nodes = ['entry', 'core', 'leaf1', 'leaf2']
    const edges = [
      { from: 'entry', to: 'core' },
      { from: 'leaf1', to: 'leaf2' },
    ]
    const plain = pageRank(nodes, edges)
    const personal = pageRank(nodes, edges, { personalization: new Map([['entry', 1]]) })
    expect(personal.get('core') ?? 0).toBeGreaterThan(plain.get('core') ?? 0)
    expect(personal.get('leaf2') ?? 0).toBeLessThan(plain.get('leaf2') ?? 0)
    expect(sum(personal)).toBeCloseTo(1, 12)
  })

  it('is deterministic whatever the input order, and includes edge-only nodes', () => {
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'b' },
      { from: 'd', to: 'b' },
    ]
    const one = pageRank(['a', 'b', 'c'], edges)
    const two = pageRank(['c', 'b', 'a'], [...edges].reverse())
    expect([...one.entries()]).toEqual([...two.entries()])
    expect(one.has('d')).toBe(true)
    expect(pageRank([], []).size).toBe(0)
  })

  it('ends with finite ranks that sum to 1 on random graphs: cycles, self-loops, huge fan-in, odd weights', async () => {
    const probe = new URL('../../../../../fixtures/graph-properties.ts', import.meta.url)
    await expect(runBounded(probe, 'checkPageRank', [300], 20_000)).resolves.toBe(300)
  })
})
