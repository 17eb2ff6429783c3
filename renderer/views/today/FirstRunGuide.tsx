// The first run, in three calm steps, each ticked once done: a team's repository (its offline tour
// starts at once), the weekly slot (kept or changed), and optionally an API key. Ends with one button
// to start the first hour.
import { useEffect, useState } from 'react'
import type { TodayView } from '../../../shared/models/sessions.ts'
import { AddRepoForm } from '../repos/AddRepoForm.tsx'
import { ScheduleSection } from '../settings/ScheduleSection.tsx'
import { slotText } from './slot-text.ts'
import { StartButton } from './StartButton.tsx'
import { useStores } from '../../stores-context.tsx'
import { useWeekFit } from './use-week-fit.ts'

/** The first step's heading: focus lands there once a repository is added (the step then reads "done"). */
const REPO_STEP_ID = 'first-run-repo-step'

export function FirstRunGuide(props: { today: TodayView }) {
  const fit = useWeekFit(props.today)
  const { useAppInfo, useNavigation, useRepos, useSessions, useSettings } = useStores()
  const repos = useRepos((state) => state.repos)
  const tours = useRepos((state) => state.tours)
  const loadTour = useRepos((state) => state.loadTour)
  const settings = useSettings((state) => state.view)
  const desktop = useAppInfo((state) => state.info?.mode === 'desktop')
  const downloadCalendar = useSessions((state) => state.downloadCalendar)
  const go = useNavigation((state) => state.go)
  const update = useSettings((state) => state.update)
  const [editSlot, setEditSlot] = useState(false)
  const firstRepo = repos[0]
  const slotChosen = settings?.scheduleChosen ?? false

  useEffect(() => {
    // The offline tour of the first repository is read now, so it is ready when the hour starts.
    if (firstRepo && (tours[firstRepo.id]?.status ?? 'idle') === 'idle') void loadTour(firstRepo.id)
  }, [firstRepo, tours, loadTour])

  const schedule = settings?.schedule ?? props.today.schedule
  return (
    <section className="card first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Set up your weekly hour</h2>
      <p className="muted">Three short steps. Everything stays on this computer.</p>
      <ol className="first-run__steps">
        <li className={`first-run__step ${repos.length > 0 ? 'first-run__step--done' : ''}`}>
          <h3 id={REPO_STEP_ID} tabIndex={-1}>
            <StepMark done={repos.length > 0} n={1} /> Add a team’s repository
          </h3>
          {repos.length > 0 ? (
            <ul className="first-run__repos">
              {repos.map((repo) => (
                <li key={repo.id}>
                  <strong>{repo.name}</strong> <TourState status={tours[repo.id]?.status ?? 'idle'} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">The hour takes you into a team’s real code. Its offline tour is ready within a minute, no AI needed.</p>
          )}
          <AddRepoForm desktop={desktop} compact={repos.length > 0} focusAfterAdd={() => REPO_STEP_ID} />
        </li>
        <li className={`first-run__step ${slotChosen ? 'first-run__step--done' : ''}`}>
          <h3>
            <StepMark done={slotChosen} n={2} /> Pick your weekly slot
          </h3>
          <p>
            Your hour: <strong>{slotText(schedule)}</strong>.
          </p>
          <div className="today-actions">
            {slotChosen ? null : (
              <button
                type="button"
                className="button button--primary"
                disabled={!settings}
                onClick={() => void update('schedule', { scheduleChosen: true })}
              >
                Keep this slot
              </button>
            )}
            <button type="button" className="button" aria-expanded={editSlot} onClick={() => setEditSlot(!editSlot)}>
              {editSlot ? 'Close' : 'Change the slot'}
            </button>
            <button type="button" className="button" onClick={() => void downloadCalendar()}>
              Add to calendar (.ics)
            </button>
          </div>
          {editSlot && settings ? <ScheduleSection key={JSON.stringify(settings.schedule)} view={settings} /> : null}
        </li>
        <li className="first-run__step">
          <h3>
            <StepMark done={settings?.apiKey.set ?? false} n={3} /> Optional: add an API key
          </h3>
          {settings?.apiKey.set ? (
            <p>An API key is set ({settings.apiKey.hint}). The coach can answer your questions.</p>
          ) : (
            <p className="muted">
              Without one, every step still works offline: a tour and a diagram computed from the repository, a change you make by hand, and
              the full journal.
            </p>
          )}
          <button type="button" className="button button--quiet" onClick={() => go('settings')}>
            {settings?.apiKey.set ? 'Review in Settings' : 'Add a key in Settings'}
          </button>
        </li>
      </ol>
      <div className="first-run__start">
        <h3>
          Your first hour: week {props.today.week.weekNumber}, {fit?.theme ?? props.today.week.theme}
        </h3>
        <p className="muted">{fit?.goal ?? props.today.week.goal}</p>
        {fit ? <p className="muted this-week__kind">{fit.sentence}</p> : null}
        {repos.length > 0 ? <StartButton today={props.today} /> : <p className="muted">Add a repository above to start.</p>}
      </div>
    </section>
  )
}

function StepMark(props: { done: boolean; n: number }) {
  return (
    <span
      className={`step-mark ${props.done ? 'step-mark--done' : ''}`}
      aria-label={props.done ? `Step ${props.n}, done` : `Step ${props.n}`}
    >
      {props.done ? '✓' : props.n}
    </span>
  )
}

function TourState(props: { status: string }) {
  if (props.status === 'ready') return <span className="pill pill--ok">Offline tour ready</span>
  if (props.status === 'loading') return <span className="pill">Reading the repository…</span>
  if (props.status === 'error') return <span className="pill pill--warn">Tour not available — see Repositories</span>
  return null
}
