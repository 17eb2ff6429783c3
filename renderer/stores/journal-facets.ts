// What the journal filters can offer, from the entries themselves: repositories, themes and friction
// tags that occur, each with how many sessions have it. Pure (no bridge), so it is unit tested.
import type { JournalEntrySummary } from '../../shared/models/journal.ts'

export interface JournalFacet {
  readonly id: string
  readonly label: string
  readonly count: number
}

export interface JournalFacets {
  readonly repositories: readonly JournalFacet[]
  readonly themes: readonly JournalFacet[]
  readonly tags: readonly JournalFacet[]
}

export function journalFacets(entries: readonly JournalEntrySummary[]): JournalFacets {
  const repositories = new Map<string, { label: string; count: number }>()
  const themes = new Map<string, { label: string; count: number }>()
  const tags = new Map<string, { label: string; count: number }>()
  const bump = (map: Map<string, { label: string; count: number }>, id: string, label: string): void => {
    const current = map.get(id)
    // Entries come newest first: the newest name of a renamed repository wins.
    map.set(id, { label: current?.label ?? label, count: (current?.count ?? 0) + 1 })
  }
  for (const entry of entries) {
    bump(repositories, entry.repository.id, entry.repository.name)
    bump(themes, entry.theme.id, entry.theme.title)
    for (const tag of entry.frictionTags) bump(tags, tag, tag)
  }
  const sorted = (map: Map<string, { label: string; count: number }>): JournalFacet[] =>
    [...map.entries()].map(([id, value]) => ({ id, ...value })).sort((a, b) => a.label.localeCompare(b.label))
  return { repositories: sorted(repositories), themes: sorted(themes), tags: sorted(tags) }
}
