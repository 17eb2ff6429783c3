import { describe, expect, it } from 'vitest'
import { languageOfPath, splitHighlightedLines } from '../../../../renderer/components/highlight-lines.ts'

describe('splitHighlightedLines', () => {
  it('closes and reopens spans across line breaks so every line is well formed', () => {
    const html = 'a<span class="c">/* one\ntwo */</span>\nb'
    expect(splitHighlightedLines(html)).toEqual(['a<span class="c">/* one</span>', '<span class="c">two */</span>', 'b'])
  })

  it('keeps empty lines and drops the one after a final newline', () => {
    expect(splitHighlightedLines('x\n\ny\n')).toEqual(['x', '', 'y'])
  })
})

describe('languageOfPath', () => {
  it('maps extensions and well-known names', () => {
    expect(languageOfPath('src/a.tsx')).toBe('typescript')
    expect(languageOfPath('Makefile')).toBe('makefile')
    expect(languageOfPath('LICENSE')).toBeNull()
  })
})
