// Session: the four steps of the hour. Until the session runner lands, an honest note.
import { EmptyState } from '../../components/EmptyState.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'

const STEPS = [
  ['Explore', 'a guided tour of the code, as if you were new on the team'],
  ['Diagram', 'the high-level architecture, drawn and checked'],
  ['Small change', 'a real change with tests, on its own branch'],
  ['Reflect', 'what you learned, what slows the team down, and how long it really took'],
] as const

export function SessionView() {
  return (
    <div className="page">
      <PageHeader title="Session" subtitle="Explore, diagram, small change, reflect." />
      <EmptyState tone="coming" title="The session runner">
        <ol className="step-list">
          {STEPS.map(([name, what]) => (
            <li key={name}>
              <strong>{name}</strong> — {what}
            </li>
          ))}
        </ol>
        <p className="muted">Not built yet: no session can be started from this screen today.</p>
      </EmptyState>
    </div>
  )
}
