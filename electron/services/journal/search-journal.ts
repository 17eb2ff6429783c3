// Full-text search over the index, turned into hits with highlighted snippets. Pure over the index.
import type { JournalFilter, JournalSearchResult } from '../../../shared/models/journal.ts'
import type { SearchField } from './index-entry.ts'
import type { JournalIndex } from './journal-index.ts'
import { snippetsFor } from './search-snippets.ts'

export function searchJournal(index: JournalIndex, query: string, filter: JournalFilter, limit: number): JournalSearchResult {
  const found = index.query(query, filter)
  const hits = found.slice(0, limit).map(({ entry, result }) => {
    const byField = new Map<SearchField, string[]>()
    for (const [term, fields] of Object.entries(result.match)) {
      for (const field of fields as SearchField[]) byField.set(field, [...(byField.get(field) ?? []), term])
    }
    // Typed words also highlight where the index matched a longer word (prefix search).
    for (const terms of byField.values()) for (const typed of result.queryTerms) if (!terms.includes(typed)) terms.push(typed)
    return { entry: entry.summary, score: Math.round(result.score * 1000) / 1000, snippets: snippetsFor(entry.text, byField) }
  })
  return { hits, total: found.length, problemCount: index.problemList().length }
}
