// What the session keeps for the journal from a step: Claude's walkthrough or diagram once the
// leader keeps it, else what Gemba computed from the repository (labelled so); and the change as the
// small change saved it (its commit, branch and test run), which also shows after a restart.
import type { Session } from '../../../shared/models/sessions.ts'

export function KeptNote(props: { session: Session; step: 'explore' | 'diagram'; hasKey: boolean | null }) {
  const { explore, diagram } = props.session.steps
  const source = props.step === 'explore' ? explore.payload.source : diagram.payload.source
  const saved = props.step === 'explore' ? explore.payload.walkthrough.trim() !== '' : diagram.payload.mermaid.trim() !== ''
  if (!saved) return null
  const what = props.step === 'explore' ? 'walkthrough' : 'diagram'
  const offlineName = props.step === 'explore' ? 'the offline tour' : 'the module diagram computed from the repository'
  let text: string
  if (source === 'ai' && props.step === 'explore') {
    const asked = explore.payload.questionsAsked.length
    text = `Kept with the session for the journal: Claude’s walkthrough (${asked} ${asked === 1 ? 'question' : 'questions'}).`
  } else if (source === 'ai') {
    text = `Kept with the session for the journal: Claude’s diagram${diagram.payload.svg ? ', as Mermaid and SVG' : ''}.`
  } else if (source === 'offline') {
    text = `Kept with the session for the journal: ${offlineName}.${props.hasKey ? ` Keep Claude’s ${what} to replace it.` : ''}`
  } else {
    text = `Kept with the session for the journal: your ${what}.`
  }
  return (
    <p className="kept-note" role="status">
      <span aria-hidden="true">✓ </span>
      {text}
    </p>
  )
}

export function ChangeKeptNote(props: { session: Session }) {
  const change = props.session.steps.change.payload
  if (!change.commit && !change.request.trim()) return null
  const parts: string[] = []
  if (change.commit) parts.push(`committed as ${change.commit.slice(0, 10)} on ${change.branch ?? 'a gemba/ branch'}`)
  else parts.push(`“${change.request.trim().slice(0, 120)}”, not committed yet`)
  if (change.testRun) {
    const seconds = (change.testRun.durationMs / 1000).toFixed(1)
    const where = change.testRun.onChange ? ' on this change' : change.testRun.onChange === false && change.commit ? ' (not on the change as committed)' : ''
    parts.push(change.testRun.exitCode === 0 ? `tests passed${where} in ${seconds} s` : `tests ${change.testRun.exitCode === null ? 'stopped' : `failed (exit code ${change.testRun.exitCode})`}${where} after ${seconds} s`)
  }
  if (change.branchDeleted) parts.push('its branch deleted (restorable until the journal entry is written)')
  if (change.authorship && change.commit) parts.push(`you wrote ${change.authorship.leaderLines} line(s), the agent ${change.authorship.agentLines}`)
  if (change.explanation.trim()) parts.push('explained')
  return (
    <p className="kept-note" role="status">
      <span aria-hidden="true">✓ </span>
      Kept with the session for the journal: the change {parts.join(', ')}.
    </p>
  )
}
