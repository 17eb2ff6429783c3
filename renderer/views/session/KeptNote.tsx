// What the session keeps for the journal from a step: Claude's walkthrough or diagram as they come,
// else what Gemba computed from the repository (labelled so), with the way to pick the other; and the
// change as the small change saved it (its commit, branch and test run), also after a restart.
import { testOutcomeOf } from '../../../shared/models/change.ts'
import type { Session } from '../../../shared/models/sessions.ts'
import { useStores } from '../../stores-context.tsx'
import { plural } from '../../../shared/plural.ts'

export function KeptNote(props: { session: Session; step: 'explore' | 'diagram'; hasKey: boolean | null; offline: string | null }) {
  const { useSessionRunner } = useStores()
  const pick = useSessionRunner((state) => state.pickRecord)
  const { explore, diagram } = props.session.steps
  const payload = props.step === 'explore' ? explore.payload : diagram.payload
  const saved = props.step === 'explore' ? explore.payload.walkthrough.trim() !== '' : diagram.payload.mermaid.trim() !== ''
  if (!saved) return null
  const yours = payload.choice === 'leader' ? ' (your pick)' : ''
  let text: string
  let action: { label: string; run: () => void } | null = null
  const offline = props.offline
  if (props.step === 'explore' && payload.source === 'ai') {
    const asked = explore.payload.questionsAsked.length
    text = `Claude’s walkthrough${yours}, ${asked} ${asked === 1 ? 'question' : 'questions'}, kept as each answer arrives.`
    if (offline) action = { label: 'Keep the offline tour instead', run: () => void pick('explore', 'offline') }
  } else if (props.step === 'explore') {
    const coach = explore.payload.coach?.markdown.trim()
    text = `the offline tour${yours}.${coach ? ' Claude’s answers stay in the transcript.' : props.hasKey ? ' Claude’s answers replace it as they arrive.' : ''}`
    if (coach) action = { label: 'Keep Claude’s walkthrough instead', run: () => void pick('explore', 'coach') }
  } else if (payload.source === 'ai') {
    text = `Claude’s diagram${yours}${diagram.payload.svg ? ', as Mermaid and SVG' : ''}.`
    if (offline) action = { label: 'Keep the module diagram instead', run: () => void pick('diagram', 'offline') }
  } else if (payload.source === 'offline') {
    text = `the module diagram computed from the repository${yours}.${
      yours
        ? ' Keep one of Claude’s drawings above to replace it.'
        : props.hasKey
          ? ' Claude’s drawing replaces it as soon as it is drawn.'
          : ''
    }`
  } else {
    text = 'your diagram.'
  }
  return (
    <div className="kept-note-row">
      <p className="kept-note" role="status">
        <span aria-hidden="true">✓ </span>
        Kept with the session for the journal: {text}
      </p>
      {action ? (
        <button type="button" className="button button--quiet" onClick={action.run}>
          {action.label}
        </button>
      ) : null}
    </div>
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
    const where = change.testRun.onChange
      ? ' on this change'
      : change.testRun.onChange === false && change.commit
        ? ' (not on the change as committed)'
        : ''
    const { outcome, couldNotRun } = testOutcomeOf(change.testRun)
    parts.push(
      outcome === 'passed'
        ? `tests passed${where} in ${seconds} s`
        : outcome === 'failed'
          ? `tests failed (exit code ${change.testRun.exitCode})${where} after ${seconds} s`
          : `tests could not run (${(couldNotRun?.sentence ?? 'they did not finish').replace(/\.$/, '')})`,
    )
  }
  if (change.branchDeleted) parts.push('its branch deleted (restorable until the journal entry is written)')
  if (change.authorship && change.commit)
    parts.push(`you wrote ${plural(change.authorship.leaderLines, 'line')}, the agent ${change.authorship.agentLines}`)
  if (change.explanation.trim()) parts.push('explained')
  return (
    <p className="kept-note" role="status">
      <span aria-hidden="true">✓ </span>
      Kept with the session for the journal: the change {parts.join(', ')}.
    </p>
  )
}
