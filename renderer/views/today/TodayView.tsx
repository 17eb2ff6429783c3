// Today: this week's hour. Until the weekly programme lands, an honest note of what will be here.
import { EmptyState } from '../../components/EmptyState.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useNavigation } from '../../stores/navigation-store.ts'

export function TodayView() {
  const go = useNavigation((state) => state.go)
  return (
    <div className="page">
      <PageHeader title="Today" subtitle="One calm, hands-on hour a week in your teams’ code." />
      <EmptyState
        tone="coming"
        title="This week’s hour"
        action={
          <button type="button" className="button" onClick={() => go('settings')}>
            Set your weekly slot
          </button>
        }
      >
        <p>Here you will see this week’s theme, the repository it takes you into, when your hour is booked, and one button to start it.</p>
        <p className="muted">Not built yet. Meanwhile you can choose your weekly slot and add an API key in Settings.</p>
      </EmptyState>
    </div>
  )
}
