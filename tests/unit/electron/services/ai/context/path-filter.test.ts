import { describe, expect, it } from 'vitest'
import { globToRegExp, normaliseScope, pathFilter } from '../../../../../../electron/services/ai/context/path-filter.ts'

describe('pathFilter', () => {
  it('keeps only the scope folder, not a sibling that shares its prefix', () => {
    const keep = pathFilter({ scope: 'src/api/' })
    expect(keep('src/api/server.ts')).toBe(true)
    expect(keep('src/api-old/server.ts')).toBe(false)
    expect(keep('README.md')).toBe(false)
  })

  it('applies include then exclude globs, with ** and names anywhere', () => {
    const keep = pathFilter({ include: ['src/**', '*.md'], exclude: ['**/*.test.ts', 'generated/'] })
    expect(keep('src/a/b.ts')).toBe(true)
    expect(keep('docs/guide.md')).toBe(true)
    expect(keep('src/a/b.test.ts')).toBe(false)
    expect(keep('lib/x.ts')).toBe(false)
    expect(pathFilter({ exclude: ['generated/'] })('generated/x/y.ts')).toBe(false)
  })

  it('reads braces and question marks, and treats a folder glob as covering its content', () => {
    expect(globToRegExp('src/*.{ts,tsx}').test('src/App.tsx')).toBe(true)
    expect(globToRegExp('src/*.{ts,tsx}').test('src/deep/App.tsx')).toBe(false)
    expect(globToRegExp('v?.txt').test('notes/v1.txt')).toBe(true)
    expect(globToRegExp('vendor').test('vendor/lib/a.js')).toBe(true)
  })

  it('normalises the whole-repository scope to null', () => {
    expect(normaliseScope('.')).toBeNull()
    expect(normaliseScope('  ./ ')).toBeNull()
    expect(normaliseScope('./src/api/')).toBe('src/api')
  })
})
