import { describe, expect, it } from 'vitest'
import { repoOfWeek, repoRotation } from '../../../../../electron/services/sessions/repo-rotation.ts'
import type { Session } from '../../../../../shared/models/sessions.ts'
import { session } from '../../../../fixtures/renderer-views.ts'

const repos = [
  { id: 'c', name: 'c', path: '/c', addedAt: '2026-01-03T00:00:00Z' },
  { id: 'a', name: 'a', path: '/a', addedAt: '2026-01-01T00:00:00Z' },
  { id: 'gone', name: 'gone', path: '/gone', addedAt: '2026-01-01T12:00:00Z', removed: true },
  { id: 'b', name: 'b', path: '/b', addedAt: '2026-01-02T00:00:00Z' },
]

function visit(repoId: string, createdAt: string, status: Session['status'] = 'finished', programmeWeek = 1): Session {
  const base = session(`s-${repoId}-${createdAt}`, { createdAt, status, programmeWeek })
  return { ...base, repo: { id: repoId, name: repoId, path: `/${repoId}`, commit: null } }
}

describe('repoRotation', () => {
  it('puts never-visited repositories first in the order added, then the oldest last visit; never a removed one', () => {
    expect(repoRotation(repos, []).map((repo) => repo.id)).toEqual(['a', 'b', 'c'])
    const visits = [visit('a', '2026-02-01T09:00:00Z'), visit('c', '2026-01-20T09:00:00Z'), visit('a', '2026-01-10T09:00:00Z')]
    expect(repoRotation(repos, visits).map((repo) => [repo.id, repo.lastVisitedAt])).toEqual([
      ['b', null],
      ['c', '2026-01-20T09:00:00Z'],
      ['a', '2026-02-01T09:00:00Z'],
    ])
  })

  it('does not move on for an abandoned hour; a week keeps the repository of its hour', () => {
    const abandoned = [visit('a', '2026-02-01T09:00:00Z', 'abandoned')]
    const rotation = repoRotation(repos, abandoned)
    expect(rotation[0]?.id).toBe('a')
    expect(repoOfWeek(1, rotation, abandoned)?.id).toBe('a')
    const held = [visit('c', '2026-02-01T09:00:00Z', 'active', 4)]
    expect(repoOfWeek(4, repoRotation(repos, held), held)?.id).toBe('c')
    expect(repoOfWeek(5, repoRotation(repos, held), held)?.id).toBe('a')
  })
})
