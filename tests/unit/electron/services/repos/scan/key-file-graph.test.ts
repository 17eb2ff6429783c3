// The import-graph signals of the key-file ranking: a walk from the entry points, and signals that end
// on any graph (cycles, self-loops, huge fan-in) and at any size.
import { describe, expect, it } from 'vitest'
import { graphSignals } from '../../../../../../electron/services/repos/scan/key-file-graph.ts'
import { runBounded } from '../../../../../fixtures/bounded-run.ts'

const probe = new URL('../../../../../fixtures/graph-properties.ts', import.meta.url)

describe('graphSignals', () => {
  it('walks from the entry point: the parts main wires up are close to it, a helper every part uses is central but far', () => {
    const parts = ['server.go', 'store.go', 'router.go']
    const edges = [
      { from: 'main.go', to: 'app.go' },
      ...parts.map((to) => ({ from: 'app.go', to })),
      ...parts.map((from) => ({ from, to: 'log.go' })),
      ...Array.from({ length: 6 }, (_, i) => ({ from: `handler${i}.go`, to: 'log.go' })),
      { from: 'main_test.go', to: 'app.go' },
    ]
    const code = ['main.go', 'app.go', ...parts, 'log.go', ...Array.from({ length: 6 }, (_, i) => `handler${i}.go`)]
    const signals = graphSignals({
      code,
      edges,
      symbols: { edges: [], implementations: [], bases: new Map() },
      starts: new Map([['main.go', 1]]),
    })
    expect(signals.steps.get('app.go')).toEqual({ count: 1, from: 'main.go' })
    expect(signals.steps.get('server.go')).toEqual({ count: 2, from: 'main.go' })
    expect(signals.steps.has('handler0.go')).toBe(false)
    expect(signals.chain.get('app.go')).toBeGreaterThan(signals.chain.get('log.go')!)
    expect(signals.place.get('log.go')).toBeLessThanOrEqual(2)
    expect(signals.importers.get('log.go')).toBe(9)
    expect(signals.supportUse.get('app.go')).toBe(1)
    expect(signals.uses.get('app.go')).toBe(3)
  })

  it('ends with ranks and places in range on random graphs', async () => {
    await expect(runBounded(probe, 'checkGraphSignals', [200], 20_000)).resolves.toBe(200)
  })

  it('ranks 200,000 files that tests reach for, one of them imported by every other', async () => {
    await expect(runBounded(probe, 'checkHugeGraphSignals', [200_000], 60_000)).resolves.toBe(200_000)
  }, 70_000)
})
