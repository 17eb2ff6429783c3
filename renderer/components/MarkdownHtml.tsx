// Plain Markdown as sanitised HTML (renderMarkdown in CitationMarkdown.tsx). Loaded on demand by
// Markdown.tsx, so the parser and the sanitiser arrive with the first Markdown shown; import that, not this.
import { useMemo } from 'react'
import { renderMarkdown } from './CitationMarkdown.tsx'

export function MarkdownHtml(props: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(props.source), [props.source])
  return <div className={`markdown ${props.className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />
}
