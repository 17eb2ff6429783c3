// Reviewing a change: the agent's plan, its own last words next to what Gemba checked (edits it
// refused, claims the diff does not bear out, imports of files nobody wrote, tests that cannot run),
// each file as a diff to accept or reject, a revision request, and the commit (message drafted,
// editable; identity asked once). For the leader's own edits the files come from the watched tree.
import { useState } from 'react'
import { Field } from '../../components/Field.tsx'
import { Markdown } from '../../components/Markdown.tsx'
import { rejectedSinceDrafted, reviewFiles } from '../../stores/change-store.ts'
import { DiffView } from '../../components/DiffView.tsx'
import { useStores } from '../../stores-context.tsx'
import { listed, plural } from '../../../shared/plural.ts'

export function ReviewPanel() {
  const { useChange } = useStores()
  const draft = useChange((s) => s.draft)!
  const working = useChange((s) => s.working)
  const decisions = useChange((s) => s.decisions)
  const comment = useChange((s) => s.comment)
  const message = useChange((s) => s.message)
  const messageSource = useChange((s) => s.messageSource)
  const clearedFor = useChange((s) => s.clearedFor)
  const staleFor = useChange((s) => rejectedSinceDrafted(s).join('\n'))
  const busy = useChange((s) => s.busy)
  const { decide, set, revise, draftMessage, apply } = useChange.getState()
  const files = reviewFiles({ draft, working })
  const acceptedCount = files.filter((file) => decisions[file.path] !== false).length
  const followUp = draft.applied !== null
  const ownEdits = draft.mode === 'manual' || followUp
  // Why Apply cannot be pressed yet, said next to it (never a silently greyed button).
  const applyWaitsFor =
    acceptedCount === 0
      ? 'Every file is rejected: accept at least one to commit.'
      : message.trim() === ''
        ? 'A commit needs a message: write one above, or press “Draft the message”.'
        : null

  return (
    <div className="change-review">
      {draft.mode === 'agent' && !followUp ? (
        <section className="card" aria-labelledby="change-plan">
          <h3 id="change-plan">The agent’s plan</h3>
          <Markdown source={planOnly(draft.plan, draft.summary) || '_The agent gave no plan._'} />
          {draft.stopReason === 'turn_limit' || draft.stopReason === 'token_limit' ? (
            <p className="notice notice--warning">
              The agent reached Gemba’s {draft.stopReason === 'turn_limit' ? 'turn' : 'token'} limit; the change may be incomplete. Ask for
              a revision to continue.
            </p>
          ) : null}
          {draft.summary ? (
            <div className="change-agent-says">
              <p className="change-agent-says__label">The agent says</p>
              <Markdown source={draft.summary} />
            </div>
          ) : null}
          <DraftChecks />
        </section>
      ) : null}

      <section className="card" aria-labelledby="change-files">
        <h3 id="change-files">
          {ownEdits ? (followUp ? 'Your part, as you write it' : 'Your edits, as you save them') : 'Proposed files'}
        </h3>
        {ownEdits ? (
          <p className="muted">Gemba is watching the working tree. Edit in your own editor and save; the diff appears here.</p>
        ) : null}
        {files.length === 0 ? (
          <p className="muted">{ownEdits ? 'No edits yet.' : 'The agent proposed no file changes. Ask for a revision below.'}</p>
        ) : null}
        {files.map((file) => {
          const accepted = decisions[file.path] !== false
          return (
            <article key={file.path} className={`change-file ${accepted ? '' : 'change-file--rejected'}`} aria-label={file.path}>
              <header className="change-row">
                <h4>
                  {file.path}{' '}
                  <span className="muted">
                    ({file.status}, +{file.additions} −{file.deletions})
                  </span>
                  {file.hasLeaderMarker ? <span className="pill change-pill--turn">your turn inside</span> : null}
                </h4>
                <div role="group" aria-label={`Decision for ${file.path}`} className="change-decision">
                  <button type="button" className="button button--quiet" aria-pressed={accepted} onClick={() => decide(file.path, true)}>
                    Accept
                  </button>
                  <button type="button" className="button button--quiet" aria-pressed={!accepted} onClick={() => decide(file.path, false)}>
                    Reject
                  </button>
                </div>
              </header>
              <DiffView diff={file.diff} label={file.path} caption={false} fileHeaders={false} />
            </article>
          )
        })}
        {ownEdits && working && working.leftByRuns.length > 0 ? (
          <p className="muted" role="note">
            Left by {leftByWhat(working.leftByRuns)}, not part of your change and never committed:{' '}
            {working.leftByRuns.map((left, index) => (
              <span key={left.path}>
                {index > 0 ? ', ' : ''}
                <code>{left.path}</code>
              </span>
            ))}
            .
          </p>
        ) : null}
      </section>

      {draft.mode === 'agent' && !followUp ? (
        <section className="card" aria-labelledby="change-revise">
          <h3 id="change-revise">Ask for a revision</h3>
          <Field label="Your comment" hint="Rejected files are undone and the agent reconsiders them.">
            {({ id, describedBy }) => (
              <textarea
                id={id}
                aria-describedby={describedBy}
                rows={2}
                value={comment}
                onChange={(e) => set({ comment: e.target.value })}
              />
            )}
          </Field>
          <button type="button" className="button" disabled={busy !== null || comment.trim() === ''} onClick={() => void revise()}>
            Ask for a revision
          </button>
        </section>
      ) : null}

      {files.length > 0 ? (
        <section className="card" aria-labelledby="change-commit">
          <h3 id="change-commit">{followUp ? 'Commit your part' : 'Commit on a new branch'}</h3>
          <IdentityForm />
          <Field
            label="Commit message"
            hint={
              messageSource === 'ai'
                ? 'Drafted by Claude; edit it as you like.'
                : messageSource === 'offline'
                  ? 'A template from the diff (no AI); edit it as you like.'
                  : undefined
            }
          >
            {({ id, describedBy }) => (
              <textarea
                id={id}
                aria-describedby={describedBy}
                rows={4}
                value={message}
                onChange={(e) => set({ message: e.target.value })}
              />
            )}
          </Field>
          {clearedFor && message === '' ? (
            <p className="muted" role="status">
              The drafted message described {listed(clearedFor)}, which you rejected, so it was cleared: draft it again for the files you
              kept.
            </p>
          ) : null}
          {staleFor ? (
            <p className="warning-text" role="status">
              You rejected {listed(staleFor.split('\n'))} after this message was drafted: check it does not describe{' '}
              {staleFor.includes('\n') ? 'them' : 'it'}, or draft it again.
            </p>
          ) : null}
          <div className="change-row change-row--start">
            <button type="button" className="button" disabled={busy !== null || acceptedCount === 0} onClick={() => void draftMessage()}>
              {busy === 'message' ? 'Drafting…' : 'Draft the message'}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy !== null || applyWaitsFor !== null}
              aria-describedby={applyWaitsFor ? 'change-apply-waits' : undefined}
              onClick={() => void apply()}
            >
              {followUp ? `Commit ${plural(acceptedCount, 'file')}` : `Apply ${plural(acceptedCount, 'file')} on a new branch`}
            </button>
            {applyWaitsFor ? (
              <span id="change-apply-waits" className="muted change-apply-waits">
                {applyWaitsFor}
              </span>
            ) : null}
          </div>
          {!followUp ? (
            <p className="muted">
              Gemba creates gemba/&lt;date&gt;-&lt;task&gt; from HEAD and commits there. Your current branch is never modified, and nothing
              is pushed.
            </p>
          ) : null}
          {!followUp && draft.checks.length > 0 ? (
            <p className="warning-text">
              Before you commit: Gemba found {plural(draft.checks.length, 'thing')} to look at in the agent’s draft (above).
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}

/** The plan and the agent's work, without its last words (shown apart, next to Gemba's checks). */
function planOnly(plan: string, summary: string): string {
  const text = plan.trimEnd()
  return summary && text.endsWith(summary) ? text.slice(0, text.length - summary.length).trimEnd() : text
}

const CHECK_LABEL = {
  refused: 'Refused',
  claimed_not_in_diff: 'Not in the diff',
  missing_import: 'Missing file',
  no_test: 'No test',
  no_leader_piece: 'Your piece',
  leader_marker_left: 'Your piece',
  tests_not_ready: 'Tests cannot run',
} as const

/** Gemba's checks of the draft against what happened, never folded away. */
function DraftChecks() {
  const { useChange } = useStores()
  const checks = useChange((s) => s.draft?.checks ?? [])
  if (checks.length === 0) return null
  return (
    <section aria-label="What Gemba checked">
      <h4>What Gemba checked</h4>
      <ul className="change-checks">
        {checks.map((check) => (
          <li key={`${check.kind}-${check.message}`} className={`change-check--${check.kind}`}>
            <strong>{CHECK_LABEL[check.kind]}:</strong> {check.message}
          </li>
        ))}
      </ul>
    </section>
  )
}

function IdentityForm() {
  const { useChange } = useStores()
  const identity = useChange((s) => s.identity)
  const needs = useChange((s) => s.needsIdentity)
  const saveIdentity = useChange((s) => s.saveIdentity)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  if (identity && !needs)
    return (
      <p className="muted">
        Committing as {identity.name} &lt;{identity.email}&gt; (from{' '}
        {identity.source === 'gemba' ? 'Gemba' : `${identity.source} git config`}).
      </p>
    )
  return (
    <div className="change-identity" role="group" aria-label="Commit identity">
      <p>Git config has no name and email for commits. Gemba will remember these.</p>
      <Field label="Your name">{({ id }) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label="Your email">
        {({ id }) => <input id={id} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <button
        type="button"
        className="button"
        disabled={!name.trim() || !email.includes('@')}
        onClick={() => void saveIdentity(name.trim(), email.trim())}
      >
        Use this identity
      </button>
    </div>
  )
}

/** Who left the leftovers: the tests, an install, or both. */
function leftByWhat(leftovers: readonly { by: 'tests' | 'install' }[]): string {
  const tests = leftovers.some((left) => left.by === 'tests')
  const install = leftovers.some((left) => left.by === 'install')
  return tests && install ? 'the test runs and an install' : tests ? 'the test run' : 'the install'
}
