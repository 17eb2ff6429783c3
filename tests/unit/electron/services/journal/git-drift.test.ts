import { afterEach, describe, expect, it } from 'vitest'
import { readDriftFromGit } from '../../../../../electron/services/journal/git-drift.ts'
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
  await repo.files({
    'src/http/router.ts': 'export const routes = []\n',
    'src/ledger/post.ts': 'export function post() {}\n',
    'README.md': '# Payments\n',
  })
  const first = await repo.commit('Start')
  await repo.write('src/http/router.ts', 'export const routes = ["/pay"]\n')
  await repo.remove('README.md')
  await repo.commit('Add a route, drop the README')
  return { repo, first }
}

async function harness(): Promise<Harness> {
  const h = await createHarness({ readDrift: readDriftFromGit })
  cleanup.push(() => h.dispose())
  return h
}

describe('journal drift through git', () => {
  it('counts the cited files whose blobs differ between the session commit and HEAD', async () => {
    const { repo, first } = await repoWithHistory()
    const h = await harness()
    await h.service.saveSession(buildSessionRecord({ repository: { id: 'r', name: 'Payments', path: repo.dir, commit: first } }))
    const view = await h.service.drift({ id: 'session-0001' }, h.signal)
    expect(view.state).toBe('known')
    if (view.state !== 'known') return
    expect(view.headCommit).toBe(await repo.head())
    expect(view.drift.files).toEqual([
      { path: 'src/http/router.ts', changed: true },
      { path: 'src/ledger/post.ts', changed: false },
      { path: 'README.md', changed: true },
    ])
    // The fixture cites lines these one-line files never had: those cannot be followed; the deleted README vanished.
    expect(view.drift.summary).toBe('Of the 3 cited places, 1 vanished since this session. 2 could not be checked.')
  })

  it('re-anchors each citation by content: lines that moved, were edited, vanished, or went with a renamed file', async () => {
    const repo = await buildRepo()
    cleanup.push(() => repo.cleanup())
    const ledger = [
      '// Posts a payment to the ledger.',
      '',
      'export const entries: number[] = []',
      '',
      'export function post(amount: number) {',
      '  entries.push(amount)',
      '}',
      '',
      'export function refund(amount: number) {',
      '  entries.push(-amount)',
      '}',
      '',
    ]
    const router = [
      '// Routes requests.',
      "import { post } from '../ledger/post.ts'",
      '',
      'export const routes = {',
      "  '/pay': post,",
      '}',
      '',
    ]
    await repo.files({ 'src/ledger/post.ts': ledger.join('\n'), 'src/http/router.ts': router.join('\n'), 'README.md': '# Payments\n' })
    const first = await repo.commit('Start')
    const edited = [
      '// Posts a payment to the ledger.',
      '// Amounts are in cents.',
      '',
      'export const entries: number[] = []',
      '',
      'export function post(amount: number) {',
      '  entries.push(Math.round(amount))',
      '}',
      '',
    ]
    await repo.write('src/ledger/post.ts', edited.join('\n'))
    await repo.git(['mv', 'src/http/router.ts', 'src/http/routes.ts'])
    await repo.write(
      'src/http/routes.ts',
      [
        '// Routes requests to handlers.',
        "import { post } from '../ledger/post.ts'",
        '',
        'export const routes = {',
        "  '/pay': post,",
        '}',
        '',
      ].join('\n'),
    )
    await repo.commit('Cents, no refunds, routes.ts')
    const h = await harness()
    const citations = [
      { path: 'src/ledger/post.ts', line: 3 },
      { path: 'src/ledger/post.ts', line: 5, endLine: 7 },
      { path: 'src/ledger/post.ts', line: 9, endLine: 11 },
      { path: 'src/http/router.ts', line: 4, endLine: 6 },
      { path: 'README.md', line: 1 },
    ]
    const record = buildSessionRecord({ repository: { id: 'r', name: 'Payments', path: repo.dir, commit: first } })
    await h.service.saveSession({ ...record, walkthrough: { markdown: 'See `src/ledger/post.ts:5`.', citations } })
    const view = await h.service.drift({ id: 'session-0001' }, h.signal)
    if (view.state !== 'known') throw new Error(view.reason)
    expect(view.drift.anchors).toEqual([
      { path: 'src/ledger/post.ts', line: 3, endLine: 3, status: 'moved', now: { path: 'src/ledger/post.ts', line: 4, endLine: 4 } },
      { path: 'src/ledger/post.ts', line: 5, endLine: 7, status: 'changed', now: { path: 'src/ledger/post.ts', line: 6, endLine: 8 } },
      { path: 'src/ledger/post.ts', line: 9, endLine: 11, status: 'vanished', now: null },
      { path: 'src/http/router.ts', line: 4, endLine: 6, status: 'moved', now: { path: 'src/http/routes.ts', line: 4, endLine: 6 } },
      { path: 'README.md', line: 1, endLine: 1, status: 'unchanged', now: { path: 'README.md', line: 1, endLine: 1 } },
    ])
    expect(view.drift.summary).toBe('Of the 5 cited places, 2 moved, 1 changed and 1 vanished since this session.')
  })

  it('finds the repository where the repos domain says it is now', async () => {
    const { repo, first } = await repoWithHistory()
    const h = await createHarness({
      readDrift: readDriftFromGit,
      repositoryPathOf: async (id) => (id === 'r' ? repo.dir : undefined),
    })
    cleanup.push(() => h.dispose())
    await h.service.saveSession(
      buildSessionRecord({ repository: { id: 'r', name: 'Payments', path: '/nowhere/old-place', commit: first } }),
    )
    const view = await h.service.drift({ id: 'session-0001' }, h.signal)
    expect(view).toMatchObject({ state: 'known', repositoryPath: repo.dir })
  })

  it('answers unknown, with a reason, for a repository that is gone or lacks the commit', async () => {
    const { repo, first } = await repoWithHistory()
    const h = await harness()
    await h.service.saveSession(
      buildSessionRecord({ id: 'gone', repository: { id: 'r', name: 'P', path: '/nowhere/at/all', commit: first } }),
    )
    await h.service.saveSession(
      buildSessionRecord({ id: 'lost', repository: { id: 'r', name: 'P', path: repo.dir, commit: 'f'.repeat(40) } }),
    )
    expect(await h.service.drift({ id: 'gone' }, h.signal)).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('no longer at'),
    })
    expect(await h.service.drift({ id: 'lost' }, h.signal)).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('ffffffffff'),
    })

    const shallow = await shallowClone(repo, 1)
    cleanup.push(() => shallow.cleanup())
    await h.service.saveSession(buildSessionRecord({ id: 'shallow', repository: { id: 's', name: 'P', path: shallow.dir, commit: first } }))
    expect(await h.service.drift({ id: 'shallow' }, h.signal)).toMatchObject({ state: 'unknown' })
  })

  it('says so when the service has no git port', async () => {
    const h = await createHarness()
    cleanup.push(() => h.dispose())
    await h.service.saveSession(buildSessionRecord())
    expect(await h.service.drift({ id: 'session-0001' }, h.signal)).toMatchObject({ state: 'unknown' })
  })
})
