// Draws a checked Mermaid diagram to SVG (Mermaid loaded only now, strict security) and turns the
// nodes whose labels name a folder or file that exists in the repository into links to the viewer.
import { useEffect, useId, useRef, useState } from 'react'
import { pathLikeLabel } from '../../stores/citations.ts'
import { gemba, useCoach } from '../../app-stores.ts'

type Rendered = { readonly svg: string } | { readonly error: string } | null

export function LinkedDiagram(props: { repoId: string; source: string; onRendered: (svg: string) => void }) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, '')
  const ref = useRef<HTMLElement>(null)
  const [rendered, setRendered] = useState<Rendered>(null)
  const openFile = useCoach((state) => state.openFile)
  const { onRendered } = props

  useEffect(() => {
    let current = true
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches
    void import('mermaid')
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'neutral', fontFamily: 'inherit' })
        const { svg } = await mermaid.render(`coach-diagram-${id}`, props.source)
        if (!current) return
        setRendered({ svg })
        onRendered(svg)
      })
      .catch((error: unknown) => current && setRendered({ error: error instanceof Error ? error.message : String(error) }))
    return () => {
      current = false
    }
  }, [id, props.source, onRendered])

  useEffect(() => {
    const root = ref.current
    if (!root || !rendered || !('svg' in rendered)) return
    const nodes = [...root.querySelectorAll<SVGGElement>('g.node')]
      .map((node) => ({ node, path: pathLikeLabel(node.textContent ?? '') }))
      .filter((entry): entry is { node: SVGGElement; path: string } => entry.path !== null)
    if (nodes.length === 0) return
    let current = true
    void gemba
      .invoke('ai.verifyCitations', { repoId: props.repoId, citations: nodes.map(({ path }) => ({ path })) })
      .then((checks) => {
        if (!current) return
        for (const [index, { node, path }] of nodes.entries()) {
          if (checks[index]?.status !== 'verified') continue
          node.classList.add('diagram-node--linked')
          node.setAttribute('role', 'link')
          node.setAttribute('tabindex', '0')
          node.setAttribute('aria-label', `Open ${path}`)
          const open = () => openFile({ repoId: props.repoId, path, line: null })
          node.addEventListener('click', open)
          node.addEventListener('keydown', (event) => (event.key === 'Enter' || event.key === ' ') && open())
        }
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [rendered, props.repoId, openFile])

  if (!rendered) return <p className="muted" role="status">Drawing the diagram…</p>
  if ('error' in rendered) {
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__message">This diagram could not be drawn: {rendered.error}</p>
        <pre className="code-block">{props.source}</pre>
      </div>
    )
  }
  return <figure ref={ref} className="diagram coach-diagram__figure" aria-label="Architecture diagram from Claude" dangerouslySetInnerHTML={{ __html: rendered.svg }} />
}
