// Draws a checked Mermaid diagram to SVG (Mermaid loaded only now, strict security) and turns the
// nodes whose labels name a folder or file that exists in the repository into links to the viewer.
import { useEffect, useRef } from 'react'
import { DiagramPending, useMermaidSvg } from '../../components/MermaidDiagram.tsx'
import { pathLikeLabel } from '../../stores/citations.ts'
import { useStores } from '../../stores-context.tsx'

export function LinkedDiagram(props: { repoId: string; source: string; onRendered: (svg: string) => void }) {
  const { useCoach } = useStores()
  const ref = useRef<HTMLElement>(null)
  const existingPaths = useCoach((state) => state.existingPaths)
  const openFile = useCoach((state) => state.openFile)
  const rendered = useMermaidSvg(props.source, 'coach-diagram', props.onRendered)

  useEffect(() => {
    const root = ref.current
    if (!root || !rendered || !('svg' in rendered)) return
    const nodes = [...root.querySelectorAll<SVGGElement>('g.node')]
      .map((node) => ({ node, path: pathLikeLabel(node.textContent ?? '') }))
      .filter((entry): entry is { node: SVGGElement; path: string } => entry.path !== null)
    if (nodes.length === 0) return
    // Drawn again or left: the check still under way is cancelled, and its answer dropped.
    const controller = new AbortController()
    void existingPaths(
      props.repoId,
      nodes.map(({ path }) => path),
      controller.signal,
    ).then((existing) => {
      if (controller.signal.aborted) return
      for (const { node, path } of nodes) {
        if (!existing.has(path)) continue
        node.classList.add('diagram-node--linked')
        node.setAttribute('role', 'link')
        node.setAttribute('tabindex', '0')
        node.setAttribute('aria-label', `Open ${path}`)
        const open = () => openFile({ repoId: props.repoId, path, line: null })
        node.addEventListener('click', open)
        node.addEventListener('keydown', (event) => (event.key === 'Enter' || event.key === ' ') && open())
      }
    })
    return () => controller.abort()
  }, [rendered, props.repoId, openFile, existingPaths])

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
