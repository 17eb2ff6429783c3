// The record of what each request of this conversation carried: the cached prefix (its hash, size and
// files), what the request added (the question or tool results, with the files read), redactions
// and withheld files, usage and cost. Loaded when opened.
import { formatClockTime } from '../../components/format-time.ts'
import { formatTokens, formatUsd } from './format-usage.ts'
import { useStores } from '../../stores-context.tsx'

export function SentRecords(props: { panelKey: string }) {
  const { useCoach } = useStores()
  const panel = useCoach((state) => state.panels[props.panelKey])
  const loadSent = useCoach((state) => state.loadSent)
  if (!panel?.thread || panel.turns.length === 0) return null
  return (
    <details
      className="sent-records"
      onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && void loadSent(props.panelKey)}
    >
      <summary>What was sent</summary>
      {panel.sent === null ? (
        <p className="muted" role="status">
          Loading the record…
        </p>
      ) : (
        <ol aria-label="Requests sent">
          {panel.sent.map((record) => (
            <li key={record.index}>
              <p>
                <strong>{formatClockTime(new Date(record.at))}</strong> · {record.model} · repository context{' '}
                {formatTokens(Math.ceil(record.prefix.chars / 3.5))} tokens ({record.prefix.files.length} files, prefix{' '}
                <code>{record.prefix.sha256.slice(0, 12)}</code>) · then{' '}
                {record.added.kind === 'question' ? 'your question' : 'tool results'} ({record.added.chars.toLocaleString('en')} characters
                {record.added.files.length ? `: ${record.added.files.map((f) => f.path).join(', ')}` : ''})
                {record.costUsd !== null ? ` · ${formatUsd(record.costUsd)}` : ''}
              </p>
              {record.redactions.length ? (
                <p className="muted">Redacted: {record.redactions.map((r) => `${r.path}:${r.line} (${r.rule})`).join(', ')}</p>
              ) : null}
              {record.excluded.length ? <p className="muted">Withheld: {record.excluded.map((e) => e.path).join(', ')}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  )
}
