// Where the change landed: the gemba/ branch and commit, whose hands wrote it, how to share it (a pull
// request on the leader's press, PullRequestPanel; how to add a remote when there is none), and
// the way back: return to the original branch, or delete the branch (asked first, and undoable while
// its commit is kept, until the session's journal entry is written).
import { useState } from 'react'
import type { Authorship } from '../../../shared/models/change.ts'
import { useStores } from '../../stores-context.tsx'
import { plural } from '../../../shared/plural.ts'
import { PullRequestPanel } from './PullRequestPanel.tsx'

export function AppliedPanel() {
  const { useChange, usePullRequest } = useStores()
  const applied = useChange((s) => s.draft?.applied)
  const draftId = useChange((s) => s.draft?.draftId)
  // Pushed for a pull request: the branch is the team's to review now, not Gemba's to delete.
  const pushed = usePullRequest((s) => s.opened !== null && s.draftId === draftId)
  const authorship = useChange((s) => s.draft?.authorship ?? null)
  const handsOn = useChange((s) => s.draft?.handsOnKeyboard ?? false)
  const markerLeft = useChange((s) => s.draft?.checks.find((check) => check.kind === 'leader_marker_left') ?? null)
  const busy = useChange((s) => s.busy)
  const { returnToOriginal, discard, restore } = useChange.getState()
  const [confirmDelete, setConfirmDelete] = useState(false)
  if (!applied || !draftId) return null
  if (applied.deleted) {
    return (
      <section className="card change-applied" aria-labelledby="change-applied">
        <h3 id="change-applied">Deleted {applied.branch}</h3>
        <p>
          The repository is on <code>{applied.originalBranch}</code>.{' '}
          {applied.restorable
            ? `Gemba keeps the commit ${applied.commit.slice(0, 10)} until this session’s journal entry is written, so you can still bring the branch back.`
            : `Its commit was ${applied.commit.slice(0, 10)}.`}
        </p>
        {applied.restorable ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void restore()}>
            Restore {applied.branch}
          </button>
        ) : null}
      </section>
    )
  }
  return (
    <section className="card change-applied" aria-labelledby="change-applied">
      <h3 id="change-applied">Committed on {applied.branch}</h3>
      <p>
        Commit <code>{applied.commit.slice(0, 10)}</code> with {plural(applied.files.length, 'file')}, branched from{' '}
        <code>{applied.originalBranch}</code>, which was not modified.{' '}
        {applied.onGembaBranch ? 'The repository is on the Gemba branch now.' : `The repository is back on ${applied.originalBranch}.`}
      </p>
      {authorship ? <WhoWroteIt authorship={authorship} handsOn={handsOn} /> : null}
      {markerLeft ? <p className="warning-text">{markerLeft.message}</p> : null}
      <PullRequestPanel draftId={draftId} applied={applied} />
      <div className="change-row change-row--start">
        {applied.onGembaBranch ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void returnToOriginal()}>
            Return to {applied.originalBranch}
          </button>
        ) : null}
        {confirmDelete || pushed ? null : (
          <button type="button" className="button button--quiet" disabled={busy !== null} onClick={() => setConfirmDelete(true)}>
            Delete the Gemba branch…
          </button>
        )}
      </div>
      {confirmDelete ? (
        <div className="notice notice--warning change-confirm" role="group" aria-label="Delete the Gemba branch?">
          <p className="notice__message">
            Delete <code>{applied.branch}</code>?
          </p>
          <p className="notice__next">
            {applied.onGembaBranch ? `Gemba goes back to ${applied.originalBranch} first. ` : ''}The commit stays restorable until this
            session’s journal entry is written.
          </p>
          <div className="change-row change-row--start">
            <button
              type="button"
              className="button button--danger"
              disabled={busy !== null}
              onClick={() => {
                setConfirmDelete(false)
                void discard()
              }}
            >
              Delete the branch
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
    </section>
  )
}

function WhoWroteIt(props: { authorship: Authorship; handsOn: boolean }) {
  const { leaderLines, agentLines } = props.authorship
  return (
    <p className="change-authorship" aria-label="Who wrote it">
      <strong>You wrote {plural(leaderLines, 'line')}</strong>; the agent wrote {agentLines}.
      {props.handsOn && leaderLines === 0 ? ' Your piece is still to come: write it where TODO(human) says, then commit it here.' : ''}
    </p>
  )
}
