// "What was sent to Claude" in a past session: per request, the files it carried with their sizes,
// the redactions made (where and by which rule, never the secret) and the files left out. Collapsed:
// it is the record to check, not the story of the hour.
import { formatClockTime } from '../../components/format-time.ts'
import type { JournalSentRecord } from '../../../shared/models/journal.ts'
import { formatCost } from './journal-format.ts'

const size = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`)
const total = (files: readonly { bytes: number }[]): number => files.reduce((sum, file) => sum + file.bytes, 0)
const time = (at: string): string => formatClockTime(new Date(at))

function Files(props: { files: readonly { path: string; bytes: number }[] }) {
  return (
    <ul className="sent__files">
      {props.files.map((file, index) => (
        <li key={`${file.path}-${index}`}>
          <code>{file.path}</code> <span className="muted">{size(file.bytes)}</span>
        </li>
      ))}
    </ul>
  )
}

function Request(props: { record: JournalSentRecord; number: number; sameContext: boolean }) {
  const { record } = props
  const what =
    record.added.kind === 'question'
      ? 'a question'
      : `tool results (${record.added.files.length} file${record.added.files.length === 1 ? '' : 's'})`
  return (
    <li className="sent__request">
      <p className="sent__head">
        <strong>Request {props.number}</strong> · {record.step} · {time(record.at)} · {record.model}
        {record.costUsd !== null ? ` · ${formatCost(record.costUsd)}` : ''}
      </p>
      <p>
        Repository context: {record.contextFiles.length} files, {size(total(record.contextFiles))}
        {props.sameContext ? ' (the same as the request before, read from the cache)' : ''}. Added: {what},{' '}
        {record.added.chars.toLocaleString()} characters.
      </p>
      {!props.sameContext && record.contextFiles.length > 0 ? (
        <details>
          <summary>Context files</summary>
          <Files files={record.contextFiles} />
        </details>
      ) : null}
      {record.added.files.length > 0 ? <Files files={record.added.files} /> : null}
      {record.redactions.length > 0 ? (
        <p>
          Redacted ({record.redactions.length}):{' '}
          {record.redactions.map((redaction, index) => (
            <span key={index} className="sent__redaction">
              <code>
                {redaction.path}:{redaction.line}
              </code>{' '}
              <span className="muted">{redaction.rule}</span>
              {index < record.redactions.length - 1 ? ', ' : ''}
            </span>
          ))}
        </p>
      ) : (
        <p className="muted">No redactions were needed.</p>
      )}
      {record.excluded.length > 0 ? (
        <p className="muted">Left out: {record.excluded.map((file) => `${file.path} (${file.rule})`).join(', ')}</p>
      ) : null}
    </li>
  )
}

export function SentSection(props: { sent: readonly JournalSentRecord[] }) {
  const files = props.sent.reduce((sum, record) => sum + record.added.files.length, 0)
  return (
    <details className="card session-section sent no-print">
      <summary>
        What was sent to Claude ({props.sent.length} request{props.sent.length === 1 ? '' : 's'}
        {files > 0 ? `, ${files} file reads` : ''})
      </summary>
      <ol className="sent__list">
        {props.sent.map((record, index) => {
          const before = props.sent[index - 1]
          const sameContext = before !== undefined && before.step === record.step && sameFiles(before.contextFiles, record.contextFiles)
          return <Request key={index} record={record} number={index + 1} sameContext={sameContext} />
        })}
      </ol>
    </details>
  )
}

function sameFiles(a: readonly { path: string; bytes: number }[], b: readonly { path: string; bytes: number }[]): boolean {
  return a.length === b.length && a.every((file, index) => file.path === b[index]?.path && file.bytes === b[index]?.bytes)
}
