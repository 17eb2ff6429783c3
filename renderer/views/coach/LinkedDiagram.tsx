// Draws a checked Mermaid diagram to SVG (Mermaid loaded only now, strict security) and checks every
// node whose label names a folder or file against the repository, as citations are checked: a node
// the repository has becomes a link to the viewer; one it does not have is marked unverified (dashed,
// in the warning colour, and named under the diagram), so an invented folder never passes for a real one.
import { useEffect, useRef, useState } from 'react'
import { DiagramPending, useMermaidSvg } from '../../components/MermaidDiagram.tsx'
import { pathLikeLabel } from '../../stores/citations.ts'
import { useStores } from '../../stores-context.tsx'

/** The path a node's label names: the whole label, or one of its lines (`src/api` over "HTTP routes"). */
function nodePath(node: SVGGElement): string | null {
  const whole = pathLikeLabel(node.textContent ?? '')
  if (whole !== null) return whole
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const line = pathLikeLabel(text.textContent ?? '')
    if (line !== null) return line
  }
  return null
}

export function LinkedDiagram(props: { repoId: string; sessionId?: string | null; source: string; onRendered: (svg: string) => void }) {
  const { useCoach } = useStores()
  const ref = useRef<HTMLElement>(null)
  const checkPaths = useCoach((state) => state.checkPaths)
  const openFile = useCoach((state) => state.openFile)
  const rendered = useMermaidSvg(props.source, 'coach-diagram', props.onRendered)
  const [unmatched, setUnmatched] = useState<{ readonly source: string; readonly paths: readonly string[] }>({ source: '', paths: [] })

  useEffect(() => {
    const root = ref.current
    if (!root || !rendered || !('svg' in rendered)) return
    const nodes = [...root.querySelectorAll<SVGGElement>('g.node')]
      .map((node) => ({ node, path: nodePath(node) }))
      .filter((entry): entry is { node: SVGGElement; path: string } => entry.path !== null)
    if (nodes.length === 0) return
    // Drawn again or left: the check still under way is cancelled, and its answer dropped.
    const controller = new AbortController()
    const source = props.source
    void checkPaths(
      props.repoId,
      nodes.map(({ path }) => path),
      controller.signal,
    ).then((statuses) => {
      if (controller.signal.aborted || statuses === null) return
      const missing: string[] = []
      for (const { node, path } of nodes) {
        const status = statuses.get(path)
        if (status === 'verified') {
          node.classList.add('diagram-node--linked')
          node.setAttribute('role', 'link')
          node.setAttribute('tabindex', '0')
          node.setAttribute('aria-label', `Open ${path}`)
          const open = () =>
            openFile({ repoId: props.repoId, path, line: null, ...(props.sessionId ? { sessionId: props.sessionId } : {}) })
          node.addEventListener('click', open)
          node.addEventListener('keydown', (event) => (event.key === 'Enter' || event.key === ' ') && open())
        } else if (status === 'missing' || status === 'refused') {
          node.classList.add('diagram-node--unverified')
          node.setAttribute('role', 'img')
          node.setAttribute('aria-label', `${path} (unverified: the repository has no such folder or file)`)
          const title = document.createElementNS('http://www.w3.org/2000/svg', 'title')
          title.textContent = `Unverified: the repository has no ${path}.`
          node.prepend(title)
          if (!missing.includes(path)) missing.push(path)
        }
      }
      setUnmatched({ source, paths: missing })
    })
    return () => controller.abort()
  }, [rendered, props.repoId, props.sessionId, props.source, openFile, checkPaths])

  if (!rendered || 'error' in rendered) return <DiagramPending rendered={rendered} source={props.source} />
  const missing = unmatched.source === props.source ? unmatched.paths : []
  return (
    <>
      <figure
        ref={ref}
        className="diagram coach-diagram__figure"
        aria-label="Architecture diagram from Claude"
        dangerouslySetInnerHTML={{ __html: rendered.svg }}
      />
      {missing.length ? (
        <p className="coach-diagram__unverified" role="status">
          <span aria-hidden="true">◐</span> {missing.length === 1 ? 'One box names' : `${missing.length} boxes name`} what the repository
          does not have, marked dashed:{' '}
          {missing.map((path, index) => (
            <span key={path}>
              {index ? ', ' : ''}
              <code className="cite cite--unverified">
                {path}
                <span className="cite__mark"> (unverified)</span>
              </code>
            </span>
          ))}
          .
        </p>
      ) : null}
    </>
  )
}
