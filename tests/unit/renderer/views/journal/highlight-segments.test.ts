import { describe, expect, it } from 'vitest'
import { highlightSegments } from '../../../../../renderer/views/journal/highlight-segments.ts'

describe('highlightSegments', () => {
  it('marks the matched runs and keeps the rest as plain text', () => {
    expect(
      highlightSegments('The ledger is in src/ledger/.', [
        [4, 10],
        [21, 27],
      ]),
    ).toEqual([
      { text: 'The ', highlighted: false },
      { text: 'ledger', highlighted: true },
      { text: ' is in src/', highlighted: false },
      { text: 'ledger', highlighted: true },
      { text: '/.', highlighted: false },
    ])
  })

  it('keeps markup from a file as text, and survives unsorted, overlapping or out-of-range offsets', () => {
    const text = '<img src=x onerror=alert(1)> ledger'
    const segments = highlightSegments(text, [
      [29, 99],
      [0, 4],
      [2, 6],
      [10, 10],
    ])
    expect(segments.map((segment) => segment.text).join('')).toBe(text)
    expect(segments.filter((segment) => segment.highlighted).map((segment) => segment.text)).toEqual(['<img s', 'ledger'])
  })
})
