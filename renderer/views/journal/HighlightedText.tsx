// A snippet with its matches marked. Text only: React escapes it, so nothing from a file runs as HTML.
import type { JournalSnippet } from '../../../shared/models/journal.ts'
import { highlightSegments } from './highlight-segments.ts'

export function HighlightedText(props: { snippet: JournalSnippet }) {
  return (
    <>
      {highlightSegments(props.snippet.text, props.snippet.highlights).map((segment, index) =>
        segment.highlighted ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  )
}
