// Marked regions inside a journal Markdown file: `<!-- gemba:name -->` … `<!-- /gemba:name -->`.
// The markers are invisible in any Markdown viewer and let hand-written headings live inside a
// section. Reading never changes a byte; replacing touches only the inside of one region.

export function markerOpen(name: string): string {
  return `<!-- gemba:${name} -->`
}

export function markerClose(name: string): string {
  return `<!-- /gemba:${name} -->`
}

/** The region as written: the content sits on its own lines between the two markers. */
export function renderRegion(name: string, content: string): string {
  return `${markerOpen(name)}\n${content}\n${markerClose(name)}`
}

export interface RegionBounds {
  /** Offset of the first character of the content. */
  readonly start: number
  /** Offset just after the last character of the content. */
  readonly end: number
}

/** Where a region's content lies in `text`, or null when its markers are missing or out of order. */
export function findRegion(text: string, name: string): RegionBounds | null {
  const open = markerOpen(name)
  const close = markerClose(name)
  const openAt = text.indexOf(open)
  if (openAt < 0) return null
  let start = openAt + open.length
  if (text.startsWith('\r\n', start)) start += 2
  else if (text.startsWith('\n', start)) start += 1
  const closeAt = text.indexOf(close, start)
  if (closeAt < 0) {
    // An empty region is written as open, one newline, close: the newline is already consumed.
    return null
  }
  let end = closeAt
  if (end > start && text[end - 1] === '\n') end -= 1
  if (end > start && text[end - 1] === '\r') end -= 1
  if (end < start) end = start
  return { start, end }
}

export function readRegion(text: string, name: string): string | null {
  const bounds = findRegion(text, name)
  return bounds ? text.slice(bounds.start, bounds.end) : null
}

/** `text` with one region's content replaced; every byte outside it stays as it was. */
export function replaceRegion(text: string, name: string, content: string): string | null {
  const bounds = findRegion(text, name)
  if (!bounds) return null
  return text.slice(0, bounds.start) + content + text.slice(bounds.end)
}

/** A fenced code block whose fence is longer than any backtick run inside, so nothing can close it early. */
export function renderFence(content: string, language: string): string {
  const longest = Math.max(0, ...Array.from(content.matchAll(/`+/g), (match) => match[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${language}\n${content}\n${fence}`
}

/** The inside of a fenced block written by renderFence (or by hand), or null when it is not one. */
export function readFence(block: string): string | null {
  const text = block.replace(/\r\n/g, '\n')
  const opening = /^(`{3,}|~{3,})[^\n]*\n/.exec(text)
  if (!opening) return null
  const fence = opening[1] ?? '```'
  const body = text.slice(opening[0].length)
  const closeAt = body.lastIndexOf(`\n${fence}`)
  if (closeAt >= 0 && body.slice(closeAt + 1 + fence.length).trim() === '') return body.slice(0, closeAt)
  if (body.startsWith(fence) && body.slice(fence.length).trim() === '') return ''
  return null
}
