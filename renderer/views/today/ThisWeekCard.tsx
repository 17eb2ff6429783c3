// This week's hour: week number, theme, goal, repository, and what to do about it now (an extra
// hour once the week is done). The theme, goal and why are the week's text for the kind of codebase
// its repository reads as, with the sentence that says which kind, once the scan has said so.
import type { TodayView } from '../../../shared/models/sessions.ts'
import { StartButton } from './StartButton.tsx'
import { useStores } from '../../stores-context.tsx'
import { useWeekFit } from './use-week-fit.ts'

export function ThisWeekCard(props: { today: TodayView }) {
  const { useNavigation, useSessions } = useStores()
  const { today } = props
  const { week } = today
  const fit = useWeekFit(today)
  const unskip = useSessions((state) => state.unskipWeek)
  const resumeProgramme = useSessions((state) => state.resumeProgramme)
  const go = useNavigation((state) => state.go)
  return (
    <section className="card this-week" aria-labelledby="this-week-title">
      <p className="this-week__eyebrow">
        Week {week.weekNumber} of 12{week.cycle > 1 ? ` · round ${week.cycle}` : ''}
        {week.repo ? (
          <>
            {' '}
            · in <strong>{week.repo.name}</strong>
          </>
        ) : null}
      </p>
      <h2 id="this-week-title">{fit?.theme ?? week.theme}</h2>
      <p>{fit?.goal ?? week.goal}</p>
      <p className="muted this-week__why">{fit?.whyItMatters ?? week.whyItMatters}</p>
      {fit ? <p className="muted this-week__kind">{fit.sentence}</p> : null}
      {today.programme.paused ? (
        <div className="notice notice--warning" role="status">
          <p className="notice__message">
            The programme is paused
            {today.programme.pausedThrough ? ` through the week of ${today.programme.pausedThrough}` : ' until you resume it'}. Paused weeks
            are not counted.
          </p>
          <button type="button" className="button" onClick={() => void resumeProgramme()}>
            Resume the programme
          </button>
        </div>
      ) : null}
      {today.outcome === 'practised' && !today.activeSession ? (
        <>
          <div className="this-week__done" role="status">
            <p>
              <strong>Done for this week.</strong>{' '}
              {today.hoursThisWeek > 1 ? `${today.hoursThisWeek} hours this week; the week counts once. ` : ''}Your notes are in the
              journal.
            </p>
            <button type="button" className="button" onClick={() => go('journal')}>
              Open the journal
            </button>
          </div>
          {today.repoChoices.length > 0 ? <StartButton today={today} extra /> : null}
        </>
      ) : today.outcome === 'skipped' && !today.activeSession ? (
        <div className="this-week__done" role="status">
          <p>You skipped this week. It does not count against you.</p>
          <button type="button" className="button" onClick={() => void unskip(week.programmeWeek)}>
            Take back the skip
          </button>
        </div>
      ) : (
        <StartButton today={today} />
      )}
    </section>
  )
}
