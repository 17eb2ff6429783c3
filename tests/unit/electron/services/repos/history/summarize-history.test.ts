// What the history says about people: one person however many names and addresses they commit under,
// and the bus factor counted over people, not identities; and the summary ends on any commits, paths
// and .mailmap, counting no one for more commits than were read.
import { describe, expect, it } from 'vitest'
import type { CommitRecord } from '../../../../../../electron/services/repos/history/read-history.ts'
import { summarizeHistory } from '../../../../../../electron/services/repos/history/summarize-history.ts'
import { runBounded } from '../../../../../fixtures/bounded-run.ts'

let at = 0
const commit = (author: string, email: string, paths: string[]): CommitRecord => ({
  oid: (++at).toString(16).padStart(40, '0'),
  tree: '0'.repeat(40),
  parents: [],
  author,
  email,
  time: 1_700_000_000 + at * 3600,
  committed: 1_700_000_000 + at * 3600,
  message: 'change',
  paths,
})

describe('summarizeHistory', () => {
  it('counts a person once across their full name, login and GitHub noreply address, so the bus factor follows', () => {
    const commits = [
      ...Array.from({ length: 4 }, () => commit('Grace Hopper', 'ghopper@navy.example', ['src/compiler.c'])),
      ...Array.from({ length: 4 }, () => commit('ghopper', '4512+ghopper@users.noreply.github.com', ['src/compiler.c'])),
      ...Array.from({ length: 2 }, () => commit('alovelace@example.org', 'ada@laptop.localdomain', ['src/engine.c'])),
      ...Array.from({ length: 2 }, () => commit('Ada Lovelace', 'alovelace@example.org', ['src/engine.c'])),
      ...Array.from({ length: 4 }, () => commit('Sam', 'sam@one.example', ['src/parser.c'])),
    ]
    const summary = summarizeHistory(commits, () => 'src', { truncated: false, newlyRead: commits.length, tracked: new Set() })
    expect(summary.contributors).toEqual([
      { name: 'Grace Hopper', email: 'ghopper@navy.example', commits: 8 },
      { name: 'Ada Lovelace', email: 'ada@laptop.localdomain', commits: 4 },
      { name: 'Sam', email: 'sam@one.example', commits: 4 },
    ])
    // Half of the module's commits are one person's (as two identities, two people were needed).
    expect(summary.modules[0]).toMatchObject({ module: 'src', commits: 16, busFactor: 1 })
  })

  it('ends on random commits, paths and .mailmap files', async () => {
    const probe = new URL('../../../../../fixtures/graph-properties.ts', import.meta.url)
    await expect(runBounded(probe, 'checkHistory', [150], 20_000)).resolves.toBe(150)
  })
})

describe('summarizeHistory: recent module churn', () => {
  it('counts, per module, the commits of the 30 days up to the newest one read', () => {
    const day = 86_400
    const dated = (days: number, paths: string[]): CommitRecord => ({
      ...commit('Sam', 'sam@one.example', paths),
      time: 1_800_000_000 - days * day,
    })
    const commits = [dated(0, ['src/billing/a.ts']), dated(10, ['src/billing/b.ts', 'src/api/c.ts']), dated(45, ['src/api/c.ts'])]
    const summary = summarizeHistory(commits, (path) => path.split('/').slice(0, 2).join('/'), {
      truncated: false,
      newlyRead: 3,
      tracked: new Set(),
    })
    expect(summary.recentModuleChurn).toEqual({
      since: new Date((1_800_000_000 - 30 * day) * 1000).toISOString(),
      modules: [
        { module: 'src/billing', commits: 2 },
        { module: 'src/api', commits: 1 },
      ],
    })
    expect(summary.moduleChurn).toContainEqual({ module: 'src/api', commits: 2 })
  })
})
