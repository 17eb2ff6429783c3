// How a past session showed each of its walkthrough's citations, so the journal keeps the same marks:
// the mark kept with a citation ("unverified", "withheld"); and in Claude's walkthrough, a citation
// the session never confirmed (older entries kept only the confirmed ones) is unverified. Pure.
import type { JournalCitationMark, JournalSessionRecord } from '../../../shared/models/journal.ts'
import { citationKey } from '../../stores/citations.ts'

/** The mark a citation (by its `path:line` key) had in the session; null when it was confirmed. */
export type CitationMarkOf = (key: string) => JournalCitationMark | null

export function citationMarks(walkthrough: NonNullable<JournalSessionRecord['walkthrough']>): CitationMarkOf {
  const kept = new Map(
    walkthrough.citations.map((citation) => [
      citationKey(citation.path.replace(/^\.\//, ''), citation.line ?? null),
      citation.mark ?? null,
    ]),
  )
  const claudes = walkthrough.source === 'ai'
  return (key) => {
    const mark = kept.get(key)
    if (mark !== undefined) return mark
    return claudes ? 'unverified' : null
  }
}
