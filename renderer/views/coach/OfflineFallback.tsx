// What works without Claude: the tour or module diagram Gemba computes from the repository itself,
// clearly labelled as such (reuses the Repositories screen's offline tour).
import { useEffect } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { useStores } from '../../stores-context.tsx'
import { ModuleMap } from '../repos/ModuleMap.tsx'
import { TourMarkdown } from '../repos/TourMarkdown.tsx'
import { NoKeyNotice } from './NoKeyNotice.tsx'

const WITHOUT_KEY = {
  tour: {
    label: 'Explore with Claude',
    reason: 'Offline tour: made by reading the repository on this computer. Nothing was sent anywhere.',
  },
  diagram: {
    label: 'Diagram with Claude',
    reason: 'Offline module diagram: drawn from the repository’s folders and imports on this computer.',
  },
} as const

/** A coach panel without an API key: how to add one, and meanwhile what Gemba computes offline. */
export function CoachWithoutKey(props: { repoId: string; show: 'tour' | 'diagram' }) {
  const { label, reason } = WITHOUT_KEY[props.show]
  return (
    <section className="coach" aria-label={label}>
      <NoKeyNotice />
      <OfflineFallback repoId={props.repoId} show={props.show} reason={reason} />
    </section>
  )
}

export function OfflineFallback(props: { repoId: string; show: 'tour' | 'diagram'; reason: string }) {
  const { useRepos } = useStores()
  const tour = useRepos((state) => state.tours[props.repoId])
  const loadTour = useRepos((state) => state.loadTour)
  const status = tour?.status ?? 'idle'
  useEffect(() => {
    if (status === 'idle') void loadTour(props.repoId)
  }, [status, loadTour, props.repoId])
  return (
    <section className="offline-fallback card" aria-label={props.show === 'tour' ? 'Offline tour' : 'Offline module diagram'}>
      <p>
        <span className="computed-label">Computed from the repository · no AI</span>
      </p>
      <p className="muted">{props.reason}</p>
      {status === 'loading' ? <p role="status">Reading the repository…</p> : null}
      {tour?.error ? <ErrorNotice error={tour.error} onRetry={() => void loadTour(props.repoId)} /> : null}
      {tour?.tour ? (
        props.show === 'tour' ? (
          <TourMarkdown repoId={props.repoId} source={tour.tour.markdown} />
        ) : (
          <ModuleMap
            repoId={props.repoId}
            graph={tour.tour.moduleGraph}
            sections={tour.tour.moduleSections}
            markdown={tour.tour.markdown}
            label="Module map of the repository"
          />
        )
      ) : null}
    </section>
  )
}
