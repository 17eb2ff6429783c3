// Finds Claude's `path:line` citations in an answer and its Mermaid block. Pure (no bridge, no DOM),
// so the store and the tests share it; it only finds candidates, the repository decides if they are real.

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

export function findCitations(text: string): Citation[] {
  const found = new Map<string, Citation>()
  for (const match of text.matchAll(CITATION)) {
    const path = match[1]!.replace(/^\.\//, '')
    if (/^(https?|ftp|file)$/i.test(path) || /^\d+(\.\d+)*$/.test(path)) continue
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
    const path = match[1]!.replace(/^\.\//, '')
    if (/^(https?|ftp|file)$/i.test(path) || /^\d+(\.\d+)*$/.test(path)) continue
    if (match.index > last) parts.push(text.slice(last, match.index))
    const line = Number(match[2])
    parts.push({ path, line, key: citationKey(path, line), text: match[0].replace(/^\.\//, '') })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts
}

/** The first ```mermaid block of an answer (or a bare flowchart/graph), and the text around it as a caption. */
export function extractMermaid(answer: string): { source: string; caption: string } | null {
  const fenced = /```mermaid[^\n]*\n([\s\S]*?)```/.exec(answer)
  if (fenced) {
    const caption = (answer.slice(0, fenced.index) + answer.slice(fenced.index + fenced[0].length)).trim()
    return { source: fenced[1]!.trim(), caption }
  }
  const bare = /^(flowchart|graph)\s+(TD|TB|LR|RL|BT)\b[\s\S]*$/m.exec(answer)
  return bare ? { source: bare[0].trim(), caption: answer.slice(0, bare.index).trim() } : null
}

/** Repository paths a diagram's node labels name ("src/api", "src/api/server.ts"). */
export function pathLikeLabel(label: string): string | null {
  const text = label.trim().replace(/^["'`]|["'`]$/g, '').replace(/\/$/, '')
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(text)) return null
  return text.includes('/') || /\.[A-Za-z0-9]{1,10}$/.test(text) ? text : null
}
