// Claude's Markdown, sanitised, with every path:line citation turned into a link to the file viewer
// once the repository confirmed it, marked "unverified" when it did not, and plain while unchecked.
// Citations Claude made of lines Gemba sent were checked word for word, and say so.
import { useCallback } from 'react'
import type { CitationCheck } from '../../../shared/models/ai.ts'
import { CitationMarkdown, citableTextNodes } from '../../components/CitationMarkdown.tsx'
import { splitCitations } from '../../stores/citations.ts'

const WHY: Readonly<Record<CitationCheck['status'], string>> = {
  verified: 'Checked: the file exists and the line is within it.',
  missing: 'Unverified: there is no such file at the session’s commit.',
  line_out_of_range: 'Unverified: the file is shorter than that line.',
  withheld: 'Withheld: this file may hold secrets, so Gemba does not show it.',
  refused: 'Unverified: the path points outside the repository.',
  changed:
    'Unverified: Claude cited these lines, but the file does not hold them at the session’s commit (edited since, or not committed).',
}

function decorate(root: HTMLElement, checks: Readonly<Record<string, CitationCheck>>, settled: boolean): void {
  const nodes = citableTextNodes(root)
  for (const node of nodes) {
    const parts = splitCitations(node.data)
    if (!parts.some((part) => typeof part !== 'string')) continue
    const fragment = document.createDocumentFragment()
    for (const part of parts) {
      if (typeof part === 'string') {
        fragment.append(part)
        continue
      }
      const check = checks[part.key]
      const label = part.text
      if (check?.status === 'verified') {
        const button = document.createElement('button')
        button.type = 'button'
        button.className = 'cite cite--verified'
        button.dataset.path = check.path
        if (check.line !== null) button.dataset.line = String(check.line)
        button.title =
          check.checkedBy === 'content'
            ? `Claude cited ${label}; checked word for word against the file. Open it in the file viewer`
            : `Open ${label} in the file viewer`
        button.textContent = label
        fragment.append(button)
      } else {
        const span = document.createElement('span')
        const unverified = check !== undefined || settled
        span.className = unverified ? 'cite cite--unverified' : 'cite cite--pending'
        span.title = check
          ? WHY[check.status]
          : unverified
            ? 'Unverified: Gemba could not check this citation.'
            : 'Checking this citation against the repository…'
        span.textContent = label
        if (unverified) {
          const mark = document.createElement('span')
          mark.className = 'cite__mark'
          mark.textContent = check?.status === 'withheld' ? ' (withheld)' : ' (unverified)'
          span.append(mark)
        }
        fragment.append(span)
      }
    }
    node.replaceWith(fragment)
  }
}

export function CoachMarkdown(props: {
  source: string
  checks: Readonly<Record<string, CitationCheck>>
  /** True once the answer is complete and its citations were sent for checking. */
  settled: boolean
  onOpen: (path: string, line: number | null) => void
}) {
  const { checks, settled } = props
  const decorateRoot = useCallback((root: HTMLElement) => decorate(root, checks, settled), [checks, settled])
  return <CitationMarkdown source={props.source} decorate={decorateRoot} onOpen={props.onOpen} />
}
