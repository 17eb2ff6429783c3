import { describe, expect, it } from 'vitest'
import type { RepoProblem } from '../../../../shared/models/repos.ts'
import { citedRepository } from '../../../../renderer/stores/cited-repository.ts'

const repo = (id: string, path: string, problem: RepoProblem | null = null) => ({ id, path, problem })
const recorded = { id: 'repo-payments', path: '/work/payments' }

describe('citedRepository', () => {
  it('opens citations in the listed repository with the session’s id', () => {
    expect(citedRepository(recorded, [repo('other', '/work/other'), repo('repo-payments', '/moved/payments')])).toEqual({
      state: 'available',
      repoId: 'repo-payments',
    })
  })

  it('falls back to the repository listed at the recorded path (added again under a new id)', () => {
    expect(citedRepository(recorded, [repo('new-id', '/work/payments/')])).toEqual({ state: 'available', repoId: 'new-id' })
  })

  it('reports the repository as gone when it is not listed, naming where it was', () => {
    const result = citedRepository(recorded, [repo('other', '/work/other')])
    expect(result.state).toBe('gone')
    expect(result.state === 'gone' && result.note).toContain('/work/payments')
  })

  it('reports the repository as gone when its folder no longer exists', () => {
    const problem: RepoProblem = { code: 'missing', message: 'The folder no longer exists.' }
    expect(citedRepository(recorded, [repo('repo-payments', '/work/payments', problem)])).toEqual({
      state: 'gone',
      note: 'The cited files can’t be opened: The folder no longer exists.',
    })
  })

  it('still opens a repository whose problem does not stop reading files (a shallow clone)', () => {
    const problem: RepoProblem = { code: 'shallow', message: 'This is a shallow clone.' }
    expect(citedRepository(recorded, [repo('repo-payments', '/work/payments', problem)])).toEqual({
      state: 'available',
      repoId: 'repo-payments',
    })
  })
})
