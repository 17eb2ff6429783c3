// "Explain it like I'm new to the team": a short explanation tied to the diff, streamed while Claude
// writes it (or a template without AI, labelled), saved with the session.
import { Markdown } from '../../components/Markdown.tsx'
import { useChange } from '../../app-stores.ts'

export function ExplainPanel() {
  const explanation = useChange((s) => s.explanation)
  const streamed = useChange((s) => s.streamed)
  const busy = useChange((s) => s.busy)
  const explain = useChange((s) => s.explain)
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
          <Markdown source={explanation.markdown} />
        </>
      ) : null}
    </section>
  )
}
