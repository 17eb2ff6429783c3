// A past walkthrough's Markdown, sanitised, with its `path:line` citations as the session showed
// them: one the repository did not confirm keeps its "(unverified)" or "(withheld)" mark; the others
// are buttons that open the file viewer while the session's repository is there (where the cited code
// is now, when the drift check found it moved), and plain text when it is not. It checks nothing itself.
import { useCallback } from 'react'
import type { JournalCitationMark } from '../../../shared/models/journal.ts'
import { CitationMarkdown, citableTextNodes } from '../../components/CitationMarkdown.tsx'
import { splitCitations } from '../../stores/citations.ts'
import type { CitationMarkOf } from './citation-marks.ts'

export const MARK_TITLE: Readonly<Record<JournalCitationMark, string>> = {
  unverified: 'Unverified: the repository did not confirm this citation at the session’s commit.',
  withheld: 'Withheld: this file may hold secrets, so Gemba does not show it.',
}

function decorate(root: HTMLElement, markOf: CitationMarkOf, linked: boolean): void {
  for (const node of citableTextNodes(root)) {
    const parts = splitCitations(node.data)
    if (parts.every((part) => typeof part === 'string')) continue
    const fragment = document.createDocumentFragment()
    for (const part of parts) {
      if (typeof part === 'string') {
        fragment.append(part)
        continue
      }
      const mark = markOf(part.key)
      if (mark) {
        const span = document.createElement('span')
        span.className = 'cite cite--unverified'
        span.title = MARK_TITLE[mark]
        span.textContent = part.text
        const note = document.createElement('span')
        note.className = 'cite__mark'
        note.textContent = ` (${mark})`
        span.append(note)
        fragment.append(span)
      } else if (linked) {
        const button = document.createElement('button')
        button.type = 'button'
        button.className = 'cite cite--verified'
        button.dataset.path = part.path
        if (part.line !== null) button.dataset.line = String(part.line)
        button.title = `Open ${part.text} where the code is today`
        button.textContent = part.text
        fragment.append(button)
      } else {
        fragment.append(part.text)
      }
    }
    node.replaceWith(fragment)
  }
}

/** Without a repository to open (it is gone), the confirmed citations stay plain text; marks stay. */
export function CitedMarkdown(props: {
  source: string
  markOf: CitationMarkOf
  onOpen: ((path: string, line: number | null) => void) | null
}) {
  const { markOf } = props
  const linked = props.onOpen !== null
  const decorateRoot = useCallback((root: HTMLElement) => decorate(root, markOf, linked), [markOf, linked])
  return <CitationMarkdown source={props.source} decorate={decorateRoot} onOpen={props.onOpen} />
}
