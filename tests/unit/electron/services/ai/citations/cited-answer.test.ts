import type { ContentBlock } from '@anthropic-ai/sdk/resources/messages'
import { describe, expect, it } from 'vitest'
import { citedText, mapCitation } from '../../../../../../electron/services/ai/citations/cited-answer.ts'
import type { SourceRecord } from '../../../../../../electron/services/ai/citations/excerpt-blocks.ts'

const sources: SourceRecord[] = [
  { path: 'README.md', revision: 'abc123abc123', ranges: [{ start: 1, end: 3 }] },
  {
    path: 'src/server.ts',
    revision: 'abc123abc123',
    ranges: [
      { start: 1, end: 4 },
      { start: 5, end: 9 },
      { start: 10, end: 12 },
    ],
  },
]
const cite = (index: number, start: number, end: number) => ({
  type: 'search_result_location' as const,
  search_result_index: index,
  start_block_index: start,
  end_block_index: end,
  source: 'x',
  title: null,
  cited_text: `${start}\tcode\n`,
})
const text = (value: string, citations: ReturnType<typeof cite>[] = []): ContentBlock => ({
  type: 'text',
  text: value,
  citations: citations.length ? citations : null,
})

describe('mapCitation', () => {
  it('maps a block range back to the exact lines it covers', () => {
    expect(mapCitation(cite(1, 1, 3), sources)).toMatchObject({
      path: 'src/server.ts',
      startLine: 5,
      endLine: 12,
      revision: 'abc123abc123',
    })
    expect(mapCitation(cite(1, 0, 1), sources)).toMatchObject({ startLine: 1, endLine: 4 })
  })

  it('refuses what does not map: another kind of citation, an index or range Gemba never sent', () => {
    expect(mapCitation(cite(7, 0, 1), sources)).toBeNull()
    expect(mapCitation(cite(1, 2, 9), sources)).toBeNull()
    expect(
      mapCitation(
        {
          type: 'char_location',
          cited_text: 'x',
          document_index: 0,
          document_title: null,
          start_char_index: 0,
          end_char_index: 1,
          file_id: null,
        },
        sources,
      ),
    ).toBeNull()
  })
})

describe('citedText', () => {
  it('writes each citation into the prose as path:line after the cited words, before their punctuation', () => {
    const result = citedText(
      [
        text('The server starts in '),
        text('start()', [cite(1, 0, 1)]),
        text(' and reads '),
        text('the README.', [cite(0, 0, 1), cite(1, 2, 3)]),
      ],
      sources,
    )
    expect(result.text).toBe('The server starts in start() (src/server.ts:1-4) and reads the README (README.md:1-3, src/server.ts:10-12).')
    expect(result.citations).toHaveLength(3)
  })

  it('does not repeat a reference the prose already makes, nor mistake line 30 for line 3', () => {
    expect(citedText([text('See `src/server.ts:1`.', [cite(1, 0, 1)])], sources).text).toBe('See `src/server.ts:1`.')
    expect(citedText([text('See README.md:30', [cite(0, 0, 1)])], sources).text).toBe('See README.md:30 (README.md:1-3)')
  })

  it('keeps a reference out of a code block: it follows the block instead', () => {
    const result = citedText([text('Like this:\n\n```ts\nstart()\n', [cite(1, 0, 1)]), text('```\n\nThen it routes.')], sources)
    expect(result.text).toBe('Like this:\n\n```ts\nstart()\n```\n\nThen it routes.\n\n(src/server.ts:1-4)\n')
  })
})
