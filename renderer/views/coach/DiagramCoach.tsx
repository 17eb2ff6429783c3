// Diagram with Claude: a Mermaid flowchart of the architecture, checked with Mermaid's own parser
// before it is shown (one repair request on a parse error, then the offline module diagram with the
// reason), nodes naming folders or files linked to the file viewer, regenerate with an instruction,
// earlier drawings to go back to, and (in a session) each drawing kept for the journal as soon as it
// is drawn (Mermaid source and SVG), unless the leader picked one themselves. Reusable anywhere.
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import '../../styles/coach.css'
import { coachErrorView } from './coach-errors.ts'
import { ContextPreview } from './ContextPreview.tsx'
import { LinkedDiagram } from './LinkedDiagram.tsx'
import { useHasApiKey } from './NoKeyNotice.tsx'
import { CoachFooter } from './CoachFooter.tsx'
import { CoachWithoutKey, OfflineFallback } from './OfflineFallback.tsx'
import { TurnView } from './Transcript.tsx'
import { useStores } from '../../stores-context.tsx'

export interface SavedDiagram {
  readonly mermaid: string
  readonly svg: string
  readonly caption: string
  /** The coach's thread that drew it (kept on disk, read into the journal's transcript). */
  readonly threadId: string | null
}

/** How a session keeps the drawings: automatically (the newest replaces the last) or only on the leader's word. */
export interface DiagramKeeping {
  readonly auto: boolean
  /** The diagram the session keeps now (Mermaid source), and whether the leader picked it. */
  readonly kept: { readonly source: string; readonly leaderPick: boolean }
  readonly keep: (diagram: SavedDiagram, choice: 'auto' | 'leader') => Promise<void>
}

