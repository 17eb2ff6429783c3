// What closes every coach panel: the record of what each request carried, the session's usage against
// its budget, and the file viewer its citations open.
import type { Panel } from '../../stores/coach-store.ts'
import { CoachFileViewer } from './CoachFileViewer.tsx'
import { SentRecords } from './SentRecords.tsx'
import { SessionUsage } from './UsageSummary.tsx'

export function CoachFooter(props: { panelKey: string; panel: Panel }) {
  const { panel } = props
  const budgetUsd = panel.sessionBudgetUsd ?? panel.thread?.sessionBudgetUsd ?? null
  return (
    <>
      <SentRecords panelKey={props.panelKey} />
      <SessionUsage usage={panel.sessionUsage} costUsd={panel.sessionCostUsd} budgetUsd={budgetUsd} />
      <CoachFileViewer />
    </>
  )
}
