// Markdown as sanitised HTML: marked parses, DOMPurify removes anything active (scripts, event
// handlers, javascript: links). Loaded on demand by Markdown.tsx; import that, not this.
import DOMPurify from 'dompurify'
import { marked } from 'marked'
import { useMemo } from 'react'

export function MarkdownHtml(props: { source: string; className?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(props.source, { async: false, gfm: true }), { USE_PROFILES: { html: true } }), [props.source])
  return <div className={`markdown ${props.className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />
}
