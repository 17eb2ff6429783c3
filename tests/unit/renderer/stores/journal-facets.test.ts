import { describe, expect, it } from 'vitest'
import type { JournalEntrySummary } from '../../../../shared/models/journal.ts'
import { journalFacets } from '../../../../renderer/stores/journal-facets.ts'

function entry(id: string, repo: [string, string], theme: [string, string], tags: string[]): JournalEntrySummary {
  return {
    id,
    fileName: `${id}.md`,
    date: '2026-11-24',
    startedAt: '2026-11-24T09:00:00Z',
    week: 1,
    isoWeek: '2026-W48',
    theme: { id: theme[0], title: theme[1] },
    repository: { id: repo[0], name: repo[1], commit: 'a'.repeat(40) },
    frictionTags: tags,
    effort: { estimateMinutes: null, actualMinutes: null },
    totalMinutes: 60,
    costUsd: 0,
    openQuestions: 0,
    hasDiagram: false,
    hasChange: false,
    excerpt: '',
  }
}

describe('journalFacets', () => {
  it('offers each repository, theme and tag once with its count, the newest name of a renamed repository winning', () => {
    const facets = journalFacets([
      entry('a', ['r1', 'Payments API'], ['t1', 'Walk'], ['slow-tests', 'flaky-ci']),
      entry('b', ['r1', 'payments (old name)'], ['t2', 'Deploy'], ['slow-tests']),
      entry('c', ['r2', 'Web Shop'], ['t1', 'Walk'], []),
    ])
    expect(facets.repositories).toEqual([
      { id: 'r1', label: 'Payments API', count: 2 },
      { id: 'r2', label: 'Web Shop', count: 1 },
    ])
    expect(facets.themes.map((facet) => [facet.label, facet.count])).toEqual([
      ['Deploy', 1],
      ['Walk', 2],
    ])
    expect(facets.tags.map((facet) => [facet.id, facet.count])).toEqual([
      ['flaky-ci', 1],
      ['slow-tests', 2],
    ])
  })
})
