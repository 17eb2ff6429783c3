// Usage and cost: one call's (under an answer) or the session's against its budget.
import type { AiUsage } from '../../../shared/models/ai.ts'
import { formatTokens, formatUsd } from './format-usage.ts'

export function CallUsage(props: { usage: AiUsage; costUsd: number }) {
  const u = props.usage
  if (u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens === 0) return null
  return (
    <p className="coach-usage muted">
      This answer: {formatTokens(u.inputTokens)} input · {formatTokens(u.cacheWriteTokens)} cache write{u.cacheWrite1hTokens ? ` (${formatTokens(u.cacheWrite1hTokens)} kept for an hour)` : ''} · {formatTokens(u.cacheReadTokens)} cache read ·{' '}
      {formatTokens(u.outputTokens)} output · {formatUsd(props.costUsd)}
    </p>
  )
}

export function SessionUsage(props: { usage: AiUsage; costUsd: number; budgetUsd: number | null }) {
  const u = props.usage
  const share = props.budgetUsd ? Math.min(1, props.costUsd / props.budgetUsd) : 0
  return (
    <div className="coach-session-usage" aria-label="Usage this session">
      <dl>
        <div><dt>Input</dt><dd>{formatTokens(u.inputTokens)}</dd></div>
        <div><dt>Cache write</dt><dd>{formatTokens(u.cacheWriteTokens)}</dd></div>
        <div><dt>Cache read</dt><dd>{formatTokens(u.cacheReadTokens)}</dd></div>
        <div><dt>Output</dt><dd>{formatTokens(u.outputTokens)}</dd></div>
        <div><dt>Cost</dt><dd data-testid="session-cost">{formatUsd(props.costUsd)}</dd></div>
      </dl>
      {props.budgetUsd ? (
        <p className="muted coach-budget">
          <meter min={0} max={1} value={share} aria-label="Share of the session budget used" /> {formatUsd(props.costUsd)} of the {formatUsd(props.budgetUsd)} session budget
        </p>
      ) : null}
    </div>
  )
}
