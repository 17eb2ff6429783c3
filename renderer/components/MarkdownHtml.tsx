// Plain Markdown as sanitised HTML (renderMarkdown in CitationMarkdown.tsx), with its ```mermaid blocks
// drawn as diagrams. Loaded on demand by Markdown.tsx, so the parser and the sanitiser arrive with the
// first Markdown shown; import that, not this.
import { useLayoutEffect, useMemo, useRef } from 'react'
import { renderMarkdown } from './CitationMarkdown.tsx'
import { drawMermaidBlocks } from './mermaid-blocks.ts'

export function MarkdownHtml(props: { source: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const html = useMemo(() => renderMarkdown(props.source), [props.source])
  useLayoutEffect(() => {
    const root = ref.current
    if (!root) return
    root.innerHTML = html
    drawMermaidBlocks(root)
  }, [html])
  return <div ref={ref} className={`markdown ${props.className ?? ''}`} />
}
