// Friction: how often each tag came up, month by month (stacked, one colour per tag, named in the
// legend and in each bar's tooltip) and per repository.
import type { JournalInsights, TagCount } from '../../../shared/models/journal.ts'
import { ChartSvg, YGrid } from './ChartCard.tsx'
import { linearScale, niceTicks } from './chart-scale.ts'

const SERIES = 6

/** The most frequent tags get their own colour; the rest share "other". */
function seriesOf(byTag: readonly TagCount[]): { tags: string[]; index: (tag: string) => number } {
  const tags = byTag.slice(0, SERIES - 1).map((count) => count.tag)
  return { tags, index: (tag) => (tags.includes(tag) ? tags.indexOf(tag) : SERIES - 1) }
}

export function FrictionLegend(props: { byTag: readonly TagCount[] }) {
  const { tags } = seriesOf(props.byTag)
  const other = props.byTag.length > tags.length
  return (
    <ul className="chart-legend" aria-label="Friction tags">
      {[...tags, ...(other ? ['other'] : [])].map((tag, index) => (
        <li key={tag}>
          <span className={`swatch series-${other && tag === 'other' ? SERIES - 1 : index}`} aria-hidden="true" />
          {tag}
        </li>
      ))}
    </ul>
  )
}

export function FrictionOverTime(props: { friction: JournalInsights['friction'] }) {
  const { overTime, byTag } = props.friction
  const { index } = seriesOf(byTag)
  const W = 520
  const H = 220
  const M = { left: 32, right: 8, top: 10, bottom: 30 }
  const max = Math.max(1, ...overTime.map((period) => period.counts.reduce((sum, count) => sum + count.count, 0)))
  const ticks = niceTicks(max, 3)
  const top = ticks.at(-1) ?? max
  const y = linearScale([0, top], [H - M.bottom, M.top])
  const band = (W - M.left - M.right) / Math.max(1, overTime.length)
  const barWidth = Math.min(36, band * 0.7)
  return (
    <ChartSvg label="Friction tags per month" description={props.friction.summary} width={W} height={H}>
      <YGrid ticks={ticks} y={y} left={M.left} right={W - M.right} />
      {overTime.map((period, column) => {
        let base = 0
        const cx = M.left + band * column + band / 2
        return (
          <g key={period.period}>
            {period.counts.map((count) => {
              const y0 = y(base)
              base += count.count
              return (
                <rect
                  key={count.tag}
                  className={`series-${index(count.tag)}`}
                  x={cx - barWidth / 2}
                  y={y(base)}
                  width={barWidth}
                  height={Math.max(0, y0 - y(base))}
                >
                  <title>{`${period.period}: ${count.tag} × ${count.count}`}</title>
                </rect>
              )
            })}
            {overTime.length <= 14 || column % 2 === 0 ? (
              <text className="chart__axis-label" x={cx} y={H - M.bottom + 14} textAnchor="middle">
                {period.period.slice(2)}
              </text>
            ) : null}
          </g>
        )
      })}
    </ChartSvg>
  )
}

export function FrictionByRepository(props: { friction: JournalInsights['friction'] }) {
  const { byRepository, byTag } = props.friction
  const { index } = seriesOf(byTag)
  const rows = byRepository.slice(0, 8)
  const W = 520
  const row = 26
  const labelWidth = 130
  const H = rows.length * row + 8
  const max = Math.max(1, ...rows.map((repo) => repo.counts.reduce((sum, count) => sum + count.count, 0)))
  const x = linearScale([0, max], [labelWidth, W - 40])
  return (
    <ChartSvg label="Friction tags per repository" description={props.friction.summary} width={W} height={H}>
      {rows.map((repo, r) => {
        let base = 0
        const total = repo.counts.reduce((sum, count) => sum + count.count, 0)
        return (
          <g key={repo.repositoryId} transform={`translate(0 ${r * row + 4})`}>
            <text className="chart__row-label" x={labelWidth - 8} y={14} textAnchor="end">
              {repo.repositoryName.length > 18 ? `${repo.repositoryName.slice(0, 17)}…` : repo.repositoryName}
            </text>
            {repo.counts.map((count) => {
              const x0 = x(base)
              base += count.count
              return (
                <rect
                  key={count.tag}
                  className={`series-${index(count.tag)}`}
                  x={x0}
                  y={3}
                  width={Math.max(0, x(base) - x0)}
                  height={16}
                  rx={2}
                >
                  <title>{`${repo.repositoryName}: ${count.tag} × ${count.count}`}</title>
                </rect>
              )
            })}
            <text className="chart__axis-label" x={x(total) + 6} y={15}>
              {total} in {repo.sessions} {repo.sessions === 1 ? 'session' : 'sessions'}
            </text>
          </g>
        )
      })}
    </ChartSvg>
  )
}
