// What git is in the middle of in a repository, and what to finish first: shown on the repository and
// in the change step while anything stops Gemba landing a change (a rebase, a merge, a held lock…),
// with the git commands that finish or undo it. Git LFS patterns are mentioned, not blocking.
import type { GitBlocker, GitRepositoryState } from '../../shared/models/git.ts'
import { withInlineCode } from './ErrorNotice.tsx'

export function GitStateNotice(props: { state: GitRepositoryState; onRecheck?: () => void; checking?: boolean }) {
  const { blockers, lfsPatterns } = props.state
  return (
    <>
      {blockers.length > 0 ? (
        <GitBlockers
          blockers={blockers}
          title="Finish what git is in the middle of first"
          onRecheck={props.onRecheck}
          checking={props.checking}
        />
      ) : null}
      {lfsPatterns.length > 0 ? (
        <p className="muted git-lfs-note">
          Git LFS stores {lfsPatterns.map((pattern) => `“${pattern}”`).join(', ')} here: Gemba cannot commit those files (it would commit
          their content where git commits a pointer). Leave them to git.
        </p>
      ) : null}
    </>
  )
}

export function GitBlockers(props: {
  blockers: readonly GitBlocker[]
  title: string
  onRecheck?: (() => void) | undefined
  checking?: boolean | undefined
}) {
  return (
    <section className="notice notice--warning git-state" aria-label={props.title}>
      <div>
        <p className="notice__message">{props.title}</p>
        <p className="notice__next">
          Gemba will not land or undo a change here until then, so it never writes into something git has not finished.
        </p>
        <ul className="git-state__list">
          {props.blockers.map((blocker) => (
            <li key={`${blocker.code}-${blocker.message}`}>
              {withInlineCode(blocker.message)} <span className="git-state__next">{withInlineCode(blocker.next)}</span>
            </li>
          ))}
        </ul>
      </div>
      {props.onRecheck ? (
        <button type="button" className="button" disabled={props.checking} onClick={props.onRecheck}>
          {props.checking ? 'Checking…' : 'Check again'}
        </button>
      ) : null}
    </section>
  )
}
