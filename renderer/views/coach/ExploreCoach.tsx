// Explore with Claude: the week's questions (and two to start with) as buttons, a streamed, grounded
// walkthrough with checked path:line citations, follow-up questions in the same thread, Cancel, usage
// and budget, and the offline tour when Claude cannot be reached. In a session each answer is kept
// with the session by the backend as it arrives: nothing here needs pressing to keep it. A question
// with a part to fill in (`<paste it>`) goes to the question box to be completed, never sent as it is.
import { useRef, useState } from 'react'
import '../../styles/coach.css'
import { type Turn } from '../../stores/coach-store.ts'
import { coachErrorView } from './coach-errors.ts'
import { ContextPreview } from './ContextPreview.tsx'
import { useHasApiKey } from './NoKeyNotice.tsx'
import { CoachFooter } from './CoachFooter.tsx'
import { CoachWithoutKey, OfflineFallback } from './OfflineFallback.tsx'
import { TurnView } from './Transcript.tsx'
import { useStores } from '../../stores-context.tsx'

export const SEED_QUESTIONS: readonly string[] = [
  'Walk me through the codebase.',
  "Pretend I'm a junior engineer new to the team and show me what I need to know.",
]

/** A part of a question the leader fills in: `<paste it>`, `<the date of my first session here>`. */
const PLACEHOLDER = /<[^<>\n]+>/

export function ExploreCoach(props: { repoId: string; sessionId?: string; prompts?: readonly string[] }) {
  const { useCoach } = useStores()
  const ensure = useCoach((state) => state.ensure)
  const [key] = useState(() => ensure('explore', props.repoId, props.sessionId ?? null))
  const panel = useCoach((state) => state.panels[key])
  const ask = useCoach((state) => state.ask)
  const cancel = useCoach((state) => state.cancel)
  const startOver = useCoach((state) => state.startOver)
  const [question, setQuestion] = useState('')
  const questionBox = useRef<HTMLTextAreaElement>(null)
  const hasKey = useHasApiKey()
  if (!panel) return null
  if (hasKey === false) return <CoachWithoutKey repoId={props.repoId} show="tour" />
  const busy = panel.activeCallId !== null
  const asked = new Set(panel.turns.map((turn) => turn.question))
  // The week's questions stay until asked; the two starters only until the first answer.
  const unasked = [...new Set([...(props.prompts ?? []), ...(panel.turns.length ? [] : SEED_QUESTIONS)])].filter(
    (prompt) => !asked.has(prompt),
  )
  const lastError = panel.turns.at(-1)?.error ?? null
  const offline = lastError ? coachErrorView(lastError).offline : false
  const submit = (text: string) => {
    if (!text.trim() || busy) return
    setQuestion('')
    void ask(key, text.trim())
  }
  const pick = (prompt: string) => {
    if (!PLACEHOLDER.test(prompt)) return submit(prompt)
    setQuestion(prompt)
    questionBox.current?.focus()
  }

  return (
    <section className="coach" aria-label="Explore with Claude">
      <ContextPreview panelKey={key} />
      <div className="coach-transcript" aria-live="polite">
        {panel.turns.map((turn: Turn, index) => (
          <TurnView key={turn.id} panelKey={key} panel={panel} turn={turn} last={index === panel.turns.length - 1} />
        ))}
      </div>
      {!busy && unasked.length ? (
        <div className="coach-prompts" role="group" aria-label={panel.turns.length ? 'More questions to try' : 'Quick-start questions'}>
          {unasked.map((prompt) => (
            <button
              key={prompt}
              type="button"
              className="button coach-prompts__button"
              title={PLACEHOLDER.test(prompt) ? 'Puts the question in the box below: fill in the part in <…>, then ask.' : undefined}
              onClick={() => pick(prompt)}
            >
              {prompt}
            </button>
          ))}
        </div>
      ) : null}
      {offline ? (
        <OfflineFallback
          repoId={props.repoId}
          show="tour"
          reason="Claude cannot be reached right now, so here is the tour Gemba computes from the repository itself."
        />
      ) : null}
      <form
        className="coach-ask"
        onSubmit={(event) => {
          event.preventDefault()
          submit(question)
        }}
      >
        <label htmlFor={`${key}-question`} className="coach-sr-only">
          {panel.turns.length ? 'Ask a follow-up question' : 'Ask about this repository'}
        </label>
        <textarea
          ref={questionBox}
          id={`${key}-question`}
          rows={2}
          value={question}
          placeholder={panel.turns.length ? 'Ask a follow-up question…' : 'Ask about this repository…'}
          onChange={(event) => setQuestion(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(question)
          }}
        />
        <div className="coach-ask__actions">
          {busy ? (
            <button type="button" className="button button--danger" onClick={() => cancel(key)}>
              Cancel
            </button>
          ) : (
            <button type="submit" className="button button--primary" disabled={!question.trim()}>
              Ask
            </button>
          )}
          {panel.turns.length && !busy ? (
            <button type="button" className="button button--quiet" onClick={() => void startOver(key)}>
              New conversation
            </button>
          ) : null}
        </div>
      </form>
      <CoachFooter panelKey={key} panel={panel} />
    </section>
  )
}
