// Where the leader has been is counted per hour from what each session kept: files opened in the
// viewer, cited by the walkthrough (Claude's, even when the offline tour was kept) and changed by the
// diff; only this repository's hours, abandoned ones left out.
import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { DEFAULT_TIMEBOXES, type Session } from '../../../../../shared/models/sessions.ts'
import { withStepPayload } from '../../../../fixtures/session-steps.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'
import { repoVisits, withViewed } from '../../../../../electron/services/sessions/visits.ts'

const hour = (id: string, repoId: string, day: number): Session =>
  newSession({
    id,
    programmeWeek: day,
    week: defaultCurriculum().weeks[0]!,
    repo: { id: repoId, name: repoId, path: `/${repoId}`, commit: null },
    timeboxes: DEFAULT_TIMEBOXES,
    offline: false,
    now: new Date(Date.UTC(2026, 2, day, 9)),
  })

const diff = [
  'diff --git a/src/billing/invoice.ts b/src/billing/invoice.ts',
  '--- a/src/billing/invoice.ts',
  '+++ b/src/billing/invoice.ts',
  '@@ -1,1 +1,1 @@',
  '-a',
  '+b',
  '',
].join('\n')

describe('withViewed', () => {
  it('lists each opened file once, in the order first opened', () => {
    const once = withViewed(hour('session-aaaa', 'r', 1), 'src/a.ts')!
    expect(withViewed(once, 'src/a.ts')).toBeNull()
    expect(withViewed(once, './src/b.ts')!.steps.explore.payload.viewed).toEqual(['src/a.ts', 'src/b.ts'])
  })
})

describe('repoVisits', () => {
  it('counts read, cited and changed per hour, for this repository only', () => {
    let first = withViewed(hour('session-aaaa', 'r', 2), 'src/api/routes.ts')!
    first = withStepPayload(first, 'explore', {
      citations: [],
      coach: { markdown: 'x', citations: [{ path: 'src/api/routes.ts', line: 3 }, { path: 'src/db/schema.ts' }] },
    })
    const second = withStepPayload(withViewed(hour('session-bbbb', 'r', 9), 'src/api/routes.ts')!, 'change', { diff })
    const elsewhere = withViewed(hour('session-cccc', 'other', 5), 'src/api/routes.ts')!
    const abandoned = { ...withViewed(hour('session-dddd', 'r', 6), 'src/secret.ts')!, status: 'abandoned' as const }
    const visits = repoVisits([first, second, elsewhere, abandoned], 'r')
    expect(visits).toMatchObject({ repoId: 'r', hours: 2, from: '2026-03-02', to: '2026-03-09', truncated: false })
    expect(visits.paths).toEqual([
      { path: 'src/api/routes.ts', read: 2, cited: 1, changed: 0 },
      { path: 'src/billing/invoice.ts', read: 0, cited: 0, changed: 1 },
      { path: 'src/db/schema.ts', read: 0, cited: 1, changed: 0 },
    ])
  })

  it('reads at most a few megabytes of diffs across all hours, newest first, and says when it stopped', () => {
    const big = (file: string) => `${diff.replaceAll('src/billing/invoice.ts', file)}${'+x\n'.repeat(160_000)}`
    const hours = Array.from({ length: 12 }, (_, index) =>
      withStepPayload(hour(`session-${String(index).padStart(4, '0')}`, 'r', index + 1), 'change', { diff: big(`src/m${index}.ts`) }),
    )
    const visits = repoVisits(hours, 'r')
    expect(visits.truncated).toBe(true)
    const changed = visits.paths.filter((visit) => visit.changed > 0).map((visit) => visit.path)
    // The newest hours' changes are counted; the oldest ones past the budget are not.
    expect(changed).toContain('src/m11.ts')
    expect(changed).not.toContain('src/m0.ts')
  })
})
