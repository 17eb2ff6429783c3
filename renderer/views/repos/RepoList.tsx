// The list of added repositories: name, branch, last commit, clean or dirty, and what git is in the
// middle of (a rebase, a merge, a held lock…).
import type { RepoView } from '../../../shared/models/repos.ts'
import { useStores } from '../../stores-context.tsx'

/** The id of a repository's item in the list (focus goes there once it is added). */
export const repoCardId = (repoId: string): string => `repo-card-${repoId}`

export function RepoList() {
  const { useRepos } = useStores()
  const repos = useRepos((state) => state.repos)
  const selectedId = useRepos((state) => state.selectedId)
  const select = useRepos((state) => state.select)
  return (
    <ul className="repo-list" aria-label="Repositories">
      {repos.map((repo) => (
        <li key={repo.id}>
          <button
            type="button"
            id={repoCardId(repo.id)}
            className={`repo-card ${repo.id === selectedId ? 'repo-card--selected' : ''}`}
            aria-pressed={repo.id === selectedId}
            onClick={() => select(repo.id)}
          >
            <span className="repo-card__name">{repo.name}</span>
            <span className="repo-card__meta">
              <span>{repo.detached ? 'detached HEAD' : (repo.branch ?? 'no commits yet')}</span>
              <StateBadge repo={repo} />
              <GitBadge repo={repo} />
            </span>
            {repo.lastCommit ? (
              <span className="repo-card__commit" title={repo.lastCommit.message}>
                {repo.lastCommit.message.split('\n')[0]} — {repo.lastCommit.author}, {formatDate(repo.lastCommit.date)}
              </span>
            ) : null}
            {repo.problem ? <span className="repo-card__problem">{repo.problem.message}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  )
}

function StateBadge(props: { repo: RepoView }) {
  const { state, changedFiles } = props.repo
  if (state === 'clean') return <span className="pill pill--ok">clean</span>
  if (state === 'dirty')
    return (
      <span className="pill pill--warn" title={changedFiles.map((file) => file.path).join('\n')}>
        {changedFiles.length} changed
      </span>
    )
  return <span className="pill">state unknown</span>
}

const BLOCKER_LABEL = {
  operation: 'in progress',
  detached: 'detached HEAD',
  index_locked: 'index locked',
  unmerged: 'conflicts',
  submodule: 'submodule moved',
  lfs: 'Git LFS',
  unsupported_index: 'index Gemba cannot write',
  file_name: 'file name',
} as const

/** What git is in the middle of, in a word or two (the detail is on the repository). */
function GitBadge(props: { repo: RepoView }) {
  const { operation, blockers } = props.repo.gitState
  const first = blockers[0]
  // A detached HEAD is already what the branch column says.
  if (!first || (first.code === 'detached' && !operation)) return null
  const label = operation ? `${operation.kind} in progress` : BLOCKER_LABEL[first.code]
  return (
    <span className="pill pill--warn" title={`${first.message} ${first.next}`}>
      {label}
    </span>
  )
}

export function formatDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}
