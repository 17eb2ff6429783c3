// Renders Markdown from the backend (tours, journal entries) as sanitised HTML: marked parses,
// DOMPurify removes anything active (scripts, event handlers, javascript: links).
import DOMPurify from 'dompurify'
import { marked } from 'marked'
import { useMemo } from 'react'

export function Markdown(props: { source: string; className?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(props.source, { async: false, gfm: true }), { USE_PROFILES: { html: true } }), [props.source])
  return <div className={`markdown ${props.className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />
}
