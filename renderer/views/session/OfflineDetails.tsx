// Beside the coach, when there is a key: the offline tour or module diagram, computed from the
// repository, folded away (without a key the step shows it in full instead).
import type { Session } from '../../../shared/models/sessions.ts'
import { OfflineTour } from './OfflineTour.tsx'

const SUMMARY = {
  tour: 'The offline tour, computed from the repository (no AI)',
  diagram: 'The module diagram, computed from the repository (no AI)',
} as const

export function OfflineDetails(props: { session: Session; hasKey: boolean | null; show: 'tour' | 'diagram' }) {
  if (!props.hasKey) return null
  return (
    <details className="session-offline">
      <summary>{SUMMARY[props.show]}</summary>
      <OfflineTour repoId={props.session.repo.id} repoName={props.session.repo.name} show={props.show} />
    </details>
  )
}
