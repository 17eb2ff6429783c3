// The interactive module map: at most about fifteen boxes per level (shared/module-view.ts), arrows
// as thick as the imports they carry, tests/docs/tooling behind a toggle, zoom and pan, and a click on
// a box (or Enter/Space on it) showing its part of the offline tour. "Open inside", a double-click,
// Enter on the chosen box or the right arrow opens a folder onto its parts, and a folder of files (a
// flat package) onto its modules; the trail above walks back out. A single-package repository opens on
// its modules. Everything comes from the scan (no AI); nothing here touches the disk. With the
// leader's visits, each box is shaded by where they have been in past hours (read, walked through,
// changed), with a legend.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react'
import type { ModuleGraph } from '../../../shared/models/repos.ts'
import type { RepoVisits } from '../../../shared/models/sessions.ts'
import { FolderIndex, moduleView, openedView, type ModuleBox } from '../../../shared/module-view.ts'
import { Markdown } from '../../components/Markdown.tsx'
import { BOX_HEIGHT, BOX_WIDTH, layoutModuleMap } from './module-map-layout.ts'
import { sectionFor, tourSection } from './tour-section.ts'
import { TourMarkdown } from './TourMarkdown.tsx'
import { boxVisits, visitsSentence, type BoxVisits } from './map-visits.ts'
import '../../styles/module-map.css'

/** Zoom bounds; the longest label drawn whole (longer ones keep their end); dependencies drawn before a box is selected. */
const LIMITS = { minZoom: 0.4, maxZoom: 2.5, label: 30, strongest: 16 } as const
const STRONGEST = LIMITS.strongest

export interface ModuleMapProps {
  /** The repository drawn: the files its part of the tour names open in the viewer. */
  readonly repoId?: string
  readonly graph: ModuleGraph
  /** Heading of each part's tour section, by module path. */
  readonly sections: Readonly<Record<string, string>>
  /** The whole tour, for the sections. */
  readonly markdown: string
  readonly label: string
  /** Opens the tour at a heading (where the tour is on the same screen). */
  readonly onReadInTour?: (heading: string) => void
  /** Where the leader has been in this repository over past hours; the boxes are shaded by it when given. */
  readonly visits?: RepoVisits | null
}

const clamp = (value: number) => Math.min(LIMITS.maxZoom, Math.max(LIMITS.minZoom, Math.round(value * 100) / 100))
const short = (text: string) => (text.length <= LIMITS.label ? text : `…${text.slice(text.length - LIMITS.label + 1)}`)
const compact = (value: number) =>
  value >= 10_000 ? `${Math.round(value / 1000)}k` : value >= 1000 ? `${(value / 1000).toFixed(1)}k` : String(value)
const detail = (box: ModuleBox) =>
  `${box.files.toLocaleString('en')} ${box.files === 1 ? 'file' : 'files'} · ${box.lines.toLocaleString('en')} lines${box.language ? ` · ${box.language}` : ''}`
const shortDetail = (box: ModuleBox) =>
  `${box.files.toLocaleString('en')} ${box.files === 1 ? 'file' : 'files'} · ${compact(box.lines)} lines${box.language ? ` · ${box.language}` : ''}`

/** The element's width in CSS pixels, kept up to date (the map wraps its rows to it). */
function useWidth(element: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(960)
  useEffect(() => {
    const target = element.current
    if (!target) return
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.round(entry.contentRect.width)))
    observer.observe(target)
    return () => observer.disconnect()
  }, [element])
  return width
}

