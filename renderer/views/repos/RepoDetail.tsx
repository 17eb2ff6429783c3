// One repository's offline tour and module map, computed from the repository itself (no AI), with the
// scan's progress while it runs and a way to cancel or rescan, and one sentence when parts of the scan
// stopped at their time budget. A box of the map opens its part of the tour.
import { useEffect, useRef, useState } from 'react'
import type { RepoView, ScanPhase } from '../../../shared/models/repos.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { GitStateNotice } from '../../components/GitStateNotice.tsx'
import { BranchBanner } from '../change/BranchBanner.tsx'
import { Tabs } from '../../components/Tabs.tsx'
import { AskClaude } from '../coach/AskClaude.tsx'
import { SmallChange } from '../change/SmallChange.tsx'
import { useStores } from '../../stores-context.tsx'
import { ModuleMap } from './ModuleMap.tsx'
import { TourMarkdown } from './TourMarkdown.tsx'

type RepoTab = 'tour' | 'diagram' | 'claude' | 'change'
const REPO_TABS = [
  { id: 'tour', label: 'Tour' },
  { id: 'diagram', label: 'Module diagram' },
  { id: 'claude', label: 'Ask Claude' },
  { id: 'change', label: 'Small change' },
] as const satisfies readonly { id: RepoTab; label: string }[]

const PHASE_LABEL: Readonly<Record<ScanPhase, string>> = {
  files: 'Reading the file list',
  manifests: 'Reading manifests',
  parse: 'Parsing imports',
  modules: 'Finding modules',
  history: 'Reading history',
  rank: 'Ranking key files',
  cache: 'Saving the scan',
  done: 'Done',
}

export function RepoDetail(props: { repo: RepoView }) {
  const { useChange, useRepos, useVisits } = useStores()
  const { repo } = props
  const visits = useVisits((state) => state.byRepo[repo.id] ?? null)
  const loadVisits = useVisits((state) => state.loadVisits)
  useEffect(() => void loadVisits(repo.id), [repo.id, loadVisits])
  const tour = useRepos((state) => state.tours[repo.id])
  const loadTour = useRepos((state) => state.loadTour)
  const cancelTour = useRepos((state) => state.cancelTour)
  const remove = useRepos((state) => state.remove)
  const refresh = useRepos((state) => state.refresh)
  // "Check again" reads the repository again, here and in its small change (which then drops a refusal git caused).
  const recheck = (id: string) => (useChange.getState().repoId === id ? useChange.getState().recheck(true) : refresh(id))
  const [tab, setTab] = useState<RepoTab>('tour')
  const [confirmRemove, setConfirmRemove] = useState(false)
  // The tour heading to bring into view once the tour tab is shown (a box of the map asked for it).
  const heading = useRef<string | null>(null)
  const tourPanel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const wanted = heading.current
    if (tab !== 'tour' || wanted === null) return
    heading.current = null
    const target = [...(tourPanel.current?.querySelectorAll('h3') ?? [])].find((element) => element.textContent?.trim() === wanted)
    if (!target) return
    target.setAttribute('tabindex', '-1')
    target.scrollIntoView({ block: 'start' })
    target.focus({ preventScroll: true })
  }, [tab])

  return (
    <section className="repo-detail" aria-labelledby="repo-detail-title">
      <header className="repo-detail__header">
        <div>
          <h2 id="repo-detail-title">{repo.name}</h2>
          <p className="muted repo-detail__path">{repo.path}</p>
        </div>
        <div className="repo-detail__actions">
          <button type="button" className="button" onClick={() => void loadTour(repo.id, true)} disabled={tour?.status === 'loading'}>
            Rescan
          </button>
          {confirmRemove ? (
            <>
              <button type="button" className="button button--danger" onClick={() => void remove(repo.id)}>
                Remove from Gemba
              </button>
              <button type="button" className="button button--quiet" onClick={() => setConfirmRemove(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="button button--quiet" onClick={() => setConfirmRemove(true)}>
              Remove…
            </button>
          )}
        </div>
      </header>
      {confirmRemove ? <p className="muted">Gemba forgets this repository and its cached scan. The folder itself is not touched.</p> : null}
      {repo.problem ? (
        <ErrorNotice
          error={{ code: 'repository_broken', message: repo.problem.message, ...(repo.problem.next ? { next: repo.problem.next } : {}) }}
        />
      ) : null}
      <BranchBanner repoId={repo.id} />
      <GitStateNotice state={repo.gitState} onRecheck={() => void recheck(repo.id)} />

      {tour?.status === 'loading' ? (
        <div className="card scan-progress" role="status" aria-live="polite">
          <p>
            <strong>{tour.progress ? PHASE_LABEL[tour.progress.phase] : 'Starting the scan'}</strong>
            {tour.progress && tour.progress.total > 0
              ? ` — ${tour.progress.done.toLocaleString()} of ${tour.progress.total.toLocaleString()}`
              : ''}
          </p>
          <progress
            max={tour.progress?.total || 1}
            value={tour.progress?.total ? tour.progress.done : undefined}
            aria-label="Scan progress"
          />
          <button type="button" className="button button--quiet" onClick={() => cancelTour(repo.id)}>
            Cancel
          </button>
        </div>
      ) : null}
      {tour?.status === 'error' && tour.error ? <ErrorNotice error={tour.error} onRetry={() => void loadTour(repo.id)} /> : null}
      {tour?.status === 'cancelled' ? (
        <div className="notice notice--warning" role="status">
          <p className="notice__message">Scan cancelled.</p>
          <button type="button" className="button button--quiet" onClick={() => void loadTour(repo.id)}>
            Scan again
          </button>
        </div>
      ) : null}

      {tour?.status === 'ready' && tour.tour?.shortfall ? (
        <p className="muted repo-detail__shortfall" role="note">
          {tour.tour.shortfall}
        </p>
      ) : null}
      {tour?.status === 'ready' && tour.tour ? (
        <div className="card">
          <Tabs label="Offline views" idPrefix="" tabs={REPO_TABS} selected={tab} onSelect={setTab}>
            {tab === 'change' || tab === 'claude' ? null : (
              <span
                className="computed-label"
                title="Made by reading the repository on this computer. No AI was used and nothing left the machine."
              >
                Computed from the repository · no AI
              </span>
            )}
          </Tabs>
          {tab === 'tour' ? (
            <div role="tabpanel" id="panel-tour" aria-labelledby="tab-tour" ref={tourPanel}>
              <TourMarkdown repoId={repo.id} source={tour.tour.markdown} />
            </div>
          ) : tab === 'claude' ? (
            <div role="tabpanel" id="panel-claude" aria-labelledby="tab-claude">
              <AskClaude repoId={repo.id} />
            </div>
          ) : tab === 'change' ? (
            <div role="tabpanel" id="panel-change" aria-labelledby="tab-change">
              <SmallChange repoId={repo.id} gitStateShown />
            </div>
          ) : (
            <div role="tabpanel" id="panel-diagram" aria-labelledby="tab-diagram">
              <ModuleMap
                repoId={repo.id}
                graph={tour.tour.moduleGraph}
                sections={tour.tour.moduleSections}
                markdown={tour.tour.markdown}
                label={`Module map of ${repo.name}`}
                visits={visits}
                onReadInTour={(target) => {
                  heading.current = target
                  setTab('tour')
                }}
              />
            </div>
          )}
        </div>
      ) : null}
    </section>
  )
}
