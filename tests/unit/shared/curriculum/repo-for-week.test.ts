import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { repoForWeek } from '../../../../shared/curriculum/repo-for-week.ts'

const repos = [
  { id: 'payments', addedAt: '2025-01-01T09:00:00Z' },
  { id: 'search', addedAt: '2025-01-02T09:00:00Z' },
  { id: 'mobile', addedAt: '2025-01-03T09:00:00Z' },
]

describe('repoForWeek', () => {
  it('visits the teams in the order they were added, then starts again', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((week) => repoForWeek(week, repos)?.id)).toEqual([
      'payments',
      'search',
      'mobile',
      'payments',
      'search',
      'mobile',
      'payments',
    ])
  })

  it('orders by the time added even when listed otherwise', () => {
    const shuffled = [repos[2], repos[0], repos[1]].filter((repo) => repo !== undefined)
    expect(repoForWeek(1, shuffled)?.id).toBe('payments')
    expect(repoForWeek(3, shuffled)?.id).toBe('mobile')
  })

  it('skips removed repositories', () => {
    const withRemoved = [repos[0]!, { ...repos[1]!, removed: true }, repos[2]!]
    expect([1, 2, 3].map((week) => repoForWeek(week, withRemoved)?.id)).toEqual(['payments', 'mobile', 'payments'])
  })

  it('answers null when there is nothing to visit', () => {
    expect(repoForWeek(1, [])).toBeNull()
    expect(repoForWeek(1, [{ id: 'gone', removed: true }])).toBeNull()
  })

  it('gives every repository an equal share of any 3×n weeks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 10 }), (start, cycles) => {
        const counts = new Map<string, number>()
        for (let week = start; week < start + repos.length * cycles; week += 1) {
          const id = repoForWeek(week, repos)?.id ?? 'none'
          counts.set(id, (counts.get(id) ?? 0) + 1)
        }
        return [...counts.values()].every((count) => count === cycles) && counts.size === repos.length
      }),
    )
  })
})
