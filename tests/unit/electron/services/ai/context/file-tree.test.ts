import { describe, expect, it } from 'vitest'
import { renderTree } from '../../../../../../electron/services/ai/context/file-tree.ts'

describe('renderTree', () => {
  it('lists every file, folders first, when it fits', () => {
    const tree = renderTree(['src/b.ts', 'README.md', 'src/api/a.ts'], 1000)
    expect(tree.summarised).toBe(false)
    expect(tree.text).toBe(['src/', '  api/', '    a.ts', '  b.ts', 'README.md'].join('\n'))
  })

  it('summarises a large tree into folders with counts, within the budget, deterministically', () => {
    const paths = Array.from({ length: 20_000 }, (_, i) => `packages/p${i % 40}/src/mod${i % 7}/file${i}.ts`)
    const tree = renderTree(paths, 3_000)
    expect(tree.summarised).toBe(true)
    expect(tree.text.length).toBeLessThanOrEqual(3_000)
    expect(tree.text).toMatch(/packages\/|p\d+\/ \([\d,]+ files\)/)
    expect(renderTree([...paths].reverse(), 3_000).text).toBe(tree.text)
  })

  it('cuts even the coarsest shape when thousands of top-level folders do not fit', () => {
    const paths = Array.from({ length: 5_000 }, (_, i) => `f${i}/x.ts`)
    const tree = renderTree(paths, 500)
    expect(tree.text.length).toBeLessThanOrEqual(500)
    expect(tree.summarised).toBe(true)
  })
})
