// A coach conversation as it happened: each question, the read-only tool calls Claude made, the
// streamed answer with its checked citations, what the call cost, and any error with its next step.
import type { Panel, Turn } from '../../stores/coach-store.ts'
import { CitationSummary } from './CitationSummary.tsx'
import { CoachError } from './CoachError.tsx'
import { CoachMarkdown } from './CoachMarkdown.tsx'
import { CallUsage } from './UsageSummary.tsx'
import { useStores } from '../../stores-context.tsx'

const RETRY_REASON: Readonly<Record<string, string>> = {
  rate_limited: 'Rate limited',
  overloaded: 'Claude is overloaded',
  unavailable: 'Anthropic had a hiccup',
}

function toolLabel(tool: Turn['tools'][number]): string {
  const input = tool.input
  const target = typeof input.path === 'string' ? input.path || '.' : typeof input.query === 'string' ? `“${input.query}”` : ''
  return `${tool.name.replace('_', ' ')} ${target}`.trim()
}

export function TurnView(props: { panelKey: string; panel: Panel; turn: Turn; last: boolean; hideAnswer?: boolean }) {
  const { useCoach } = useStores()
  const { panel, turn } = props
  const openFile = useCoach((state) => state.openFile)
  const retry = useCoach((state) => state.retry)
  const settled = turn.status !== 'streaming' && panel.verifying === 0
  return (
    <article
      className="coach-turn"
      aria-label={turn.kind === 'repair' ? 'Repair request' : `Question: ${turn.question}`}
      aria-busy={turn.status === 'streaming'}
    >
      <p className="coach-turn__question">
        {turn.kind === 'repair' ? 'Gemba asked Claude to fix a diagram that did not parse.' : turn.question}
      </p>
      {turn.tools.length ? (
        <ul className="coach-tools" aria-label="Tool calls">
          {turn.tools.map((tool) => (
            <li key={tool.id} className={tool.ok === false ? 'coach-tools__item coach-tools__item--failed' : 'coach-tools__item'}>
              <span className="coach-tools__name">{toolLabel(tool)}</span>
              <span className="muted"> — {tool.summary ?? 'running…'}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {turn.retry ? (
        <p className="muted" role="status">
          {RETRY_REASON[turn.retry.reason] ?? 'Retrying'}; Gemba retries automatically (attempt {turn.retry.attempt}).
        </p>
      ) : null}
      {turn.text && !props.hideAnswer ? (
        <CoachMarkdown
          source={turn.text}
          checks={panel.checks}
          settled={settled}
          onOpen={(path, line) =>
            openFile({
              repoId: panel.repoId,
              path,
              line,
              ...(panel.thread ? { threadId: panel.thread.threadId } : {}),
              ...(panel.sessionId ? { sessionId: panel.sessionId } : {}),
            })
          }
        />
      ) : null}
      {turn.status === 'streaming' && !turn.text ? (
        <p className="muted coach-turn__waiting" role="status">
          {panel.opening ? 'Packing the repository context…' : 'Claude is reading…'}
        </p>
      ) : null}
      {turn.text && !props.hideAnswer && turn.status !== 'streaming' ? (
        <CitationSummary
          text={turn.text}
          checks={panel.checks}
          commit={turn.checkedAgainst ?? panel.thread?.headCommit ?? null}
          settled={settled}
        />
      ) : null}
      {turn.status !== 'streaming' ? <CallUsage usage={turn.usage} costUsd={turn.costUsd} /> : null}
      {turn.error ? (
        <CoachError
          error={turn.error}
          kept={Boolean(turn.text)}
          {...(props.last && !panel.activeCallId ? { onRetry: () => void retry(props.panelKey) } : {})}
        />
      ) : null}
    </article>
  )
}
