import { describe, expect, it } from 'vitest'
import { opensFromTour, tourPathOf, tourPaths } from '../../../../renderer/stores/tour-paths.ts'

describe('the paths a tour names', () => {
  it('are its code spans that can be paths, folders without their slash, each once and in order', () => {
    const markdown = [
      '1. `src/server.ts` — where it starts',
      '- `binding/` — 30 files; `32 smaller modules` (`gin.go`, `src/server.ts`, …)',
      '- `test`: `make test` (Makefile); `../outside`; `1.2.3`; ``double ` tick``',
      'Manifests: `go.mod`, `Makefile`.',
    ].join('\n')
    expect(tourPaths(markdown)).toEqual(['src/server.ts', 'binding', 'gin.go', 'test', 'go.mod', 'Makefile'])
    expect(tourPathOf('make test')).toBeNull()
    expect(tourPathOf('a/../b')).toBeNull()
  })

  it('open a folder only when written as a path, a file always', () => {
    expect(opensFromTour('Makefile', 'file')).toBe(true)
    expect(opensFromTour('test', 'folder')).toBe(false)
    expect(opensFromTour('binding/', 'folder')).toBe(true)
    expect(opensFromTour('src/billing', 'folder')).toBe(true)
    expect(opensFromTour('.github', 'folder')).toBe(true)
  })
})
