// Renders a Mermaid diagram to SVG. Mermaid is large, so it is loaded only when a diagram is shown.
// securityLevel 'strict' escapes labels (folder names come from the repository) and disables clicks.
// The coach's linked diagram draws through the same hook and shows the same progress and failure.
import { useEffect, useId, useState } from 'react'

export type RenderedDiagram = { readonly svg: string } | { readonly error: string } | null

/** The diagram drawn to SVG (null while Mermaid loads and draws); `onRendered` hears each new SVG. */
export function useMermaidSvg(source: string, idPrefix: string, onRendered?: (svg: string) => void): RenderedDiagram {
  const id = useId().replace(/[^a-zA-Z0-9]/g, '')
  const [rendered, setRendered] = useState<{ readonly source: string; readonly diagram: RenderedDiagram }>({ source: '', diagram: null })
  useEffect(() => {
    let current = true
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches
    void import('mermaid')
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'neutral', fontFamily: 'inherit' })
        const { svg } = await mermaid.render(`${idPrefix}-${id}`, source)
        if (!current) return
        setRendered({ source, diagram: { svg } })
        onRendered?.(svg)
      })
      .catch(
        (error: unknown) => current && setRendered({ source, diagram: { error: error instanceof Error ? error.message : String(error) } }),
      )
    return () => {
      current = false
    }
  }, [id, idPrefix, source, onRendered])
  return rendered.source === source ? rendered.diagram : null
}

/** What shows instead of the diagram: "Drawing…" until it is drawn, or why it could not be, with its source. */
export function DiagramPending(props: { rendered: RenderedDiagram; source: string }) {
  if (!props.rendered)
    return (
      <p className="muted" role="status">
        Drawing the diagram…
      </p>
    )
  if (!('error' in props.rendered)) return null
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__message">This diagram could not be drawn: {props.rendered.error}</p>
      <pre className="code-block">{props.source}</pre>
    </div>
  )
}

export function MermaidDiagram(props: { source: string; label: string }) {
  const rendered = useMermaidSvg(props.source, 'diagram')
  if (!rendered || 'error' in rendered) return <DiagramPending rendered={rendered} source={props.source} />
  return <figure className="diagram" role="img" aria-label={props.label} dangerouslySetInnerHTML={{ __html: rendered.svg }} />
}
