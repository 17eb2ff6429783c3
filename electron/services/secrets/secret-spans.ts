// Where a secret sits in a text (a character span and its kind) and how spans are blanked out: the
// line stays, the value becomes `[redacted by Gemba: <kind>]`. A span over several lines (a PEM body,
// a block scalar, a heredoc) blanks every line it touches, so no part of it survives and line numbers
// stay true for citations. Every other occurrence of a found value in the same text goes too. Pure.
import type { Redaction } from '../../../shared/models/ai.ts'

export interface SecretSpan {
  /** Offsets into the text, end exclusive. */
  readonly start: number
  readonly end: number
  readonly kind: string
}

export const REDACTION_MARK = '[redacted by Gemba'

export function redactionMark(kind: string): string {
  return `${REDACTION_MARK}: ${kind}]`
}

/** Start offsets of every line, plus the text's length as a sentinel. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
  starts.push(text.length + 1)
  return starts
}

/** 0-based index of the line holding `offset`. */
export function lineAt(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 2
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]! <= offset) low = mid
    else high = mid - 1
  }
  return low
}

/** Merges overlapping or touching spans; the first kind found wins. */
export function mergeSpans(spans: readonly SecretSpan[]): SecretSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: SecretSpan[] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) {
      if (span.end > last.end) merged[merged.length - 1] = { ...last, end: span.end }
    } else merged.push(span)
  }
  return merged
}

const MIN_SWEPT_VALUE = 8

/** Adds a span for every other occurrence of each found value (a secret repeated further down). */
export function sweepRepeats(text: string, spans: readonly SecretSpan[]): SecretSpan[] {
  const values = new Map<string, string>()
  for (const span of spans) {
    for (const part of text.slice(span.start, span.end).split('\n')) {
      const value = part.trim()
      if (value.length >= MIN_SWEPT_VALUE && !value.startsWith('-----')) values.set(value, span.kind)
    }
  }
  const extra: SecretSpan[] = []
  for (const [value, kind] of values) {
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length))
      extra.push({ start: at, end: at + value.length, kind })
  }
  return extra.length === 0 ? [...spans] : [...spans, ...extra]
}

/** A span never swallows the line breaks at its ends: they belong to the lines around it. */
function trimBreaks(text: string, span: SecretSpan): SecretSpan {
  let { start, end } = span
  while (start < end && (text[start] === '\n' || text[start] === '\r')) start++
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--
  return start === span.start && end === span.end ? span : { ...span, start, end }
}

/** The text with every span blanked, and one redaction per line touched. */
export function applySpans(path: string, text: string, spans: readonly SecretSpan[]): { text: string; redactions: Redaction[] } {
  const merged = mergeSpans(spans.map((span) => trimBreaks(text, span)))
  if (merged.length === 0) return { text, redactions: [] }
  const starts = lineStarts(text)
  const out: string[] = []
  const lines = new Map<number, string>()
  let cursor = 0
  for (const span of merged) {
    out.push(text.slice(cursor, span.start))
    const mark = redactionMark(span.kind)
    const first = lineAt(starts, span.start)
    const last = lineAt(starts, Math.max(span.start, span.end - 1))
    const pieces: string[] = []
    for (let line = first; line <= last; line++) {
      if (!lines.has(line + 1)) lines.set(line + 1, span.kind)
      if (line === first) {
        pieces.push(mark)
        continue
      }
      // A continuation line keeps its indentation and shows the mark again.
      const lineStart = starts[line]!
      const indent = /^[ \t]*/.exec(text.slice(lineStart, Math.min(span.end, lineStart + 200)))?.[0] ?? ''
      pieces.push(`${indent}${mark}`)
    }
    out.push(pieces.join('\n'))
    // The rest of the last line after the span stays (a closing quote, a semicolon, a comment).
    cursor = span.end
  }
  out.push(text.slice(cursor))
  const redactions = [...lines].sort(([a], [b]) => a - b).map(([line, rule]) => ({ path, line, rule }))
  return { text: out.join(''), redactions }
}
