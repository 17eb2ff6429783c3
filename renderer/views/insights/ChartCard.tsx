// A chart with its title and, beside it, the plain-text summary (the same words a screen reader gets).
import { useId, type ReactNode } from 'react'

export function ChartCard(props: { title: string; summary: string; children: ReactNode; empty?: string | null; wide?: boolean }) {
  const id = useId()
  return (
    <section className={`card chart-card ${props.wide ? 'chart-card--wide' : ''}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <div className="chart-card__body">
        <div className="chart-card__chart">{props.empty ? <p className="muted chart-card__empty">{props.empty}</p> : props.children}</div>
        <p className="chart-card__summary" id={`${id}-summary`}>
          {props.summary}
        </p>
      </div>
    </section>
  )
}

/** An SVG with an accessible name and a description (the summary). */
export function ChartSvg(props: {
  label: string
  description: string
  width: number
  height: number
  children: ReactNode
  className?: string
}) {
  const id = useId()
  return (
    <svg
      className={`chart ${props.className ?? ''}`}
      role="img"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-d`}
      viewBox={`0 0 ${props.width} ${props.height}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{props.label}</title>
      <desc id={`${id}-d`}>{props.description}</desc>
      {props.children}
    </svg>
  )
}

/** Horizontal grid lines with their value labels on the left, one per tick. */
export function YGrid(props: {
  ticks: readonly number[]
  y: (value: number) => number
  left: number
  right: number
  format?: (tick: number) => string
}) {
  return (
    <>
      {props.ticks.map((tick) => (
        <g key={tick}>
          <line className="chart__grid" x1={props.left} x2={props.right} y1={props.y(tick)} y2={props.y(tick)} />
          <text className="chart__axis-label" x={props.left - 6} y={props.y(tick) + 4} textAnchor="end">
            {props.format ? props.format(tick) : tick}
          </text>
        </g>
      ))}
    </>
  )
}

/** Vertical grid lines with their value labels along the bottom, one per tick. */
export function XGrid(props: { ticks: readonly number[]; x: (value: number) => number; height: number }) {
  return (
    <>
      {props.ticks.map((tick) => (
        <g key={tick}>
          <line className="chart__grid" x1={props.x(tick)} x2={props.x(tick)} y1={0} y2={props.height - 20} />
          <text className="chart__axis-label" x={props.x(tick)} y={props.height - 6} textAnchor="middle">
            {tick}
          </text>
        </g>
      ))}
    </>
  )
}
