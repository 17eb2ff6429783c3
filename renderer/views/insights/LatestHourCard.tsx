// What the latest hour showed, from the first session on: each step's minutes against its timebox
// beside the findings in plain sentences (time, estimate against actual, friction, open questions).
import { useId } from 'react'
import type { LatestHour } from '../../../shared/models/journal.ts'
import { formatDay } from '../journal/journal-format.ts'
import { useStores } from '../../stores-context.tsx'
import { StepTimeChart } from './QuestionsAndSteps.tsx'

export function LatestHourCard(props: { latest: LatestHour; only: boolean }) {
  const { useJournal, useNavigation } = useStores()
  const { latest } = props
  const id = useId()
  const go = useNavigation((state) => state.go)
  const open = useJournal((state) => state.open)
  const stepTime = {
    steps: latest.steps.map((step) => ({
      step: step.step,
      totalMinutes: step.minutes,
      averageMinutes: step.minutes,
      averageTimeboxMinutes: step.timeboxMinutes,
      sessions: 1,
    })),
    summary: latest.findings[0] ?? '',
  }
  return (
    <section className="card chart-card latest-hour" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.only ? 'What your first hour showed' : 'What your last hour showed'}</h2>
      <p className="latest-hour__what">
        {latest.theme} in {latest.repositoryName}, {formatDay(latest.date)}.{' '}
        <button
          type="button"
          className="button button--quiet latest-hour__open"
          onClick={() => {
            open(latest.id)
            go('journal')
          }}
        >
          Open the entry
        </button>
      </p>
      <div className="chart-card__body">
        <div className="chart-card__chart">
          <StepTimeChart
            stepTime={stepTime}
            label="Minutes per step in this hour against each timebox"
            caption="Bars: minutes on each step (amber when over its timebox). Line: the timebox."
          />
        </div>
        <ul className="chart-card__summary latest-hour__findings">
          {latest.findings.map((finding) => (
            <li key={finding}>{finding}</li>
          ))}
        </ul>
      </div>
    </section>
  )
}
