// A past walkthrough's Markdown, sanitised, with its `path:line` citations as buttons that open the
// file viewer while the session's repository is there (where the cited code is now, when the drift
// check found it moved), and plain text when it is not. It checks nothing itself.
import { CitationMarkdown, citableTextNodes } from '../../components/CitationMarkdown.tsx'
import { splitCitations } from '../../stores/citations.ts'

function linkCitations(root: HTMLElement): void {
  const nodes = citableTextNodes(root)
  for (const node of nodes) {
    const parts = splitCitations(node.data)
    if (parts.every((part) => typeof part === 'string')) continue
    const fragment = document.createDocumentFragment()
    for (const part of parts) {
      if (typeof part === 'string') {
        fragment.append(part)
        continue
      }
      const button = document.createElement('button')
      button.type = 'button'
      button.className = 'cite cite--verified'
      button.dataset.path = part.path
      if (part.line !== null) button.dataset.line = String(part.line)
      button.title = `Open ${part.text} where the code is today`
      button.textContent = part.text
      fragment.append(button)
    }
    node.replaceWith(fragment)
  }
}

/** Without a repository to open (it is gone), the citations stay plain text. */
function leavePlain(): void {}

export function CitedMarkdown(props: { source: string; onOpen: ((path: string, line: number | null) => void) | null }) {
  return <CitationMarkdown source={props.source} decorate={props.onOpen ? linkCitations : leavePlain} onOpen={props.onOpen} />
}
