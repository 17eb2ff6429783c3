// Choosing the change: Claude's (or the offline) task ideas, or the leader's own words; their estimate
// in minutes before starting; and who types: the agent, the agent with one piece left for them, or them.
import type { TaskProposal } from '../../../shared/models/change.ts'
import { Field } from '../../components/Field.tsx'
import { useStores } from '../../stores-context.tsx'

const KIND_LABEL: Readonly<Record<TaskProposal['kind'], string>> = {
  todo: 'TODO / FIXME',
  text_or_validation: 'Text or validation',
  missing_test: 'Missing test',
  docs: 'Docs gap',
  refactor: 'Tiny refactor',
  other: 'Other',
}

const SIZE_LABEL: Readonly<Record<TaskProposal['size'], string>> = { tiny: 'tiny', small: 'small', large: 'bigger than the hour’s change' }

export function TaskChooser() {
  const { useChange } = useStores()
  const proposals = useChange((s) => s.proposals)
  const request = useChange((s) => s.request)
  const estimate = useChange((s) => s.estimate)
  const estimateFromSession = useChange((s) => s.estimateFromSession)
  const mode = useChange((s) => s.mode)
  const handsOn = useChange((s) => s.handsOnKeyboard)
  const busy = useChange((s) => s.busy)
  const setState = useChange((s) => s.set)
  const propose = useChange((s) => s.propose)
  const start = useChange((s) => s.start)
  const estimateValid = /^\d+$/.test(estimate) && Number(estimate) >= 1 && Number(estimate) <= 600
  const ready = request.trim().length >= 3 && estimateValid && busy === null

  return (
    <div className="change-choose">
      <section className="card" aria-labelledby="change-ideas">
        <div className="change-row">
          <h3 id="change-ideas">Pick a small, real task</h3>
          <button type="button" className="button" onClick={() => void propose()} disabled={busy !== null}>
            {busy === 'proposing' ? 'Looking at the code…' : proposals ? 'Suggest again' : 'Suggest three tasks'}
          </button>
        </div>
        {proposals ? (
          <>
            {proposals.source === 'offline' ? (
              <p>
                <span className="computed-label">{proposals.note}</span>
              </p>
            ) : (
              <p className="muted">{proposals.note}</p>
            )}
            {proposals.tasks.length === 0 ? (
              <p className="muted">
                Gemba found no TODO, untested hot file, missing validation or docs gap worth an hour here. Describe your own task below.
              </p>
            ) : null}
            <ul className="change-tasks" aria-label="Suggested tasks">
              {proposals.tasks.map((task) => (
                <li key={task.id}>
                  <button
                    type="button"
                    className={`change-task ${request === task.title ? 'change-task--chosen' : ''}`}
                    aria-pressed={request === task.title}
                    onClick={() => setState({ request: task.title, estimate: estimate || String(task.effortMinutes) })}
                  >
                    <span className="pill">{KIND_LABEL[task.kind]}</span>
                    <strong>{task.title}</strong>
                    <span className="muted">{task.description}</span>
                    <span className="change-task__meta">
                      {task.files.join(', ')} · {SIZE_LABEL[task.size]}, about {task.effortMinutes} min
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">Gemba can suggest three tasks grounded in this repository, or you can describe your own.</p>
        )}
      </section>

      <section className="card" aria-labelledby="change-yours">
        <h3 id="change-yours">The change</h3>
        <Field label="What should change?" hint="In your words; a suggestion above fills this in.">
          {({ id, describedBy }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              rows={3}
              value={request}
              onChange={(e) => setState({ request: e.target.value })}
            />
          )}
        </Field>
        {estimateFromSession ? (
          <p className="change-estimate-note">
            Your estimate: <strong>{estimate} min</strong>, written down above.
            {estimateValid ? null : (
              <span className="field__error"> A change here takes an estimate of 1 to 600 minutes; change it above.</span>
            )}
          </p>
        ) : (
          <Field
            label="Your estimate (minutes)"
            hint="Written down before you start: Gemba compares it with the time it really takes."
            error={estimate && !estimateValid ? 'Enter whole minutes from 1 to 600.' : undefined}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                inputMode="numeric"
                className="change-estimate"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={estimate}
                onChange={(e) => setState({ estimate: e.target.value.trim() })}
              />
            )}
          </Field>
        )}
        <fieldset className="change-mode">
          <legend>Who types</legend>
          <label>
            <input type="radio" name="change-mode" checked={mode === 'agent'} onChange={() => setState({ mode: 'agent' })} /> Claude drafts
            the change; I review every file
          </label>
          {mode === 'agent' ? (
            <label className="change-mode__sub">
              <input type="checkbox" checked={handsOn} onChange={(e) => setState({ handsOnKeyboard: e.target.checked })} /> Hands on the
              keyboard: leave one small piece for me to write
            </label>
          ) : null}
          <label>
            <input type="radio" name="change-mode" checked={mode === 'manual'} onChange={() => setState({ mode: 'manual' })} /> I’ll edit it
            myself in my editor (no AI needed)
          </label>
        </fieldset>
        <button type="button" className="button button--primary" disabled={!ready} onClick={() => void start()}>
          {mode === 'agent' ? 'Start the change' : 'Start watching my edits'}
        </button>
      </section>
    </div>
  )
}
