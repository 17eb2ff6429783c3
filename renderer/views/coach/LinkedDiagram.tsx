// Draws a checked Mermaid diagram to SVG (Mermaid loaded only now, strict security) and turns the
// nodes whose labels name a folder or file that exists in the repository into links to the viewer.
import { useEffect, useRef } from 'react'
import { DiagramPending, useMermaidSvg } from '../../components/MermaidDiagram.tsx'
import { pathLikeLabel } from '../../stores/citations.ts'
import { gemba, useCoach } from '../../app-stores.ts'

export function LinkedDiagram(props: { repoId: string; source: string; onRendered: (svg: string) => void }) {
  const ref = useRef<HTMLElement>(null)
  const openFile = useCoach((state) => state.openFile)
  const rendered = useMermaidSvg(props.source, 'coach-diagram', props.onRendered)

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

  if (!rendered || 'error' in rendered) return <DiagramPending rendered={rendered} source={props.source} />
  return (
    <figure
      ref={ref}
      className="diagram coach-diagram__figure"
      aria-label="Architecture diagram from Claude"
      dangerouslySetInnerHTML={{ __html: rendered.svg }}
    />
  )
}
