// Today: on the first run a short guide; then this week's hour with one button to start it, when it
// is booked, consistency over the last 12 weeks, earlier weeks on offer, and open questions.
import { lazy, Suspense, useEffect } from 'react'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { BranchBanner } from '../change/BranchBanner.tsx'
import '../../styles/today.css'
import { ConsistencyCard } from './ConsistencyCard.tsx'
import { NextAreaCard } from './NextAreaCard.tsx'
import { OpenQuestionsCard } from './OpenQuestionsCard.tsx'
import { PastDueWeeks } from './PastDueWeeks.tsx'
import { ScheduleCard } from './ScheduleCard.tsx'
import { ThisWeekCard } from './ThisWeekCard.tsx'
import { useStores } from '../../stores-context.tsx'

// Shown once, on the first run: loaded only then (it brings the schedule form and its checks).
const FirstRunGuide = lazy(() => import('./FirstRunGuide.tsx').then((module) => ({ default: module.FirstRunGuide })))

export function TodayView() {
  const { useRepos, useSessions, useSettings } = useStores()
  const today = useSessions((state) => state.today)
  const loadError = useSessions((state) => state.loadError)
  const load = useSessions((state) => state.load)
  const loadRepos = useRepos((state) => state.load)
  const loadSettings = useSettings((state) => state.load)
  const repoCount = useRepos((state) => state.repos.length)

  useEffect(() => {
    void load()
    void loadRepos()
    void loadSettings()
  }, [load, loadRepos, loadSettings])

  useEffect(() => {
    // A repository added from the guide changes which repository this week goes into.
    void load()
  }, [repoCount, load])

  const firstRun = today !== null && !today.programme.started && today.activeSession === null
  return (
    <div className="page today">
      <PageHeader title="Today" subtitle="One calm, hands-on hour a week in your teams’ code." />
      {loadError ? <ErrorNotice error={loadError} onRetry={() => void load()} /> : null}
      <BranchBanner />
      {!today && !loadError ? <EmptyState title="Loading this week…">{null}</EmptyState> : null}
      {today?.notices.map((notice) => (
        <div key={notice.file} className="notice notice--warning" role="status">
          <p className="notice__message">{notice.message}</p>
          <p className="notice__next">It was moved aside to {notice.movedTo}.</p>
        </div>
      ))}
      {today && firstRun ? (
        <Suspense fallback={null}>
          <FirstRunGuide today={today} />
        </Suspense>
      ) : null}
      {today && !firstRun ? (
        <>
          <ThisWeekCard today={today} />
          <NextAreaCard thisWeek={today.week.programmeWeek} />
          <div className="today-grid">
            <ScheduleCard today={today} />
            <ConsistencyCard today={today} />
          </div>
          <PastDueWeeks today={today} />
          <OpenQuestionsCard />
        </>
      ) : null}
    </div>
  )
}
