// Effort calibration: each timed change as a point (estimate across, actual up) against the line
// where they are equal, and the median actual ÷ estimate per quarter against 1×.
import type { JournalInsights } from '../../../shared/models/journal.ts'
import { ChartSvg, YGrid } from './ChartCard.tsx'
import { linearScale, niceTicks } from './chart-scale.ts'

const W = 320
const H = 240
const M = { left: 40, right: 12, top: 12, bottom: 34 }

export function CalibrationScatter(props: { calibration: JournalInsights['calibration'] }) {
  const { points } = props.calibration
  const max = Math.max(10, ...points.flatMap((point) => [point.estimateMinutes, point.actualMinutes]))
  const ticks = niceTicks(max)
  const top = ticks.at(-1) ?? max
  const x = linearScale([0, top], [M.left, W - M.right])
  const y = linearScale([0, top], [H - M.bottom, M.top])
  return (
    <ChartSvg label="Estimate against actual minutes per change" description={props.calibration.summary} width={W} height={H}>
      <YGrid ticks={ticks} y={y} left={M.left} right={W - M.right} />
      {ticks.map((tick) => (
        <text key={tick} className="chart__axis-label" x={x(tick)} y={H - M.bottom + 14} textAnchor="middle">
          {tick}
        </text>
      ))}
      <line className="chart__identity" x1={x(0)} y1={y(0)} x2={x(top)} y2={y(top)} />
      <text className="chart__note" x={x(top) - 4} y={y(top) + 14} textAnchor="end">
        as estimated
      </text>
      {points.map((point) => (
        <circle
          key={point.id}
          className={`chart__point ${point.ratio > 1 ? 'chart__point--over' : ''}`}
          cx={x(point.estimateMinutes)}
          cy={y(point.actualMinutes)}
          r={5}
        >
          <title>{`${point.date} · ${point.repositoryName}: ${point.actualMinutes} min for ${point.estimateMinutes} estimated`}</title>
        </circle>
      ))}
      <text className="chart__axis-title" x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle">
        estimate (min)
      </text>
      <text className="chart__axis-title" transform={`translate(11 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle">
        actual (min)
      </text>
    </ChartSvg>
  )
}

export function RatioTrend(props: { calibration: JournalInsights['calibration'] }) {
  const { trend } = props.calibration
  const max = Math.max(2, ...trend.map((period) => period.medianRatio))
  const ticks = niceTicks(max, 4)
  const top = ticks.at(-1) ?? max
  const step = trend.length > 1 ? (W - M.left - M.right - 20) / (trend.length - 1) : 0
  const x = (index: number): number => M.left + 10 + index * step
  const y = linearScale([0, top], [H - M.bottom, M.top])
  const path = trend.map((period, index) => `${index === 0 ? 'M' : 'L'}${x(index)},${y(period.medianRatio)}`).join(' ')
  return (
    <ChartSvg label="Median actual ÷ estimate per quarter" description={props.calibration.summary} width={W} height={H}>
      <YGrid ticks={ticks} y={y} left={M.left} right={W - M.right} format={(tick) => `${tick}×`} />
      <line className="chart__identity" x1={M.left} x2={W - M.right} y1={y(1)} y2={y(1)} />
      <path className="chart__line" d={path} />
      {trend.map((period, index) => (
        <g key={period.period}>
          <circle className="chart__point" cx={x(index)} cy={y(period.medianRatio)} r={4}>
            <title>{`${period.period}: ${period.medianRatio.toFixed(2)}× over ${period.count} changes`}</title>
          </circle>
          <text className="chart__axis-label" x={x(index)} y={H - M.bottom + 14} textAnchor="middle">
            {period.period}
          </text>
        </g>
      ))}
    </ChartSvg>
  )
}
