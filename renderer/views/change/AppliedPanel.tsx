// Where the change landed: the gemba/ branch and commit, how to push it and open a pull request, and
// the way back (return to the original branch; discard the branch while it is unpushed).
import { useChange } from '../../app-stores.ts'

export function AppliedPanel() {
  const applied = useChange((s) => s.draft?.applied)
  const busy = useChange((s) => s.busy)
  const { returnToOriginal, discard } = useChange.getState()
  if (!applied) return null
  return (
    <section className="card change-applied" aria-labelledby="change-applied">
      <h3 id="change-applied">Committed on {applied.branch}</h3>
      <p>
        Commit <code>{applied.commit.slice(0, 10)}</code> with {applied.files.length} file(s), branched from <code>{applied.originalBranch}</code>, which was not modified.{' '}
        {applied.onGembaBranch ? 'The repository is on the Gemba branch now.' : `The repository is back on ${applied.originalBranch}.`}
      </p>
      <h4>Share it for review</h4>
      <p className="muted">Nothing has been pushed. When you are ready, run this in the repository:</p>
      <pre className="change-command">
        <code>{applied.push.pushCommand}</code>
      </pre>
      {applied.push.compareUrl ? (
        <p>
          Then open the pull request:{' '}
          <a href={applied.push.compareUrl} target="_blank" rel="noreferrer noopener">
            compare on {applied.push.host === 'github' ? 'GitHub' : applied.push.host === 'gitlab' ? 'GitLab' : 'Bitbucket'}
          </a>
        </p>
      ) : (
        <p className="muted">{applied.push.remote ? 'The remote is not on GitHub, GitLab or Bitbucket; open the pull request in its web page.' : 'This repository has no remote to push to.'}</p>
      )}
      <div className="change-row change-row--start">
        {applied.onGembaBranch ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void returnToOriginal()}>
            Return to {applied.originalBranch}
          </button>
        ) : null}
        <button type="button" className="button button--danger" disabled={busy !== null} onClick={() => void discard()}>
          Discard the Gemba branch
        </button>
      </div>
    </section>
  )
}
