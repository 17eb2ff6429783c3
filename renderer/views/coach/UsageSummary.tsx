// Usage and cost in plain words: one call's (under an answer) and the session's against its budget.
// The token counts stay one click away for those who want them.
import type { AiUsage } from '../../../shared/models/ai.ts'
import { contextInWords, costInWords, formatTokens, formatUsd, usageInWords } from './format-usage.ts'

function TokenCounts(props: { usage: AiUsage; costUsd?: number }) {
  const u = props.usage
  return (
    <dl className="coach-tokens">
      <div>
        <dt>Input</dt>
        <dd>{formatTokens(u.inputTokens)}</dd>
      </div>
      <div>
        <dt>Cache write</dt>
        <dd>{formatTokens(u.cacheWriteTokens)}</dd>
      </div>
      <div>
        <dt>Cache read</dt>
        <dd>{formatTokens(u.cacheReadTokens)}</dd>
      </div>
      <div>
        <dt>Output</dt>
        <dd>{formatTokens(u.outputTokens)}</dd>
      </div>
      {props.costUsd === undefined ? null : (
        <div>
          <dt>Cost</dt>
          <dd>{formatUsd(props.costUsd)}</dd>
        </div>
      )}
    </dl>
  )
}

export function CallUsage(props: { usage: AiUsage; costUsd: number }) {
  const u = props.usage
  if (u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens === 0) return null
  return (
    <details className="coach-usage muted">
      <summary>This answer: {usageInWords(u, props.costUsd)}</summary>
      <p className="coach-usage__tokens">
        Tokens: {formatTokens(u.inputTokens)} input · {formatTokens(u.cacheWriteTokens)} cache write
        {u.cacheWrite1hTokens ? ` (${formatTokens(u.cacheWrite1hTokens)} kept for an hour)` : ''} · {formatTokens(u.cacheReadTokens)} cache
        read · {formatTokens(u.outputTokens)} output · {formatUsd(props.costUsd)}
      </p>
    </details>
  )
}

export function SessionUsage(props: { usage: AiUsage; costUsd: number; budgetUsd: number | null }) {
  const share = props.budgetUsd ? Math.min(1, props.costUsd / props.budgetUsd) : 0
  const context = contextInWords(props.usage)
  return (
    <div className="coach-session-usage" aria-label="Usage this session">
      <p className="coach-session-usage__words">
        This session so far: <strong data-testid="session-cost">{costInWords(props.costUsd)}</strong>
        {props.budgetUsd ? ` of your ${formatUsd(props.budgetUsd)} budget` : ''}
        {context ? `; ${context}` : ''}.
      </p>
      {props.budgetUsd ? <meter min={0} max={1} value={share} aria-label="Share of the session budget used" /> : null}
      <details className="coach-session-usage__tokens">
        <summary>Token counts</summary>
        <TokenCounts usage={props.usage} costUsd={props.costUsd} />
      </details>
    </div>
  )
}
