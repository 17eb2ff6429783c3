// Sharing a landed change for review. Without a remote: how to add one. With one: nothing is pushed
// until the leader presses; "Open a pull request…" shows the title and description Gemba drafted from
// the hour for the leader to edit (and copy), then one press pushes only the Gemba branch, with their
// own git, and opens (or links to) the host's new-pull-request page. A failure is the main process's
// one sentence. Markup only: the pull-request store holds the state and the calls.
import { useEffect } from 'react'
import type { AppliedChange, CodeHost, PullRequestOpened } from '../../../shared/models/change.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { useStores } from '../../stores-context.tsx'

const HOST_NAME: Readonly<Record<CodeHost, string>> = { github: 'GitHub', gitlab: 'GitLab', bitbucket: 'Bitbucket', azure: 'Azure DevOps' }
/** The hosts whose new-pull-request page takes the title and description in its address. */
const TEXT_IN_ADDRESS: ReadonlySet<CodeHost> = new Set(['github', 'gitlab'])

export function PullRequestPanel(props: { draftId: string; applied: AppliedChange }) {
  const { usePullRequest } = useStores()
  const show = usePullRequest((s) => s.show)
  const opened = usePullRequest((s) => s.opened)
  const editing = usePullRequest((s) => s.editing)
  const busy = usePullRequest((s) => s.busy)
  const error = usePullRequest((s) => s.error)
  const { edit } = usePullRequest.getState()
  const { applied } = props
  const { push } = applied
  useEffect(() => void show(props.draftId), [show, props.draftId])
  // The leader committed their own piece after the push: the branch has moved on from what was pushed.
  const newerCommit = opened !== null && opened.commit !== applied.commit

  if (!push.pushCommand) {
    return (
      <section className="change-share" aria-labelledby="change-share-title">
        <h4 id="change-share-title">Share it for review</h4>
        <p className="muted">
          This repository has no remote yet, so there is nowhere to push. To share the branch, add the team’s repository as a remote and
          push to it:
        </p>
        <pre className="change-command">
          <code>{push.addRemote}</code>
        </pre>
      </section>
    )
  }
  return (
    <section className="change-share" aria-labelledby="change-share-title">
      <h4 id="change-share-title">Share it for review</h4>
      {opened ? <Opened opened={opened} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {editing ? (
        <PullRequestEditor branch={applied.branch} />
      ) : opened && !newerCommit ? null : (
        <>
          {newerCommit ? (
            <p className="muted">
              Your newer commit <code>{applied.commit.slice(0, 10)}</code> is not pushed yet. Pushing it adds it to the same branch (never
              forced); the pull request page then shows it.
            </p>
          ) : (
            <p className="muted">
              Nothing has been pushed. When you are ready, Gemba pushes <code>{applied.branch}</code> — that branch only, never forced — to{' '}
              <code>{push.remote}</code> with your own git and credentials, then opens the new pull request
              {push.host ? ` on ${HOST_NAME[push.host]}` : ''}. You read and edit its description first.
            </p>
          )}
          <div className="change-row change-row--start">
            <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void edit()}>
              {busy === 'loading' ? 'Drafting the description…' : newerCommit ? 'Push the newer commit…' : 'Open a pull request…'}
            </button>
          </div>
        </>
      )}
    </section>
  )
}

function PullRequestEditor(props: { branch: string }) {
  const { usePullRequest } = useStores()
  const draft = usePullRequest((s) => s.draft)
  const title = usePullRequest((s) => s.title)
  const body = usePullRequest((s) => s.body)
  const copied = usePullRequest((s) => s.copied)
  const busy = usePullRequest((s) => s.busy)
  const { setTitle, setBody, copy, cancel, open, stop } = usePullRequest.getState()
  if (!draft) return null
  const host = draft.host
  const where =
    host && TEXT_IN_ADDRESS.has(host)
      ? `Gemba puts them in ${HOST_NAME[host]}’s new pull request page when they fit in its address; otherwise copy the description and paste it there.`
      : `${host ? HOST_NAME[host] : 'This host'} does not take them from Gemba: copy the description and paste it into the page.`
  return (
    <form
      className="change-pr"
      aria-label="The pull request"
      onSubmit={(event) => {
        event.preventDefault()
        void open()
      }}
    >
      <p className="muted">
        Drafted from the hour: what changed and why, the tests as Gemba measured them, the explanation. Read it and make it yours. {where}
      </p>
      <div className="field">
        <label htmlFor="pr-title">Title</label>
        <input id="pr-title" value={title} maxLength={300} required onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="pr-body">Description</label>
        <textarea id="pr-body" className="change-pr__body" rows={14} value={body} onChange={(event) => setBody(event.target.value)} />
      </div>
      {draft.blocked ? <p className="warning-text">{draft.blocked}</p> : null}
      <div className="change-row change-row--start">
        {busy === 'pushing' ? (
          <>
            <span role="status">Pushing {props.branch}…</span>
            <button type="button" className="button" onClick={stop}>
              Stop
            </button>
          </>
        ) : (
          <>
            <button type="submit" className="button button--primary" disabled={busy !== null || draft.blocked !== null || !title.trim()}>
              Push and open the pull request
            </button>
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy the description'}
            </button>
            <button type="button" className="button button--quiet" onClick={cancel}>
              Cancel
            </button>
          </>
        )}
      </div>
      <p className="field__hint">
        Only <code>{props.branch}</code> goes to <code>{draft.remote?.url ?? 'the remote'}</code>: no other branch, no tag, never forced.
      </p>
    </form>
  )
}

function Opened(props: { opened: PullRequestOpened }) {
  const { opened } = props
  const hostName = opened.host ? HOST_NAME[opened.host] : null
  return (
    <div className="notice notice--branch change-pr-done" role="status">
      <div>
        <p className="notice__message">
          {opened.status === 'pushed' ? 'Pushed' : 'Already pushed:'} <code>{opened.branch}</code> to <code>{opened.remote}</code> at{' '}
          <code>{opened.commit.slice(0, 10)}</code>.
        </p>
        {opened.url && hostName ? (
          <p>
            {opened.opened ? `Gemba opened the new pull request page on ${hostName} in your browser. ` : null}
            <a href={opened.url} target="_blank" rel="noreferrer noopener">
              {opened.opened ? 'Open it again' : `Open the new pull request on ${hostName}`}
            </a>
            {opened.textInUrl
              ? null
              : opened.host && TEXT_IN_ADDRESS.has(opened.host)
                ? ' The description was too long for the page’s address: paste it there.'
                : ' Paste the description there.'}
          </p>
        ) : (
          <p>
            Gemba does not know this host’s pull request page: open one there for the branch <code>{opened.branch}</code>. What Gemba ran:{' '}
            <code>{opened.command}</code>
          </p>
        )}
      </div>
    </div>
  )
}
