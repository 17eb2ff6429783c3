// An edit of the agent's view is made to the real text line for line: by property, over texts with
// mixed line endings and redacted lines, an accepted edit gives exactly the view the agent asked for,
// keeps every line it did not write (text and ending) byte for byte in order, never changes a redacted
// line, and is refused whenever it would; the answer depends on the view alone, never on a secret.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editView, redactedLines, splitLines, unifiedEndings } from '../../../../../../electron/services/change/drafts/edit-document.ts'

const MARK = '[redacted by Gemba: password]'
const word = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '=', '"', 'x'), maxLength: 5 })
const ending = fc.constantFrom('\n', '\r\n')
const line = fc.record({ text: word, eol: ending, secret: fc.boolean() })
const doc = fc.tuple(
  fc.array(line, { minLength: 1, maxLength: 8 }),
  fc.boolean(),
  fc.string({ unit: fc.constantFrom('S', '3', 'k'), minLength: 1, maxLength: 4 }),
)

/** A raw text, its view (secret lines carry `value` raw and the mark in the view) and its lines. */
function build([lines, finalBreak, value]: [{ text: string; eol: string; secret: boolean }[], boolean, string]) {
  const raw = lines.map((l, i) => (l.secret ? `${l.text}${value}` : l.text) + (i < lines.length - 1 || finalBreak ? l.eol : '')).join('')
  const view = lines.map((l, i) => (l.secret ? `${l.text}${MARK}` : l.text) + (i < lines.length - 1 || finalBreak ? '\n' : '')).join('')
  return { raw, view }
}

describe('editView', () => {
  it('splits lines as the view does, keeping each ending', () => {
    expect(splitLines('a\r\nb\nc')).toEqual([
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '\n' },
      { text: 'c', eol: '' },
    ])
    expect(unifiedEndings('a\r\nb\n')).toBe('a\nb\n')
  })

  it('keeps CRLF, mixed endings and a missing final break around the edit', () => {
    const edit = (raw: string, from: string, to: string) => {
      const view = unifiedEndings(raw)
      const at = view.indexOf(from)
      const result = editView({ raw, view }, at, at + from.length, to)
      return 'raw' in result ? result.raw : result.refused
    }
    expect(edit('a\r\nb\r\nc\r\n', 'b', 'B')).toBe('a\r\nB\r\nc\r\n')
    expect(edit('a\r\nb\r\nc\r\n', 'b\n', 'b\nnew\n')).toBe('a\r\nb\r\nnew\r\nc\r\n')
    expect(edit('a\r\nb\nc\r\nd', 'b', 'B')).toBe('a\r\nB\nc\r\nd')
    expect(edit('a\nb\r\nc', 'c', 'c\nd')).toBe('a\nb\r\nc\r\nd')
    expect(edit('a\r\nb', 'b', 'b\nc')).toBe('a\r\nb\r\nc')
    expect(edit('a\r\nb\r\n', 'b\n', 'b')).toBe('a\r\nb')
  })

  it('by property: the view asked for, every other line as it was, redacted lines never changed', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), word, fc.boolean(), (spec, p, q, insertWord, newline) => {
        const { raw, view } = build(spec)
        const from = Math.min(p, q) % (view.length + 1)
        const to = Math.min(view.length, from + (Math.max(p, q) % 7))
        const insert = newline ? `${insertWord}\n${insertWord}` : insertWord
        const result = editView({ raw, view }, from, to, insert)
        const expectedView = view.slice(0, from) + insert + view.slice(to)
        // The same edit with another secret value answers the same (no oracle).
        const other = editView(build([spec[0], spec[1], `${spec[2]}Z`]), from, to, insert)
        expect('refused' in other).toBe('refused' in result)
        if ('refused' in result) {
          expect(result.refused).toBe('redacted-line')
          return
        }
        expect(result.view).toBe(expectedView)
        // Same lines as the view, every raw line either written by the edit (then it is its view) or kept.
        const rawLines = splitLines(result.raw)
        const viewLines = result.view.split('\n')
        expect(rawLines).toHaveLength(viewLines.length)
        const [writtenFrom, writtenTo] = result.written
        for (const [index, rawLine] of rawLines.entries()) {
          if (index >= writtenFrom && index < writtenTo) expect(rawLine.text).toBe(viewLines[index])
        }
        // Each redacted line still holds its value, in the same order.
        const before = redactedLines({ raw, view }).map(({ line }) => splitLines(raw)[line - 1]!.text)
        const after = redactedLines({ raw: result.raw, view: result.view }).map(({ line }) => rawLines[line - 1]!.text)
        expect(after).toEqual(before)
        // Outside the written lines the raw lines are the old ones, text and ending: the head before the
        // edit and the tail after it (only the line just above new lines may gain an ending it lacked).
        const oldLines = splitLines(raw)
        const tailLength = rawLines.length - writtenTo
        expect(rawLines.slice(0, writtenFrom).map((l) => l.text)).toEqual(oldLines.slice(0, writtenFrom).map((l) => l.text))
        const above = Math.max(0, writtenFrom - 1)
        expect(rawLines.slice(0, above)).toEqual(oldLines.slice(0, above))
        expect(rawLines.slice(writtenTo)).toEqual(oldLines.slice(oldLines.length - tailLength))
      }),
      { numRuns: 3_000 },
    )
  })
})
