// Journal: every past session. Until the journal lands, an honest note.
import { EmptyState } from '../../components/EmptyState.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'

export function JournalView() {
  return (
    <div className="page">
      <PageHeader title="Journal" subtitle="Every past session, as Markdown files you own." />
      <EmptyState tone="coming" title="Your journal">
        <p>Each finished session becomes a Markdown file you can read anywhere, search here, and export for your tech leads.</p>
        <p className="muted">Not built yet: there are no sessions to show.</p>
      </EmptyState>
    </div>
  )
}
