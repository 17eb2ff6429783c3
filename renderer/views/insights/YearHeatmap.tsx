// The year's weeks as a strip of squares: practised (darker with more sessions), skipped and paused
// (marked, so they never read as "missed"), not practised, and weeks still to come.
import type { JournalInsights } from '../../../shared/models/journal.ts'
import { ChartSvg } from './ChartCard.tsx'

const CELL = 14
const GAP = 3
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const STATUS_TEXT = { practised: 'practised', skipped: 'skipped', paused: 'paused', none: 'not practised', future: 'to come' } as const

export function YearHeatmap(props: { heatmap: JournalInsights['heatmap'] }) {
  const { weeks, year } = props.heatmap
  const width = weeks.length * (CELL + GAP) + 4
  return (
    <div className="heatmap">
      <ChartSvg label={`Weeks practised in ${year}`} description={props.heatmap.summary} width={width} height={CELL + 24}>
        {MONTHS.map((month, index) => (
          <text key={month} className="chart__axis-label" x={2 + ((index * 52) / 12) * (CELL + GAP)} y={10}>
            {month}
          </text>
        ))}
        {weeks.map((week, index) => (
          <rect
            key={week.isoWeek}
            className={`heat heat--${week.status} ${week.sessions > 1 ? 'heat--many' : ''}`}
            x={2 + index * (CELL + GAP)}
            y={16}
            width={CELL}
            height={CELL}
            rx={3}
          >
            <title>{`${week.isoWeek}: ${STATUS_TEXT[week.status]}${week.sessions > 1 ? ` (${week.sessions} sessions)` : ''}`}</title>
          </rect>
        ))}
      </ChartSvg>
      <ul className="chart-legend" aria-label="Legend">
        {(['practised', 'skipped', 'paused', 'none', 'future'] as const).map((status) => (
          <li key={status}>
            <svg width="12" height="12" aria-hidden="true">
              <rect className={`heat heat--${status}`} x="0.5" y="0.5" width="11" height="11" rx="2" />
            </svg>
            {STATUS_TEXT[status]}
          </li>
        ))}
      </ul>
    </div>
  )
}
