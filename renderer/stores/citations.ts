// Finds Claude's `path:line` citations in an answer (the shared finder) and its Mermaid block. Pure
// (no bridge, no DOM), so the store and the tests share it; the repository decides if they are real.
export { citationKey, findCitations, splitCitations, type Citation } from '../../shared/text/find-citations.ts'

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
  const text = label
    .trim()
    .replace(/^["'`]|["'`]$/g, '')
    .replace(/\/$/, '')
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(text)) return null
  return text.includes('/') || /\.[A-Za-z0-9]{1,10}$/.test(text) ? text : null
}
