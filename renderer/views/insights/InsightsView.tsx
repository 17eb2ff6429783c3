// Insights: trends across sessions. Until they land, an honest note.
import { EmptyState } from '../../components/EmptyState.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'

export function InsightsView() {
  return (
    <div className="page">
      <PageHeader title="Insights" subtitle="What your sessions say together." />
      <EmptyState tone="coming" title="Trends">
        <p>How your sense of effort changes, what friction keeps coming back in each team, and the questions still open with your tech leads.</p>
        <p className="muted">Not built yet: insights need finished sessions first.</p>
      </EmptyState>
    </div>
  )
}
