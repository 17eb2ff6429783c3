// "Explain it like I'm new to the team": a short explanation tied to the diff, streamed while Claude
// writes it (or a template without AI, labelled), saved with the session. Its path:line citations are
// checked against the change's commit and open the read-only file viewer.
import { CoachMarkdown } from '../coach/CoachMarkdown.tsx'
import { FileViewer } from '../coach/FileViewer.tsx'
import { Markdown } from '../../components/Markdown.tsx'
import { useStores } from '../../stores-context.tsx'

export function ExplainPanel() {
  const { useChange } = useStores()
  const explanation = useChange((s) => s.explanation)
  const checks = useChange((s) => s.explanationChecks)
  const checked = useChange((s) => s.explanationChecked)
  const streamed = useChange((s) => s.streamed)
  const busy = useChange((s) => s.busy)
  const repoId = useChange((s) => s.draft?.repoId ?? null)
  const onGembaBranch = useChange((s) => s.draft?.applied?.onGembaBranch ?? false)
  const viewer = useChange((s) => s.viewer)
  const { explain, openFile, closeViewer } = useChange.getState()
  return (
    <section className="card" aria-labelledby="change-explain">
      <div className="change-row">
        <h3 id="change-explain">Explain it like I’m new to the team</h3>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void explain()}>
          {busy === 'explaining' ? 'Writing…' : explanation ? 'Explain again' : 'Explain the change'}
        </button>
      </div>
      {busy === 'explaining' && streamed ? <Markdown source={streamed} /> : null}
      {explanation && busy !== 'explaining' ? (
        <>
          {explanation.source === 'offline' ? (
            <p>
              <span className="computed-label">From the diff alone · no AI</span>
            </p>
          ) : null}
          <CoachMarkdown
            source={explanation.markdown}
            checks={checks}
            settled={checked}
            onOpen={(path, line) => repoId && openFile({ repoId, path, line })}
          />
          {!onGembaBranch && Object.keys(checks).length > 0 ? (
            <p className="muted">The viewer shows your clone as it is now, which is not on the Gemba branch.</p>
          ) : null}
        </>
      ) : null}
      <FileViewer target={viewer} onOpen={openFile} onClose={closeViewer} />
    </section>
  )
}
