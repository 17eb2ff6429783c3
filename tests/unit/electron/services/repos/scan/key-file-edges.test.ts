import { describe, expect, it } from 'vitest'
import { keyFileEdges } from '../../../../../../electron/services/repos/scan/key-file-edges.ts'

const key = (path: string) => ({ path, score: 1, reasons: ['test'] })

describe('keyFileEdges', () => {
  it('keeps edges into and out of key files and drops the rest', () => {
    const edges = [
      { from: 'a.ts', to: 'core.ts' },
      { from: 'core.ts', to: 'util.ts' },
      { from: 'a.ts', to: 'b.ts' },
    ]
    expect(keyFileEdges(edges, [key('core.ts')])).toEqual([
      { from: 'a.ts', to: 'core.ts' },
      { from: 'core.ts', to: 'util.ts' },
    ])
  })

  it('caps the importers kept per key file', () => {
    const edges = Array.from({ length: 10 }, (_, i) => ({ from: `f${i}.ts`, to: 'core.ts' }))
    expect(keyFileEdges(edges, [key('core.ts')], 3)).toHaveLength(3)
    expect(keyFileEdges(edges, [key('core.ts'), key('f9.ts')], 3)).toContainEqual({ from: 'f9.ts', to: 'core.ts' })
  })
})
