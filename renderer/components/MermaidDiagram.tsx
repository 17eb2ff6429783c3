// Renders a Mermaid diagram to SVG. Mermaid is large, so it is loaded only when a diagram is shown.
// securityLevel 'strict' escapes labels (folder names come from the repository) and disables clicks.
import { useEffect, useId, useState } from 'react'

type Rendered = { readonly svg: string } | { readonly error: string } | null

export function MermaidDiagram(props: { source: string; label: string }) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, '')
  const [rendered, setRendered] = useState<Rendered>(null)

  useEffect(() => {
    let current = true
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches
    void import('mermaid')
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'neutral', fontFamily: 'inherit' })
        const { svg } = await mermaid.render(`diagram-${id}`, props.source)
        if (current) setRendered({ svg })
      })
      .catch((error: unknown) => {
        if (current) setRendered({ error: error instanceof Error ? error.message : String(error) })
      })
    return () => {
      current = false
    }
  }, [id, props.source])

  if (!rendered) return <p className="muted" role="status">Drawing the diagram…</p>
  if ('error' in rendered) {
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__message">This diagram could not be drawn: {rendered.error}</p>
        <pre className="code-block">{props.source}</pre>
      </div>
    )
  }
  return <figure className="diagram" role="img" aria-label={props.label} dangerouslySetInnerHTML={{ __html: rendered.svg }} />
}
