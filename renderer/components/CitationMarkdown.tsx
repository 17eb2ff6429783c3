// Markdown whose `path:line` citations become buttons (the coach's answers, the journal's
// walkthroughs), and the one function that turns Markdown into sanitised HTML: marked parses (an
// email address stays text), DOMPurify removes anything active (scripts, event handlers, javascript: links).
// A citation reaches the HTML as one run of text, whatever Markdown would make of it
// (`src/__init__.py:3` is not "src/" and a bold "init"), so every citation can become a button.
import DOMPurify from 'dompurify'
import { Marked } from 'marked'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { splitCitations } from '../../shared/text/find-citations.ts'
import { drawMermaidBlocks } from './mermaid-blocks.ts'

// An email address is never a link (GFM would make one of a bare address): the text stays, as written.
const markdown = new Marked({
  gfm: true,
  renderer: {
    link(token) {
      return /^mailto:/i.test(token.href) ? this.parser.parseInline(token.tokens) : false
    },
  },
})

/** Private-use characters around a citation's number (Markdown gives them no meaning), as text or in a URL. */
const HOLD = /(?:\uE000|%EE%80%80)(\d+)(?:\uE001|%EE%80%81)/gi

export function renderMarkdown(source: string): string {
  // Each citation is held as a token while Markdown parses, then written back as it was.
  const held: string[] = []
  const protectedSource = splitCitations(source.replace(/[\uE000\uE001]/g, ''))
    .map((part) => (typeof part === 'string' ? part : `\uE000${held.push(part.text) - 1}\uE001`))
    .join('')
  const html = DOMPurify.sanitize(markdown.parse(protectedSource, { async: false }), { USE_PROFILES: { html: true } })
  return html.replace(HOLD, (_token, index: string) => held[Number(index)] ?? '')
}

/** The text nodes a citation may stand in: outside code blocks and links. */
export function citableTextNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest('pre, a')) nodes.push(node as Text)
  return nodes
}

const undecorated = () => {}

/**
 * A ref for the element that shows `source` as sanitised HTML: after each render `decorate` runs on
 * it, then its ```mermaid blocks are drawn.
 */
export function useMarkdownInto(source: string, decorate: (root: HTMLElement) => void = undecorated) {
  const ref = useRef<HTMLDivElement>(null)
  const html = useMemo(() => renderMarkdown(source), [source])
  useLayoutEffect(() => {
    const root = ref.current
    if (!root) return
    root.innerHTML = html
    decorate(root)
    drawMermaidBlocks(root)
  }, [html, decorate])
  return ref
}

/**
 * Markdown whose citations `decorate` turns into buttons (`button.cite--verified` with data-path and
 * data-line) after each render; a click on one opens that file at that line.
 */
export function CitationMarkdown(props: {
  source: string
  decorate: (root: HTMLElement) => void
  onOpen: ((path: string, line: number | null) => void) | null
}) {
  const { onOpen } = props
  const ref = useMarkdownInto(props.source, props.decorate)
  return (
    <div
      ref={ref}
      className="markdown coach-markdown"
      onClick={(event) => {
        const target = (event.target as HTMLElement).closest<HTMLButtonElement>('button.cite--verified')
        if (target?.dataset.path) onOpen?.(target.dataset.path, target.dataset.line ? Number(target.dataset.line) : null)
      }}
    />
  )
}
