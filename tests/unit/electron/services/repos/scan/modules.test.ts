// The module map's folders, links and modules, and every view of them, end on any paths and imports:
// deep folders, empty names, dots, paths that start or end with a slash, imports of files not listed.
import { describe, expect, it } from 'vitest'
import { runBounded } from '../../../../../fixtures/bounded-run.ts'

describe('the module graph', () => {
  it('ends on random paths and import graphs', async () => {
    const probe = new URL('../../../../../fixtures/graph-properties.ts', import.meta.url)
    await expect(runBounded(probe, 'checkModuleGraph', [200], 20_000)).resolves.toBe(200)
  })
})
