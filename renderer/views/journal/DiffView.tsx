// The session's change as a coloured unified diff: added and removed lines marked by colour and by
// their +/- sign (so the meaning never rests on colour alone).
import { useMemo } from 'react'
import { diffLines, diffStats } from './diff-lines.ts'

export function DiffView(props: { diff: string; label: string }) {
  const lines = useMemo(() => diffLines(props.diff), [props.diff])
  const stats = diffStats(lines)
  return (
    <figure className="diff">
      <figcaption className="diff__caption">
        <span className="diff__added">+{stats.added}</span> <span className="diff__removed">−{stats.removed}</span> {props.label}
      </figcaption>
      <pre className="diff__body" aria-label={`Diff: ${stats.added} lines added, ${stats.removed} removed`} tabIndex={0}>
        <code>
          {lines.map((line, index) => (
            <span key={index} className={`diff-line diff-line--${line.kind}`}>
              {line.text}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </figure>
  )
}
