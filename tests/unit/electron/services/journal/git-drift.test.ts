import { afterEach, describe, expect, it } from 'vitest'
import { openRepositoryForDrift } from '../../../../../electron/services/journal/git-drift.ts'
import { buildRepo, shallowClone, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'
import { buildSessionRecord } from './fixtures/build-session-record.ts'
import { createHarness, type Harness } from './fixtures/journal-harness.ts'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step()
})

async function repoWithHistory(): Promise<{ repo: RepoBuilder; first: string }> {
  const repo = await buildRepo()
  cleanup.push(() => repo.cleanup())
  await repo.files({ 'src/http/router.ts': 'export const routes = []\n', 'src/ledger/post.ts': 'export function post() {}\n', 'README.md': '# Payments\n' })
  const first = await repo.commit('Start')
  await repo.write('src/http/router.ts', 'export const routes = ["/pay"]\n')
  await repo.remove('README.md')
  await repo.commit('Add a route, drop the README')
  return { repo, first }
}

async function harness(): Promise<Harness> {
  const h = await createHarness({ openRepository: openRepositoryForDrift })
  cleanup.push(() => h.dispose())
  return h
}

describe('journal drift through git', () => {
  it('counts the cited files whose blobs differ between the session commit and HEAD', async () => {
    const { repo, first } = await repoWithHistory()
    const h = await harness()
    await h.service.saveSession(buildSessionRecord({ repository: { id: 'r', name: 'Payments', path: repo.dir, commit: first } }))
    const view = await h.service.drift({ id: 'session-0001' }, h.ctx)
    expect(view.state).toBe('known')
    if (view.state !== 'known') return
    expect(view.headCommit).toBe(await repo.head())
    expect(view.drift.files).toEqual([
      { path: 'src/http/router.ts', changed: true },
      { path: 'src/ledger/post.ts', changed: false },
      { path: 'README.md', changed: true },
    ])
    expect(view.drift.summary).toBe('2 of the 3 cited files changed since this session.')
  })

  it('finds the repository where the repos domain says it is now', async () => {
    const { repo, first } = await repoWithHistory()
    const h = await createHarness({ openRepository: openRepositoryForDrift, repositoryPathOf: async (id) => (id === 'r' ? repo.dir : undefined) })
    cleanup.push(() => h.dispose())
    await h.service.saveSession(buildSessionRecord({ repository: { id: 'r', name: 'Payments', path: '/nowhere/old-place', commit: first } }))
    const view = await h.service.drift({ id: 'session-0001' }, h.ctx)
    expect(view).toMatchObject({ state: 'known', repositoryPath: repo.dir })
  })

  it('answers unknown, with a reason, for a repository that is gone or lacks the commit', async () => {
    const { repo, first } = await repoWithHistory()
    const h = await harness()
    await h.service.saveSession(buildSessionRecord({ id: 'gone', repository: { id: 'r', name: 'P', path: '/nowhere/at/all', commit: first } }))
    await h.service.saveSession(
      buildSessionRecord({ id: 'lost', repository: { id: 'r', name: 'P', path: repo.dir, commit: 'f'.repeat(40) } }),
    )
    expect(await h.service.drift({ id: 'gone' }, h.ctx)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('no longer at') })
    expect(await h.service.drift({ id: 'lost' }, h.ctx)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('ffffffffff') })

    const shallow = await shallowClone(repo, 1)
    cleanup.push(() => shallow.cleanup())
    await h.service.saveSession(buildSessionRecord({ id: 'shallow', repository: { id: 's', name: 'P', path: shallow.dir, commit: first } }))
    expect(await h.service.drift({ id: 'shallow' }, h.ctx)).toMatchObject({ state: 'unknown' })
  })

  it('says so when the service has no git port', async () => {
    const h = await createHarness()
    cleanup.push(() => h.dispose())
    await h.service.saveSession(buildSessionRecord())
    expect(await h.service.drift({ id: 'session-0001' }, h.ctx)).toMatchObject({ state: 'unknown' })
  })

  it('treats a file absent at both commits as unknowable, not unchanged', async () => {
    const { repo, first } = await repoWithHistory()
    const opened = await openRepositoryForDrift(repo.dir, first)
    expect(opened.ok).toBe(true)
    if (!opened.ok) return
    expect(await opened.changed('src/nope.ts', first, opened.head)).toBeNull()
    expect(await opened.changed('src', first, opened.head)).toBe(true)
  })
})

