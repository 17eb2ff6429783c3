// Whose hands wrote the changes, week by week: the lines the leader wrote against the agent's, as
// stacked bars (the leader's first), with the plain-text summary beside them.
import type { JournalInsights } from '../../../shared/models/journal.ts'
import { ChartSvg, XGrid } from './ChartCard.tsx'
import { linearScale, niceTicks } from './chart-scale.ts'
import { plural } from '../../../shared/plural.ts'

export function HandsOnChart(props: { handsOn: JournalInsights['handsOn'] }) {
  const weeks = props.handsOn.weeks.slice(-12)
  const W = 420
  const row = 26
  const labelWidth = 78
  const H = weeks.length * row + 24
  const max = Math.max(5, ...weeks.map((week) => week.leaderLines + week.agentLines))
  const ticks = niceTicks(max, 4)
  const x = linearScale([0, ticks.at(-1) ?? max], [labelWidth, W - 10])
  return (
    <>
      <ChartSvg label="Lines you wrote and lines the agent wrote, per week" description={props.handsOn.summary} width={W} height={H}>
        <XGrid ticks={ticks} x={x} height={H} />
        {weeks.map((week, index) => (
          <g key={week.isoWeek} transform={`translate(0 ${index * row + 4})`}>
            <text className="chart__row-label" x={labelWidth - 8} y={14} textAnchor="end">
              {week.isoWeek.replace(/^\d{4}-/, '')}
            </text>
            <rect className="chart__mine" x={x(0)} y={3} width={Math.max(0, x(week.leaderLines) - x(0))} height={14} rx={2}>
              <title>{`${week.isoWeek}: you wrote ${plural(week.leaderLines, 'line')}`}</title>
            </rect>
            <rect
              className="chart__theirs"
              x={x(week.leaderLines)}
              y={3}
              width={Math.max(0, x(week.leaderLines + week.agentLines) - x(week.leaderLines))}
              height={14}
              rx={2}
            >
              <title>{`${week.isoWeek}: the agent wrote ${plural(week.agentLines, 'line')}`}</title>
            </rect>
          </g>
        ))}
      </ChartSvg>
      <p className="chart-legend-note">
        <span className="legend-swatch chart__mine" /> you · <span className="legend-swatch chart__theirs" /> the agent (lines added, blank
        lines aside)
      </p>
    </>
  )
}
