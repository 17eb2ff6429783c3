// Finds Claude's `path:line` citations in an answer and its Mermaid block (the shared finders). Pure
// (no bridge, no DOM), so the store and the tests share it; the repository decides if they are real.
export { citationKey, findCitations, splitCitations } from '../../shared/text/find-citations.ts'
export { extractMermaid } from '../../shared/text/extract-mermaid.ts'

/** Repository paths a diagram's node labels name ("src/api", "src/api/server.ts"). */
export function pathLikeLabel(label: string): string | null {
  const text = label
    .trim()
    .replace(/^["'`]|["'`]$/g, '')
    .replace(/\/$/, '')
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(text)) return null
  return text.includes('/') || /\.[A-Za-z0-9]{1,10}$/.test(text) ? text : null
}
