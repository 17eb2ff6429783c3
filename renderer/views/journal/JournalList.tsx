// The sessions, newest first — or, while searching, the matching sessions with highlighted snippets.
import type { JournalEntrySummary, JournalSnippet } from '../../../shared/models/journal.ts'
import { HighlightedText } from './HighlightedText.tsx'
import { formatDay, formatMinutes } from './journal-format.ts'
import { useStores } from '../../stores-context.tsx'

const FIELD_LABELS: Readonly<Record<JournalSnippet['field'], string>> = {
  theme: 'Theme',
  walkthrough: 'Walkthrough',
  diagram: 'Diagram',
  change: 'Change',
  tests: 'Test run',
  explanation: 'Explanation',
  reflection: 'Reflection',
  questions: 'Questions',
  tags: 'Friction',
  repository: 'Repository',
  notes: 'Your notes',
  transcript: 'Conversation with Claude',
}

function EntryCard(props: { entry: JournalEntrySummary; snippets?: readonly JournalSnippet[] }) {
  const { useJournal } = useStores()
  const open = useJournal((state) => state.open)
  const { entry } = props
  return (
    <li>
      <button type="button" className="journal-entry" onClick={() => open(entry.id)}>
        <span className="journal-entry__head">
          <span className="journal-entry__date">{formatDay(entry.date)}</span>
          <span className="journal-entry__theme">{entry.theme.title}</span>
          <span className="journal-entry__repo">{entry.repository.name}</span>
        </span>
        <span className="journal-entry__meta">
          <span>Week {entry.week}</span>
          <span>{formatMinutes(entry.totalMinutes)}</span>
          {entry.effort.estimateMinutes !== null && entry.effort.actualMinutes !== null ? (
            <span>
              change: {formatMinutes(entry.effort.actualMinutes)} for {formatMinutes(entry.effort.estimateMinutes)} estimated
            </span>
          ) : null}
          {entry.openQuestions > 0 ? (
            <span>
              {entry.openQuestions} open {entry.openQuestions === 1 ? 'question' : 'questions'}
            </span>
          ) : null}
          {entry.frictionTags.map((tag) => (
            <span key={tag} className="pill">
              {tag}
            </span>
          ))}
        </span>
        {props.snippets && props.snippets.length > 0 ? (
          <span className="journal-entry__snippets">
            {props.snippets.slice(0, 3).map((snippet, index) => (
              <span key={index} className="journal-snippet">
                <span className="journal-snippet__field">{FIELD_LABELS[snippet.field]}</span> <HighlightedText snippet={snippet} />
              </span>
            ))}
          </span>
        ) : entry.excerpt ? (
          <span className="journal-entry__excerpt">{entry.excerpt}</span>
        ) : null}
      </button>
    </li>
  )
}

export function JournalList() {
  const { useJournal } = useStores()
  const entries = useJournal((state) => state.entries)
  const hits = useJournal((state) => state.hits)
  const searching = useJournal((state) => state.searching)
  const query = useJournal((state) => state.query)
  if (hits) {
    return (
      <section aria-label="Search results" className="journal-results">
        <p className="muted" role="status">
          {searching
            ? 'Searching…'
            : hits.length === 0
              ? `No session mentions “${query.trim()}”.`
              : `${hits.length} ${hits.length === 1 ? 'session matches' : 'sessions match'} “${query.trim()}”.`}
        </p>
        <ul className="journal-list" aria-label="Matching sessions">
          {hits.map((hit) => (
            <EntryCard key={hit.entry.id} entry={hit.entry} snippets={hit.snippets} />
          ))}
        </ul>
      </section>
    )
  }
  return (
    <section aria-label="Sessions" className="journal-results">
      <p className="muted" role="status">
        {entries.length === 0
          ? 'No session matches these filters.'
          : `${entries.length} ${entries.length === 1 ? 'session' : 'sessions'}, newest first.`}
      </p>
      <ul className="journal-list" aria-label="Journal entries">
        {entries.map((entry) => (
          <EntryCard key={entry.id} entry={entry} />
        ))}
      </ul>
    </section>
  )
}