export function DiagramCoach(props: { repoId: string; sessionId?: string; keeping?: DiagramKeeping }) {
  const { useCoach } = useStores()
  const ensure = useCoach((state) => state.ensure)
  const [key] = useState(() => ensure('diagram', props.repoId, props.sessionId ?? null))
  const panel = useCoach((state) => state.panels[key])
  const draw = useCoach((state) => state.drawDiagram)
  const cancel = useCoach((state) => state.cancel)
  const saveDiagram = useCoach((state) => state.saveDiagram)
  const showDrawing = useCoach((state) => state.showDrawing)
  const [instruction, setInstruction] = useState('')
  const [svg, setSvg] = useState<string | null>(null)
  const hasKey = useHasApiKey()
  const keepNow = (drawnSvg: string, choice: 'auto' | 'leader'): void => {
    const keeping = props.keeping
    const threadId = useCoach.getState().panels[key]?.thread?.threadId ?? null
    if (keeping) void saveDiagram(key, async ({ mermaid, caption }) => keeping.keep({ mermaid, caption, svg: drawnSvg, threadId }, choice))
  }
  // Mermaid draws again whenever this callback changes: it stays the same, reading the latest state.
  const latest = useRef({ keepNow, auto: props.keeping?.auto ?? false })
  useLayoutEffect(() => {
    latest.current = { keepNow, auto: props.keeping?.auto ?? false }
  })
  const onRendered = useCallback(
    (drawnSvg: string) => {
      setSvg(drawnSvg)
      const current = useCoach.getState().panels[key]?.diagram
      if (!current || current.saved !== 'no') return
      if (current.picked) latest.current.keepNow(drawnSvg, 'leader')
      else if (latest.current.auto) latest.current.keepNow(drawnSvg, 'auto')
    },
    [useCoach, key],
  )
  if (!panel) return null
  if (hasKey === false) return <CoachWithoutKey repoId={props.repoId} show="diagram" />
  const diagram = panel.diagram
  const busy = panel.activeCallId !== null
  const lastError = panel.turns.at(-1)?.error ?? null
  const offline = lastError ? coachErrorView(lastError).offline : false
  const downloadSvg = svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null

  return (
    <section className="coach" aria-label="Diagram with Claude">
      <ContextPreview panelKey={key} />
      <form
        className="coach-diagram__controls"
        onSubmit={(event) => {
          event.preventDefault()
          if (busy) return
          setSvg(null)
          void draw(key, instruction)
        }}
      >
        <div className="field">
          <label htmlFor={`${key}-instruction`}>
            {diagram.source ? 'Redraw with an instruction (optional)' : 'Instruction (optional)'}
          </label>
          <input
            id={`${key}-instruction`}
            value={instruction}
            placeholder="Focus on the payment flow"
            onChange={(event) => setInstruction(event.target.value)}
          />
        </div>
        {busy ? (
          <button type="button" className="button button--danger" onClick={() => cancel(key)}>
            Cancel
          </button>
        ) : (
          <button type="submit" className="button button--primary">
            {diagram.source ? 'Regenerate' : 'Draw the architecture'}
          </button>
        )}
      </form>
      {diagram.status === 'drawing' || diagram.status === 'repairing' ? (
        <p className="muted" role="status">
          {diagram.status === 'drawing'
            ? 'Claude is drawing the architecture…'
            : 'The diagram did not parse; Gemba asked Claude once to fix it…'}
        </p>
      ) : null}
      {diagram.status === 'ready' && diagram.source ? (
        <div className="card coach-diagram">
          {diagram.caption ? <p>{diagram.caption.replace(/```[\s\S]*?```/g, '').trim()}</p> : null}
          <LinkedDiagram repoId={props.repoId} sessionId={props.sessionId ?? null} source={diagram.source} onRendered={onRendered} />
          <div className="coach-diagram__actions">
            {props.keeping ? (
              <KeptState
                kept={props.keeping.kept.source.trim() === diagram.source.trim()}
                leaderPick={props.keeping.kept.leaderPick}
                saved={diagram.saved}
                disabled={!svg}
                onKeep={() => svg && keepNow(svg, diagram.picked ? 'leader' : 'auto')}
              />
            ) : null}
            {downloadSvg ? (
              <a className="button button--quiet" href={downloadSvg} download="architecture.svg">
                Download SVG
              </a>
            ) : null}
            <a
              className="button button--quiet"
              href={`data:text/plain;charset=utf-8,${encodeURIComponent(diagram.source)}`}
              download="architecture.mmd"
            >
              Download Mermaid
            </a>
          </div>
          {diagram.drawings.length > 1 ? (
            <div className="coach-diagram__drawings" role="group" aria-label="Drawings in this conversation">
              <span className="muted">Drawn this hour:</span>
              {diagram.drawings.map((drawing, index) => (
                <button
                  key={index}
                  type="button"
                  className="button button--quiet"
                  aria-pressed={drawing.source === diagram.source}
                  disabled={busy}
                  onClick={() => {
                    setSvg(null)
                    showDrawing(key, index)
                  }}
                >
                  Drawing {index + 1}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      {diagram.status === 'fallback' ? (
        <OfflineFallback
          repoId={props.repoId}
          show="diagram"
          reason={`${diagram.reason ?? ''} Here is the module diagram Gemba draws from the repository instead.`}
        />
      ) : null}
      {offline && diagram.status !== 'fallback' ? (
        <OfflineFallback
          repoId={props.repoId}
          show="diagram"
          reason="Claude cannot be reached right now, so here is the module diagram Gemba draws from the repository itself."
        />
      ) : null}
      <details className="coach-diagram__transcript" open={Boolean(lastError)}>
        <summary>
          Conversation ({panel.turns.length} {panel.turns.length === 1 ? 'request' : 'requests'})
        </summary>
        {panel.turns.map((turn, index) => (
          <TurnView key={turn.id} panelKey={key} panel={panel} turn={turn} last={index === panel.turns.length - 1} />
        ))}
      </details>
      <CoachFooter panelKey={key} panel={panel} />
    </section>
  )
}

/** Whether the drawing on screen is the one the journal keeps, and the way to keep it when it is not. */
function KeptState(props: {
  kept: boolean
  leaderPick: boolean
  saved: 'no' | 'saving' | 'yes' | 'failed'
  disabled: boolean
  onKeep: () => void
}) {
  if (props.saved === 'saving')
    return (
      <span className="muted" role="status">
        Keeping it for the journal…
      </span>
    )
  if (props.kept) {
    return (
      <span className="kept-note" role="status">
        <span aria-hidden="true">✓ </span>
        {props.leaderPick ? 'Kept for the journal (your pick)' : 'Kept for the journal'}
      </span>
    )
  }
  return (
    <>
      <button type="button" className="button" disabled={props.disabled} onClick={props.onKeep}>
        Keep this drawing instead
      </button>
      {props.saved === 'failed' ? (
        <span className="warning-text" role="alert">
          It could not be kept; try again.
        </span>
      ) : null}
    </>
  )
}
