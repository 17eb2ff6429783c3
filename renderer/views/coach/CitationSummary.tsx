// Under an answer: how many of its citations were checked against the session's commit ("4 of 5
// citations checked against 1a2b3c4d"), and that the others are marked in the text. Counts every
// path:line the answer shows, whether Claude cited lines Gemba sent or wrote a path itself.
import type { CitationCheck } from '../../../shared/models/ai.ts'
import { findCitations } from '../../stores/citations.ts'

export function citationCounts(
  text: string,
  checks: Readonly<Record<string, CitationCheck>>,
): { total: number; checked: number; pending: number } {
  const keys = findCitations(text).map((citation) => citation.key)
  return {
    total: keys.length,
    checked: keys.filter((key) => checks[key]?.status === 'verified').length,
    pending: keys.filter((key) => checks[key] === undefined).length,
  }
}

export function CitationSummary(props: {
  text: string
  checks: Readonly<Record<string, CitationCheck>>
  commit: string | null
  settled: boolean
}) {
  const { total, checked, pending } = citationCounts(props.text, props.checks)
  if (total === 0) return null
  const against = props.commit ? (
    <>
      {' '}
      against <code>{props.commit.slice(0, 8)}</code>
    </>
  ) : (
    <> against the working tree</>
  )
  if (!props.settled && pending > 0) {
    return (
      <p className="coach-citations muted" role="status" data-testid="citation-summary">
        Checking {total} citation{total === 1 ? '' : 's'}
        {against}…
      </p>
    )
  }
  const unchecked = total - checked
  return (
    <p className={unchecked ? 'coach-citations coach-citations--partial' : 'coach-citations'} role="status" data-testid="citation-summary">
      <span aria-hidden="true">{unchecked ? '◐' : '✓'}</span> {checked} of {total} citation{total === 1 ? '' : 's'} checked{against}
      {unchecked ? <span className="muted"> · {unchecked} unchecked, marked in the text</span> : null}
    </p>
  )
}
