// The Settings screen: notices first (a reset after a corrupt file), then one form per section.
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { AiSection } from './AiSection.tsx'
import { ApiKeySection } from './ApiKeySection.tsx'
import { JournalSection } from './JournalSection.tsx'
import { ScheduleSection } from './ScheduleSection.tsx'
import { StepsSection } from './StepsSection.tsx'
import { useStores } from '../../stores-context.tsx'
import { useLoadOnShow } from '../use-load-on-show.ts'

export function SettingsView() {
  const { useAppInfo, useSettings } = useStores()
  const view = useSettings((state) => state.view)
  const loadError = useSettings((state) => state.loadError)
  const load = useSettings((state) => state.load)
  const dismissNotice = useSettings((state) => state.dismissNotice)
  const info = useAppInfo((state) => state.info)

  useLoadOnShow(load)

  return (
    <div className="page">
      <PageHeader
        title="Settings"
        subtitle={`Stored on this computer only.${info ? ` Gemba ${info.version}, ${info.mode === 'desktop' ? 'desktop app' : 'browser mode'}.` : ''}`}
      />
      {loadError ? <ErrorNotice error={loadError} onRetry={() => void load()} /> : null}
      {!view && !loadError ? <EmptyState title="Loading settings…">{null}</EmptyState> : null}
      {view ? (
        <>
          {view.notices.map((notice) => (
            <div key={notice.code} className="notice notice--warning" role="status">
              <p className="notice__message">{notice.message}</p>
              <button type="button" className="button button--quiet" onClick={() => void dismissNotice(notice.code)}>
                Dismiss
              </button>
            </div>
          ))}
          <ApiKeySection />
          <AiSection key={`ai-${JSON.stringify(view.ai)}`} view={view} />
          <ScheduleSection key={`schedule-${JSON.stringify(view.schedule)}`} view={view} />
          <StepsSection key={`steps-${JSON.stringify(view.stepMinutes)}`} view={view} />
          <JournalSection key={`journal-${view.journalFolder ?? ''}`} view={view} />
        </>
      ) : null}
    </div>
  )
}
