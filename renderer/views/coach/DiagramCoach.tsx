// Diagram with Claude: a Mermaid flowchart of the architecture, checked with Mermaid's own parser
// before it is shown (one repair request on a parse error, then the offline module diagram with the
// reason), nodes naming folders or files linked to the file viewer, regenerate with an instruction,
// and save (Mermaid source and SVG). Reusable in the session's diagram step.
import { useState } from 'react'
import '../../styles/coach.css'
import { coachErrorView } from './coach-errors.ts'
import { ContextPreview } from './ContextPreview.tsx'
import { CoachFileViewer } from './CoachFileViewer.tsx'
import { LinkedDiagram } from './LinkedDiagram.tsx'
import { NoKeyNotice, useHasApiKey } from './NoKeyNotice.tsx'
import { OfflineFallback } from './OfflineFallback.tsx'
import { SentRecords } from './SentRecords.tsx'
import { TurnView } from './Transcript.tsx'
import { SessionUsage } from './UsageSummary.tsx'
import { useCoach } from '../../app-stores.ts'

export interface SavedDiagram {
  readonly mermaid: string
  readonly svg: string
  readonly caption: string
  /** The coach's thread that drew it (kept on disk, read into the journal's transcript). */
  readonly threadId: string | null
}

export function DiagramCoach(props: { repoId: string; sessionId?: string; onSave?: (diagram: SavedDiagram) => Promise<void> }) {
  const ensure = useCoach((state) => state.ensure)
  const [key] = useState(() => ensure('diagram', props.repoId, props.sessionId ?? null))
  const panel = useCoach((state) => state.panels[key])
  const draw = useCoach((state) => state.drawDiagram)
  const cancel = useCoach((state) => state.cancel)
  const saveDiagram = useCoach((state) => state.saveDiagram)
  const [instruction, setInstruction] = useState('')
  const [svg, setSvg] = useState<string | null>(null)
  const hasKey = useHasApiKey()
  if (!panel) return null
  if (hasKey === false) {
    return (
      <section className="coach" aria-label="Diagram with Claude">
        <NoKeyNotice />
        <OfflineFallback repoId={props.repoId} show="diagram" reason="Offline module diagram: drawn from the repository’s folders and imports on this computer." />
      </section>
    )
  }
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
          <label htmlFor={`${key}-instruction`}>{diagram.source ? 'Redraw with an instruction (optional)' : 'Instruction (optional)'}</label>
          <input id={`${key}-instruction`} value={instruction} placeholder="Focus on the payment flow" onChange={(event) => setInstruction(event.target.value)} />
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
          {diagram.status === 'drawing' ? 'Claude is drawing the architecture…' : 'The diagram did not parse; Gemba asked Claude once to fix it…'}
        </p>
      ) : null}
      {diagram.status === 'ready' && diagram.source ? (
        <div className="card coach-diagram">
          {diagram.caption ? <p>{diagram.caption.replace(/```[\s\S]*?```/g, '').trim()}</p> : null}
          <LinkedDiagram repoId={props.repoId} source={diagram.source} onRendered={setSvg} />
          <div className="coach-diagram__actions">
            {props.onSave ? (
              <button
                type="button"
                className="button"
                disabled={!svg || diagram.saved === 'saving'}
                onClick={() => void saveDiagram(key, async ({ mermaid, caption }) => props.onSave!({ mermaid, caption, svg: svg ?? '', threadId: panel.thread?.threadId ?? null }))}
              >
                {diagram.saved === 'yes' ? 'Saved to the session' : diagram.saved === 'saving' ? 'Saving…' : 'Save to the session'}
              </button>
            ) : null}
            {downloadSvg ? (
              <a className="button button--quiet" href={downloadSvg} download="architecture.svg">
                Download SVG
              </a>
            ) : null}
            <a className="button button--quiet" href={`data:text/plain;charset=utf-8,${encodeURIComponent(diagram.source)}`} download="architecture.mmd">
              Download Mermaid
            </a>
            {diagram.saved === 'failed' ? <span className="warning-text">Could not save; try again.</span> : null}
          </div>
        </div>
      ) : null}
      {diagram.status === 'fallback' ? <OfflineFallback repoId={props.repoId} show="diagram" reason={`${diagram.reason ?? ''} Here is the module diagram Gemba draws from the repository instead.`} /> : null}
      {offline && diagram.status !== 'fallback' ? <OfflineFallback repoId={props.repoId} show="diagram" reason="Claude cannot be reached right now, so here is the module diagram Gemba draws from the repository itself." /> : null}
      <details className="coach-diagram__transcript" open={Boolean(lastError)}>
        <summary>Conversation ({panel.turns.length} {panel.turns.length === 1 ? 'request' : 'requests'})</summary>
        {panel.turns.map((turn, index) => (
          <TurnView key={turn.id} panelKey={key} panel={panel} turn={turn} last={index === panel.turns.length - 1} />
        ))}
      </details>
      <SentRecords panelKey={key} />
      <SessionUsage usage={panel.sessionUsage} costUsd={panel.sessionCostUsd} budgetUsd={panel.sessionBudgetUsd ?? panel.thread?.sessionBudgetUsd ?? null} />
      <CoachFileViewer />
    </section>
  )
}
