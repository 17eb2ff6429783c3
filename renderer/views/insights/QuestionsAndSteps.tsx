// Questions for tech leads (open against answered, and the open ones by name) and the average
// time spent per step against its timebox.
import type { JournalInsights } from '../../../shared/models/journal.ts'
import { ChartSvg, XGrid } from './ChartCard.tsx'
import { linearScale, niceTicks } from './chart-scale.ts'

export function QuestionsChart(props: { questions: JournalInsights['questions'] }) {
  const { open, answered, openQuestions } = props.questions
  const total = Math.max(1, open + answered)
  const W = 420
  const x = linearScale([0, total], [0, W])
  return (
    <div className="questions-chart">
      <ChartSvg label="Questions for tech leads: open and answered" description={props.questions.summary} width={W} height={44}>
        <rect className="chart__open" x={0} y={0} width={x(open)} height={22} rx={3}>
          <title>{`${open} open`}</title>
        </rect>
        <rect className="chart__answered" x={x(open)} y={0} width={x(answered)} height={22} rx={3}>
          <title>{`${answered} answered`}</title>
        </rect>
        <text className="chart__axis-label" x={0} y={38}>
          {open} open
        </text>
        <text className="chart__axis-label" x={W} y={38} textAnchor="end">
          {answered} answered
        </text>
      </ChartSvg>
      {openQuestions.length > 0 ? (
        <ul className="questions-chart__list">
          {openQuestions.slice(0, 5).map((question) => (
            <li key={question.id}>
              {question.text} <span className="muted">({question.repositoryName})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

const STEP_LABELS = { explore: 'Explore', diagram: 'Diagram', change: 'Change', reflect: 'Reflect' } as const

export function StepTimeChart(props: { stepTime: JournalInsights['stepTime']; caption?: string; label?: string }) {
  const { steps } = props.stepTime
  const W = 420
  const row = 34
  const labelWidth = 70
  const H = steps.length * row + 24
  const max = Math.max(5, ...steps.flatMap((step) => [step.averageMinutes, step.averageTimeboxMinutes]))
  const ticks = niceTicks(max, 4)
  const top = ticks.at(-1) ?? max
  const x = linearScale([0, top], [labelWidth, W - 10])
  return (
    <>
      <ChartSvg
        label={props.label ?? 'Average minutes per step against the timebox'}
        description={props.stepTime.summary}
        width={W}
        height={H}
      >
        <XGrid ticks={ticks} x={x} height={H} />
        {steps.map((step, index) => (
          <g key={step.step} transform={`translate(0 ${index * row + 4})`}>
            <text className="chart__row-label" x={labelWidth - 8} y={17} textAnchor="end">
              {STEP_LABELS[step.step]}
            </text>
            <rect
              className={`chart__bar ${step.averageMinutes > step.averageTimeboxMinutes ? 'chart__bar--over' : ''}`}
              x={x(0)}
              y={5}
              width={Math.max(0, x(step.averageMinutes) - x(0))}
              height={16}
              rx={2}
            >
              <title>{`${STEP_LABELS[step.step]}: ${step.averageMinutes} min on average, timebox ${step.averageTimeboxMinutes} min (${step.sessions} sessions)`}</title>
            </rect>
            {step.averageTimeboxMinutes > 0 ? (
              <line className="chart__timebox" x1={x(step.averageTimeboxMinutes)} x2={x(step.averageTimeboxMinutes)} y1={1} y2={25} />
            ) : null}
          </g>
        ))}
      </ChartSvg>
      <p className="chart-legend-note">
        {props.caption ?? 'Bars: average minutes per session (amber when over the timebox). Line: the average timebox.'}
      </p>
    </>
  )
}
