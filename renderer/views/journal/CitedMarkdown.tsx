// A past walkthrough's Markdown, sanitised, with its `path:line` citations as buttons that open the
// file viewer while the session's repository is there, and plain text when it is not. It checks
// nothing itself: the viewer shows the file as it is today, and the drift note says what changed.
import DOMPurify from 'dompurify'
import { marked } from 'marked'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { splitCitations } from '../../stores/citations.ts'

function linkCitations(root: HTMLElement): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest('pre, a')) nodes.push(node as Text)
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
      button.title = `Open ${part.key} in the file viewer (as the file is today)`
      button.textContent = part.key
      fragment.append(button)
    }
    node.replaceWith(fragment)
  }
}

export function CitedMarkdown(props: { source: string; onOpen: ((path: string, line: number | null) => void) | null }) {
  const ref = useRef<HTMLDivElement>(null)
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(props.source, { async: false, gfm: true }), { USE_PROFILES: { html: true } }), [props.source])
  const linked = props.onOpen !== null
  useLayoutEffect(() => {
    const root = ref.current
    if (!root) return
    root.innerHTML = html
    if (linked) linkCitations(root)
  }, [html, linked])
  return (
    <div
      ref={ref}
      className="markdown coach-markdown"
      onClick={(event) => {
        const target = (event.target as HTMLElement).closest<HTMLButtonElement>('button.cite--verified')
        if (target?.dataset.path) props.onOpen?.(target.dataset.path, target.dataset.line ? Number(target.dataset.line) : null)
      }}
    />
  )
}