export function ModuleMap(props: ModuleMapProps) {
  const { graph } = props
  const index = useMemo(() => new FolderIndex(graph), [graph])
  const [trail, setTrail] = useState<readonly ModuleBox[]>([])
  const [showSupporting, setShowSupporting] = useState(false)
  const [selected, setSelected] = useState<string | null>(null)
  const [hovered, setHovered] = useState<string | null>(null)
  const [zoom, setZoom] = useState(1)
  const [pan, setPan] = useState({ x: 0, y: 0 })
  const drag = useRef<{ x: number; y: number; panX: number; panY: number } | null>(null)
  const canvas = useRef<HTMLDivElement>(null)
  const root = useRef<HTMLElement>(null)
  const width = useWidth(root)
  const current = trail.at(-1)
  const view = useMemo(
    () =>
      current ? openedView(graph, current, { showSupporting }, index) : moduleView(graph, '.', { showSupporting, openFiles: true }, index),
    [graph, index, current, showSupporting],
  )
  const layout = useMemo(() => layoutModuleMap(view, width), [view, width])
  // The strongest dependencies are drawn; a box's own are all drawn when it is selected or pointed at.
  const strongest = useMemo(
    () =>
      new Set(
        layout.edges
          .slice()
          .sort((a, b) => b.weight - a.weight)
          .slice(0, STRONGEST)
          .map((edge) => `${edge.from}>${edge.to}`),
      ),
    [layout],
  )
  const selectedBox = view.boxes.find((box) => box.id === selected) ?? null
  const focusId = hovered ?? selected
  const drawn = layout.edges.filter((edge) => strongest.has(`${edge.from}>${edge.to}`) || edge.from === focusId || edge.to === focusId)

  const goTo = (next: readonly ModuleBox[]) => {
    setTrail(next)
    setSelected(null)
    setPan({ x: 0, y: 0 })
  }
  const drillInto = (box: ModuleBox) => box.drillable && goTo([...trail, box])
  const fit = () => {
    const width = canvas.current?.clientWidth ?? layout.width
    setZoom(clamp(Math.min(1, (width - 16) / layout.width)))
    setPan({ x: 0, y: 0 })
  }
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    // Ctrl/⌘ + wheel (and a trackpad pinch) zooms; a plain wheel scrolls the page as usual.
    if (!event.ctrlKey && !event.metaKey) return
    event.preventDefault()
    setZoom((value) => clamp(value * (event.deltaY < 0 ? 1.1 : 1 / 1.1)))
  }
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest('.module-map__box')) return
    drag.current = { x: event.clientX, y: event.clientY, panX: pan.x, panY: pan.y }
    event.currentTarget.setPointerCapture(event.pointerId)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current
    if (start) setPan({ x: start.panX + event.clientX - start.x, y: start.panY + event.clientY - start.y })
  }
  const onCanvasKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = 40
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    }
    const move = moves[event.key]
    if (event.target !== event.currentTarget) return
    if (move) {
      event.preventDefault()
      setPan((value) => ({ x: value.x + move[0], y: value.y + move[1] }))
    } else if (event.key === '+' || event.key === '=') setZoom((value) => clamp(value * 1.2))
    else if (event.key === '-') setZoom((value) => clamp(value / 1.2))
  }
  const onBoxKey = (event: KeyboardEvent<SVGGElement>, box: ModuleBox) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      // The first press shows the box's part of the tour; Enter on the chosen box opens it.
      if (event.key === 'Enter' && selected === box.id && box.drillable) drillInto(box)
      else setSelected(box.id)
    } else if (event.key === 'ArrowRight' && box.drillable) {
      event.preventDefault()
      drillInto(box)
    }
  }
  const section =
    selectedBox && selectedBox.kind !== 'group'
      ? sectionFor(props.sections, selectedBox.path)
      : selectedBox
        ? { path: selectedBox.id, heading: props.sections[selectedBox.id] ?? '' }
        : null
  const sectionText = section?.heading ? tourSection(props.markdown, section.heading) : null
  const uses = selectedBox ? view.edges.filter((edge) => edge.from === selectedBox.id) : []
  const usedBy = selectedBox ? view.edges.filter((edge) => edge.to === selectedBox.id) : []
  const labelOf = new Map(view.boxes.map((box) => [box.id, box.label]))
  const visits = props.visits
  const visitOf = useMemo(() => {
    const byBox = new Map<string, BoxVisits>()
    if (visits) for (const box of view.boxes) byBox.set(box.id, boxVisits(box, visits))
    return byBox
  }, [view.boxes, visits])

  return (
    <section className="module-map" aria-label={props.label} ref={root}>
      <div className="module-map__toolbar">
        <nav className="module-map__trail" aria-label="Where you are in the map">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => goTo([])}
            aria-current={trail.length === 0 ? 'location' : undefined}
          >
            Whole repository
          </button>
          {trail.map((box, at) => (
            <span key={box.id}>
              <span aria-hidden="true"> › </span>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => goTo(trail.slice(0, at + 1))}
                aria-current={at === trail.length - 1 ? 'location' : undefined}
              >
                {box.label}
              </button>
            </span>
          ))}
        </nav>
        {current?.kind === 'group' ? null : (
          <label className="module-map__toggle">
            <input type="checkbox" checked={showSupporting} onChange={(event) => setShowSupporting(event.target.checked)} />
            Show tests, docs and tooling{view.supporting.length ? ` (${view.supporting.length})` : ''}
          </label>
        )}
        <div className="module-map__zoom" role="group" aria-label="Zoom">
          <button type="button" className="button" onClick={() => setZoom((value) => clamp(value / 1.2))} aria-label="Zoom out">
            −
          </button>
          <output aria-live="polite">{Math.round(zoom * 100)}%</output>
          <button type="button" className="button" onClick={() => setZoom((value) => clamp(value * 1.2))} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="button" onClick={fit}>
            Fit
          </button>
          <button type="button" className="button" onClick={() => (setZoom(1), setPan({ x: 0, y: 0 }))}>
            100%
          </button>
        </div>
      </div>
      {view.boxes.length === 0 ? (
        <p className="muted">
          No code to draw here{view.supporting.length ? ' — only tests, docs and tooling: tick the box above to see them' : ''}.
        </p>
      ) : (
        <div
          ref={canvas}
          className="module-map__canvas"
          tabIndex={0}
          aria-label="Module map: drag or use the arrow keys to move, + and − to zoom"
          onWheel={onWheel}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = null)}
          onPointerCancel={() => (drag.current = null)}
          onKeyDown={onCanvasKey}
          style={{ height: Math.min(900, Math.max(192, layout.height * zoom + 8)) }}
        >
          <svg
            width={layout.width * zoom}
            height={layout.height * zoom}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            style={{ transform: `translate(${pan.x}px, ${pan.y}px)` }}
          >
            <defs>
              <marker
                id="module-map-arrow"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="9"
                markerHeight="9"
                markerUnits="userSpaceOnUse"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" className="module-map__arrowhead" />
              </marker>
            </defs>
            {drawn.map((edge) => (
              <path
                key={`${edge.from}>${edge.to}`}
                d={edge.path}
                strokeWidth={edge.width}
                markerEnd="url(#module-map-arrow)"
                className={`module-map__edge${edge.backwards ? ' module-map__edge--back' : ''}${focusId ? (edge.from === focusId || edge.to === focusId ? ' module-map__edge--lit' : ' module-map__edge--dim') : ''}`}
              >
                <title>{`${labelOf.get(edge.from)} → ${labelOf.get(edge.to)}: ${edge.weight.toLocaleString('en')} ${edge.weight === 1 ? 'import' : 'imports'}`}</title>
              </path>
            ))}
            {layout.boxes.map(({ box, x, y }) => (
              <g
                key={box.id}
                className={`module-map__box${box.supporting ? ' module-map__box--supporting' : ''}${box.id === selected ? ' module-map__box--selected' : ''}${visitOf.has(box.id) ? ` module-map__box--${visitOf.get(box.id)!.shade}` : ''}`}
                data-visits={visitOf.get(box.id)?.shade}
                transform={`translate(${x} ${y})`}
                role="button"
                tabIndex={0}
                aria-pressed={box.id === selected}
                aria-label={`${box.kind === 'file' ? box.path : box.label}: ${detail(box)}.${visitOf.has(box.id) ? ` ${visitsSentence(visitOf.get(box.id)!)}` : ''} Show its part of the tour${box.drillable ? '; Enter again or the right arrow opens it' : ''}`}
                onClick={() => setSelected(box.id)}
                onDoubleClick={() => drillInto(box)}
                onKeyDown={(event) => onBoxKey(event, box)}
                onPointerEnter={() => setHovered(box.id)}
                onPointerLeave={() => setHovered(null)}
              >
                <title>
                  {box.kind === 'group' ? box.members.join('\n') : box.kind === 'file' ? box.path : box.label}
                  {visitOf.has(box.id) ? `\n${visitsSentence(visitOf.get(box.id)!)}` : ''}
                </title>
                <rect width={BOX_WIDTH} height={BOX_HEIGHT} rx={8} />
                <text x={12} y={24} className="module-map__label">
                  {short(box.label)}
                </text>
                <text x={12} y={43} className="module-map__detail">
                  {shortDetail(box)}
                </text>
                {box.drillable ? <path d={`M${BOX_WIDTH - 20},${BOX_HEIGHT / 2 - 6} l6,6 l-6,6`} className="module-map__chevron" /> : null}
              </g>
            ))}
          </svg>
        </div>
      )}
      <p className="module-map__legend muted">
        An arrow points from code to what it imports; the thicker, the more imports
        {layout.edges.length > STRONGEST
          ? ` (the ${STRONGEST} strongest of ${layout.edges.length} are drawn; a selected box shows all of its own)`
          : ''}
        .
        {layout.edges.some((edge) => edge.backwards)
          ? ' A dashed arrow closes an import cycle: what it points to imports, directly or through others, the code it comes from.'
          : ''}
        {layout.boxes.some(({ box }) => box.supporting) ? ' A dashed box holds tests, docs or tooling.' : ''} Click a box for its part of
        the tour; double-click it (or “Open inside”) to see what is in it: its folders, or its modules.
      </p>
      {visits ? <VisitsLegend visits={visits} /> : null}
      {selectedBox ? (
        <aside className="module-map__details" aria-label={`About ${selectedBox.label}`}>
          <header className="module-map__details-header">
            <h4>{selectedBox.label}</h4>
            <div className="module-map__details-actions">
              {selectedBox.drillable ? (
                <button type="button" className="button" onClick={() => drillInto(selectedBox)}>
                  Open inside
                </button>
              ) : null}
              {props.onReadInTour && section?.heading ? (
                <button type="button" className="button button--quiet" onClick={() => props.onReadInTour?.(section.heading)}>
                  Read it in the tour
                </button>
              ) : null}
            </div>
          </header>
          <p className="muted">
            {detail(selectedBox)}
            {selectedBox.supporting ? ` · ${selectedBox.role === 'source' ? 'code' : selectedBox.role}` : ''}
          </p>
          {visitOf.has(selectedBox.id) ? <p>{visitsSentence(visitOf.get(selectedBox.id)!)}</p> : null}
          {sectionText ? (
            <>
              {section && section.path !== selectedBox.path && selectedBox.kind !== 'group' ? (
                <p className="muted">From the tour’s section on {section.heading}:</p>
              ) : null}
              {props.repoId ? (
                <TourMarkdown repoId={props.repoId} source={sectionText} className="module-map__section" />
              ) : (
                <Markdown source={sectionText} className="module-map__section" />
              )}
            </>
          ) : (
            <>
              {uses.length ? (
                <p>
                  Uses:{' '}
                  {uses
                    .slice(0, 6)
                    .map((edge) => `${labelOf.get(edge.to)} (${edge.weight})`)
                    .join(', ')}
                  .
                </p>
              ) : null}
              {usedBy.length ? (
                <p>
                  Used by:{' '}
                  {usedBy
                    .slice(0, 6)
                    .map((edge) => `${labelOf.get(edge.from)} (${edge.weight})`)
                    .join(', ')}
                  .
                </p>
              ) : null}
              {!uses.length && !usedBy.length ? <p className="muted">No imports to or from the other boxes here.</p> : null}
            </>
          )}
        </aside>
      ) : null}
    </section>
  )
}

/** What the shades mean, and over which hours. */
function VisitsLegend(props: { visits: RepoVisits }) {
  const { visits } = props
  const span =
    visits.hours === 0
      ? 'No hours in this repository yet.'
      : `Over your ${visits.hours === 1 ? 'hour' : `${visits.hours} hours`} here${visits.from && visits.to ? (visits.from === visits.to ? ` (${visits.from})` : ` (${visits.from} to ${visits.to})`) : ''}${visits.truncated ? ', the newest counted' : ''}.`
  return (
    <div className="module-map__visits" role="note" aria-label="Where you have been">
      <span className="module-map__visits-title">Where you have been:</span>
      {(
        [
          ['changed', 'changed a file'],
          ['cited', 'walked through (cited)'],
          ['read', 'read in the viewer'],
          ['none', 'not yet'],
        ] as const
      ).map(([shade, label]) => (
        <span key={shade} className="module-map__visits-key">
          <span className={`module-map__swatch module-map__swatch--${shade}`} aria-hidden="true" />
          {label}
        </span>
      ))}
      <span className="muted">{span}</span>
    </div>
  )
}
