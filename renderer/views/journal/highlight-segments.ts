// Splits a search snippet into plain and highlighted runs from the service's [start, end) offsets,
// so the view renders matches as <mark> elements around text — never as HTML from the files.

export interface TextSegment {
  readonly text: string
  readonly highlighted: boolean
}

export function highlightSegments(text: string, highlights: readonly (readonly [number, number])[]): TextSegment[] {
  const ranges = highlights
    .map(([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
  const segments: TextSegment[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (end <= at) continue
    const from = Math.max(start, at)
    if (from > at) segments.push({ text: text.slice(at, from), highlighted: false })
    const last = segments.at(-1)
    // Overlapping or touching matches read as one mark.
    if (from === at && last?.highlighted) segments[segments.length - 1] = { text: last.text + text.slice(from, end), highlighted: true }
    else segments.push({ text: text.slice(from, end), highlighted: true })
    at = end
  }
  if (at < text.length) segments.push({ text: text.slice(at), highlighted: false })
  return segments
}
