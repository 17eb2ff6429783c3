// The hour's developer loop in the entry (and so in its PDF): only the figures that were measured,
// in the same words as the Markdown file (shared/developer-loop-facts.ts). Absent when none was.
import type { DeveloperLoop } from '../../../shared/models/journal.ts'
import { loopFacts } from '../../../shared/developer-loop-facts.ts'

export function DeveloperLoopSection(props: { loop: DeveloperLoop | undefined }) {
  const facts = loopFacts(props.loop)
  if (facts.length === 0) return null
  return (
    <section className="card session-section developer-loop" aria-label="Developer loop">
      <h2>Developer loop</h2>
      <p className="muted">What the hour measured of working like an engineer on the team: timers and test runs, not memory.</p>
      <dl className="developer-loop__facts">
        {facts.map((fact) => (
          <div key={fact.label} className="developer-loop__fact">
            <dt>{fact.label}</dt>
            <dd>{withCode(fact.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

/** A fact with its `commands` and test names as code. */
function withCode(text: string) {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))
}
