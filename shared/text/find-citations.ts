// Finds `path:line` citations in prose (Claude's answers, journal walkthroughs). Pure (no DOM, no
// disk), so the page and the main process find the same candidates; it only finds them, the
// repository decides whether they are real.

export interface Citation {
  readonly path: string
  readonly line: number | null
  /** "path:line" or "path": the key its check is stored under. */
  readonly key: string
  /** As written, with its range: "path:3-5". */
  readonly text: string
}

// A repository path (with a folder or a file extension) followed by :line or :line-line.
const CITATION = /(?<![\w/.@:-])((?:[\w.-]+\/)*[\w-][\w.-]*\.[A-Za-z0-9]{1,10}|(?:[\w.-]+\/)+[\w.-]+):(\d{1,7})(?:-\d{1,7})?(?![\w/])/g

export const citationKey = (path: string, line: number | null) => (line === null ? path : `${path}:${line}`)

function pathOf(match: RegExpMatchArray): string | null {
  const path = match[1]!.replace(/^\.\//, '')
  return /^(https?|ftp|file)$/i.test(path) || /^\d+(\.\d+)*$/.test(path) ? null : path
}

export function findCitations(text: string): Citation[] {
  const found = new Map<string, Citation>()
  for (const match of text.matchAll(CITATION)) {
    const path = pathOf(match)
    if (path === null) continue
    const line = Number(match[2])
    const key = citationKey(path, line)
    if (!found.has(key)) found.set(key, { path, line, key, text: match[0].replace(/^\.\//, '') })
  }
  return [...found.values()]
}

/** Splits text into plain runs and citations, for rendering links in place. */
export function splitCitations(text: string): (string | Citation)[] {
  const parts: (string | Citation)[] = []
  let last = 0
  for (const match of text.matchAll(CITATION)) {
    const path = pathOf(match)
    if (path === null) continue
    if (match.index > last) parts.push(text.slice(last, match.index))
    const line = Number(match[2])
    parts.push({ path, line, key: citationKey(path, line), text: match[0].replace(/^\.\//, '') })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts
}
