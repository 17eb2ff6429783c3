import { describe, expect, it } from 'vitest'
import { splitContext } from '../../../../../../electron/services/ai/citations/context-blocks.ts'
import { chunkLines, searchResultOf } from '../../../../../../electron/services/ai/citations/excerpt-blocks.ts'

const PACKED = [
  '<repository name="shop" commit="abc">',
  '<project>',
  'name: shop',
  '</project>',
  '<file path="src/a.ts" lines="3">',
  '1\texport function a() {',
  '2\t  return 1',
  '3\t}',
  '</file>',
  '<file path="src/big.ts" lines="400" excerpt="signatures">',
  '1\t// big',
  '…',
  '120\texport function b()',
  '… (400 lines; declarations only, read_file shows the rest)',
  '</file>',
  '<file path="empty.txt" lines="0">',
  '',
  '</file>',
  '<history>',
  'Recent commits',
  '</history>',
  '</repository>',
].join('\n')

describe('splitContext', () => {
  it('splits the packed context into the overview, each file’s numbered lines, and the rest, dropping nothing', () => {
    const parts = splitContext(PACKED)
    expect(parts.overview).toBe('<repository name="shop" commit="abc">\n<project>\nname: shop\n</project>')
    expect(parts.files.map((file) => [file.path, file.title, file.lines.map((line) => line.line)])).toEqual([
      ['src/a.ts', 'src/a.ts — 3 lines', [1, 2, 3]],
      ['src/big.ts', 'src/big.ts — 400 lines; its declarations only (read_file shows the rest)', [1, 120]],
    ])
    expect(parts.rest).toBe('<file path="empty.txt" lines="0">\n\n</file>\n<history>\nRecent commits\n</history>\n</repository>')
  })
})

describe('excerpt blocks', () => {
  it('cuts lines into blocks at blank lines, at gaps in the numbering and at a dozen lines', () => {
    const lines = (numbers: number[], blankAt: number[] = []) =>
      numbers.map((line) => ({ line, text: blankAt.includes(line) ? '' : `code ${line}` }))
    expect(chunkLines(lines([1, 2, 3, 4, 5, 6], [3])).map((chunk) => chunk.map((l) => l.line))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ])
    expect(chunkLines(lines([1, 2, 40, 41])).map((chunk) => chunk.map((l) => l.line))).toEqual([
      [1, 2],
      [40, 41],
    ])
    expect(chunkLines(lines(Array.from({ length: 30 }, (_, i) => i + 1))).map((chunk) => chunk.length)).toEqual([12, 12, 6])
  })

  it('makes a search_result with citations on, its source path@revision and one line range per block', () => {
    const { block, source } = searchResultOf(
      {
        path: 'src/a.ts',
        title: 'src/a.ts — 3 lines',
        lines: [
          { line: 1, text: 'a' },
          { line: 2, text: '' },
          { line: 3, text: 'b' },
        ],
      },
      '0123456789ab',
    )
    expect(block).toEqual({
      type: 'search_result',
      source: 'src/a.ts@0123456789ab',
      title: 'src/a.ts — 3 lines',
      content: [{ type: 'text', text: '1\ta\n2\t\n3\tb\n' }],
      citations: { enabled: true },
    })
    expect(source).toEqual({ path: 'src/a.ts', revision: '0123456789ab', ranges: [{ start: 1, end: 3 }] })
  })
})
