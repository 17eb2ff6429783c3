// Cuts highlighted snippets for a search hit: for each field that matched, a short stretch of text
// around the first match, with the offsets of every matched word inside it. Pure.
import type { JournalSnippet } from '../../../shared/models/journal.ts'
import type { SearchField } from './index-entry.ts'

const RADIUS = 70

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * `terms` are the index terms that matched (lower case, possibly longer than what was typed when a
 * prefix matched); words starting with any of them are highlighted.
 */
export function snippetsFor(
  text: Readonly<Record<SearchField, string>>,
  matches: ReadonlyMap<SearchField, readonly string[]>,
  maxSnippets = 3,
): JournalSnippet[] {
  const snippets: JournalSnippet[] = []
  for (const [field, terms] of matches) {
    if (snippets.length >= maxSnippets) break
    const snippet = snippetOf(field, text[field], terms)
    if (snippet) snippets.push(snippet)
  }
  return snippets
}

export function snippetOf(field: SearchField, source: string, terms: readonly string[]): JournalSnippet | null {
  if (!source || terms.length === 0) return null
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'giu')
  const first = pattern.exec(source)
  if (!first) return null
  let start = Math.max(0, first.index - RADIUS)
  let end = Math.min(source.length, first.index + first[0].length + RADIUS)
  // Start and end on word boundaries so the snippet does not open mid-word.
  if (start > 0) start = source.indexOf(' ', start) + 1 || start
  if (end < source.length) end = source.lastIndexOf(' ', end) > first.index ? source.lastIndexOf(' ', end) : end
  const raw = source.slice(start, end)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < source.length ? '…' : ''
  // Newlines become spaces (same length) so the offsets still line up.
  const text = `${prefix}${raw.replace(/\s/g, ' ')}${suffix}`
  const highlights: (readonly [number, number])[] = []
  pattern.lastIndex = 0
  for (const match of raw.matchAll(pattern)) {
    const at = (match.index ?? 0) + prefix.length
    highlights.push([at, at + match[0].length])
  }
  return { field, text, highlights }
}
