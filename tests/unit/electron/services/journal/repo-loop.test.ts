// A repository's developer loop over the weeks comes from the entries' measured figures alone, with
// the friction tagged there beside it; a week that measured nothing shows nothing, never 0.
import { describe, expect, it } from 'vitest'
import { indexEntryOf } from '../../../../../electron/services/journal/index-entry.ts'
import { repoLoopCards } from '../../../../../electron/services/journal/repo-loop.ts'
import type { JournalSessionRecord } from '../../../../../shared/models/journal.ts'
import { buildSessionRecord } from './fixtures/build-session-record.ts'

const entry = (overrides: Partial<JournalSessionRecord>) => {
  const record = buildSessionRecord(overrides)
  return indexEntryOf(record, { fileName: `${record.id}.md`, mtimeMs: 0, size: 0 })
}
const shop = { ...buildSessionRecord().repository, id: 'shop', name: 'shop' }
const web = { ...buildSessionRecord().repository, id: 'web', name: 'web' }

describe('repoLoopCards', () => {
  const entries = [
    entry({
      id: 'march',
      date: '2026-03-03',
      startedAt: '2026-03-03T09:00:00Z',
      repository: shop,
      frictionTags: ['setup-pain'],
      loop: {
        firstTestRunMinutes: 38,
        firstGreenMinutes: 40,
        suiteSeconds: 95,
        setup: [
          { command: 'npm ci', ok: false, seconds: 20 },
          { command: 'npm ci --legacy-peer-deps', ok: true, seconds: 81 },
        ],
      },
    }),
    entry({ id: 'april', date: '2026-04-07', startedAt: '2026-04-07T09:00:00Z', repository: shop, frictionTags: ['unclear-docs'] }),
    entry({
      id: 'may',
      date: '2026-05-12',
      startedAt: '2026-05-12T09:00:00Z',
      repository: shop,
      frictionTags: ['flaky-ci'],
      loop: { firstTestRunMinutes: 4, firstGreenMinutes: 5, suiteSeconds: 60, flaky: ['cart > totals'] },
    }),
    entry({ id: 'web-1', date: '2026-05-13', startedAt: '2026-05-13T09:00:00Z', repository: web }),
  ]

  it('gives each repository its weeks, oldest first, with the figures measured and the friction tagged', () => {
    const [card, other] = repoLoopCards(entries)
    expect(card).toMatchObject({ repositoryId: 'shop', sessions: 3 })
    expect(card!.weeks).toEqual([
      {
        isoWeek: '2026-W10',
        sessions: 1,
        firstTestRunMinutes: 38,
        firstGreenMinutes: 40,
        suiteSeconds: 95,
        setupSteps: 2,
        setupFailed: 1,
        flaky: [],
        frictionTags: ['setup-pain'],
      },
      {
        isoWeek: '2026-W15',
        sessions: 1,
        firstTestRunMinutes: null,
        firstGreenMinutes: null,
        suiteSeconds: null,
        setupSteps: null,
        setupFailed: null,
        flaky: [],
        frictionTags: ['unclear-docs'],
      },
      {
        isoWeek: '2026-W20',
        sessions: 1,
        firstTestRunMinutes: 4,
        firstGreenMinutes: 5,
        suiteSeconds: 60,
        setupSteps: null,
        setupFailed: null,
        flaky: ['cart > totals'],
        frictionTags: ['flaky-ci'],
      },
    ])
    expect(card!.summary).toBe(
      'Tests first went green 40 min into the change in 2026-W10, and 5 min in 2026-W20. 1 test failed and then passed unchanged on a rerun.',
    )
    expect(other!.summary).toBe('No test run has been measured in this repository yet.')
  })
})
