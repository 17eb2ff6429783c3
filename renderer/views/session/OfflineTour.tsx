// The repository's offline tour or module diagram from the repos store, computed from the
// repository on this computer and labelled so: no AI is involved, and nothing is made up.
import { useEffect } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { useStores } from '../../stores-context.tsx'
import { ModuleMap } from '../repos/ModuleMap.tsx'
import { TourMarkdown } from '../repos/TourMarkdown.tsx'

export function useOfflineTour(repoId: string) {
  const { useRepos } = useStores()
  const tour = useRepos((state) => state.tours[repoId])
  const loadTour = useRepos((state) => state.loadTour)
  useEffect(() => {
    if ((tour?.status ?? 'idle') === 'idle') void loadTour(repoId)
  }, [repoId, tour?.status, loadTour])
  return { tour, retry: () => void loadTour(repoId) }
}

export function OfflineTour(props: { repoId: string; repoName: string; show: 'tour' | 'diagram' }) {
  const { tour, retry } = useOfflineTour(props.repoId)
  return (
    <section className="card offline-tour" aria-labelledby={`offline-${props.show}-title`}>
      <header className="offline-tour__header">
        <h3 id={`offline-${props.show}-title`}>
          {props.show === 'tour' ? `Offline tour of ${props.repoName}` : `Module diagram of ${props.repoName}`}
        </h3>
        <span
          className="computed-label"
          title="Made by reading the repository on this computer. No AI was used and nothing left the machine."
        >
          Computed from the repository — no AI
        </span>
      </header>
      {!tour || tour.status === 'loading' || tour.status === 'idle' ? (
        <p className="muted" role="status">
          Reading the repository
          {tour?.progress && tour.progress.total > 0
            ? ` — ${tour.progress.done.toLocaleString()} of ${tour.progress.total.toLocaleString()}`
            : '…'}
        </p>
      ) : null}
      {tour?.status === 'error' && tour.error ? <ErrorNotice error={tour.error} onRetry={retry} /> : null}
      {tour?.status === 'cancelled' ? (
        <button type="button" className="button" onClick={retry}>
          Read the repository again
        </button>
      ) : null}
      {tour?.status === 'ready' && tour.tour ? (
        props.show === 'tour' ? (
          <TourMarkdown repoId={props.repoId} source={tour.tour.markdown} className="offline-tour__body" />
        ) : (
          <ModuleMap
            repoId={props.repoId}
            graph={tour.tour.moduleGraph}
            sections={tour.tour.moduleSections}
            markdown={tour.tour.markdown}
            label={`Module map of ${props.repoName}`}
          />
        )
      ) : null}
    </section>
  )
}
