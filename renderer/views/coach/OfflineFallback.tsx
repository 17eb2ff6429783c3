// What works without Claude: the tour or module diagram Gemba computes from the repository itself,
// clearly labelled as such (reuses the Repositories screen's offline tour).
import { useEffect } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { Markdown } from '../../components/Markdown.tsx'
import { useRepos } from '../../app-stores.ts'
import { ModuleMap } from '../repos/ModuleMap.tsx'

export function OfflineFallback(props: { repoId: string; show: 'tour' | 'diagram'; reason: string }) {
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
          <Markdown source={tour.tour.markdown} />
        ) : (
          <ModuleMap
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
