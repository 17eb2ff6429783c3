// Plain Markdown as sanitised HTML (renderMarkdown in CitationMarkdown.tsx), with its ```mermaid blocks
// drawn as diagrams. Loaded on demand by Markdown.tsx, so the parser and the sanitiser arrive with the
// first Markdown shown; import that, not this.
import { useMarkdownInto } from './CitationMarkdown.tsx'

export function MarkdownHtml(props: { source: string; className?: string }) {
  const ref = useMarkdownInto(props.source)
  return <div ref={ref} className={`markdown ${props.className ?? ''}`} />
}
