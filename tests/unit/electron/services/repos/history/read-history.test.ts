import { afterEach, describe, expect, it } from 'vitest'
import { readHistory, type CommitRecord } from '../../../../../../electron/services/repos/history/read-history.ts'
import { openRepository } from '../../../../../../electron/services/git/history-reads.ts'
import { buildRepo, type RepoBuilder } from '../../../../../fixtures/repo-builder.ts'
import { runBounded } from '../../../../../fixtures/bounded-run.ts'

const cleanups: RepoBuilder[] = []
afterEach(async () => {
  for (const repo of cleanups.splice(0)) await repo.cleanup()
})

/** Adds, edits, deletes, a mode change, a file that becomes a folder, a non-ASCII name, a merge. */
async function busyRepo(): Promise<RepoBuilder> {
  const repo = await buildRepo()
  cleanups.push(repo)
  await repo.files({ 'README.md': '# r\n', 'src/a.ts': 'a\n', 'src/lib/b.ts': 'b\n', 'docs/x': 'x\n', 'tool.sh': 'echo\n' })
  // Names that sort differently as files and as folders in git's tree order ('-' < '.' < '/').
  await repo.files({ 'lib/foo-bar.ts': '1\n', 'lib/foo.txt': '1\n', 'lib/foo/x.ts': '1\n', 'lib/foo0': '1\n' })
  await repo.commit('init')
  await repo.files({ 'lib/foo-bar.ts': '2\n', 'lib/foo/x.ts': '2\n', 'lib/foo0': '2\n' })
  await repo.commit('names that sort around a folder')
  for (let c = 0; c < 12; c++) {
    await repo.write(`src/lib/n${c % 3}/c.ts`, `c${c}\n`)
    if (c % 4 === 0) await repo.write('src/a.ts', `a${c}\n`)
    await repo.commit(`edit ${c}`)
  }
  await repo.chmod('tool.sh', 0o755)
  await repo.commit('make executable')
  await repo.remove('docs/x')
  await repo.write('docs/x/inside.md', 'now a folder\n')
  await repo.write('src/ünïcode ñame.ts', 'u\n')
  await repo.commit('file becomes folder')
  await repo.branch('side')
  await repo.write('src/side.ts', 'side\n')
  await repo.commit('on the side')
  await repo.checkout('main')
  await repo.write('src/main-only.ts', 'm\n')
  await repo.commit('on main')
  await repo.git(['merge', '-q', '--no-ff', '-m', 'merge side', 'side'], {
    GIT_AUTHOR_DATE: '2024-03-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2024-03-01T00:00:00Z',
  })
  await repo.remove('src/lib/b.ts')
  await repo.commit('delete b')
  return repo
}

/** Commits per path over the newest `limit` commits, as `git log --name-only` counts them. */
async function gitChurn(repo: RepoBuilder, limit: number): Promise<{ commits: string[]; churn: Map<string, number> }> {
  const out = await repo.git(['-c', 'core.quotepath=off', 'log', '--no-renames', '--name-only', '--format=@%H', '-n', String(limit)])
  const commits: string[] = []
  const churn = new Map<string, number>()
  for (const line of out.split('\n')) {
    if (line.startsWith('@')) commits.push(line.slice(1))
    else if (line !== '') churn.set(line, (churn.get(line) ?? 0) + 1)
  }
  return { commits, churn }
}

function ourChurn(commits: readonly CommitRecord[]): Map<string, number> {
  const churn = new Map<string, number>()
  for (const commit of commits) for (const path of commit.paths) churn.set(path, (churn.get(path) ?? 0) + 1)
  return churn
}

async function read(repo: RepoBuilder, limit: number) {
  const handle = await openRepository(repo.dir)
  try {
    return await readHistory({ repo: handle, head: await repo.head(), limit, known: new Map(), shallow: new Set() })
  } finally {
    handle.close()
  }
}

describe('readHistory', () => {
  it('reads the same commits and per-file churn as git log --name-only (loose objects)', async () => {
    const repo = await busyRepo()
    const expected = await gitChurn(repo, 1000)
    const history = await read(repo, 1000)
    expect(history.commits.map((c) => c.oid)).toEqual(expected.commits)
    expect(ourChurn(history.commits)).toEqual(expected.churn)
    expect(history.skipped).toEqual([])
  })

  it('matches git on a packed repository, and within a window of the newest commits', async () => {
    const repo = await busyRepo()
    await repo.git(['repack', '-a', '-d', '-f', '-q', '--depth=50'])
    for (const limit of [5, 12, 1000]) {
      const expected = await gitChurn(repo, limit)
      const history = await read(repo, limit)
      expect(history.commits.map((c) => c.oid)).toEqual(expected.commits)
      expect(ourChurn(history.commits)).toEqual(expected.churn)
    }
  })

  it('lists a mode change and both sides of a file that became a folder', async () => {
    const repo = await busyRepo()
    const history = await read(repo, 1000)
    expect(history.commits.find((c) => c.message === 'make executable')?.paths).toEqual(['tool.sh'])
    expect(history.commits.find((c) => c.message === 'file becomes folder')?.paths).toEqual(
      expect.arrayContaining(['docs/x', 'docs/x/inside.md', 'src/ünïcode ñame.ts']),
    )
    expect(history.commits.find((c) => c.message === 'merge side')?.paths).toEqual([])
  })

  it('reports a missing tree as skipped and still reads the rest', async () => {
    const repo = await busyRepo()
    const tree = await repo.objectId('HEAD~3:src/lib')
    await repo.deleteObject(tree)
    const history = await read(repo, 1000)
    // `git log` stops at the missing tree; the commit list itself is still whole.
    expect(history.commits.map((c) => c.oid).join('\n')).toBe((await repo.git(['rev-list', 'HEAD'])).trim())
    expect(history.skipped.map((s) => s.path)).toContain(tree)
  })
})

describe('readHistory on tree order', () => {
  it('finds changes next to a folder whose name prefixes file names', async () => {
    const repo = await busyRepo()
    const history = await read(repo, 1000)
    expect(history.commits.find((c) => c.message === 'names that sort around a folder')?.paths.toSorted()).toEqual([
      'lib/foo-bar.ts',
      'lib/foo/x.ts',
      'lib/foo0',
    ])
  })

  it('reads each commit of random commit graphs once (merges, criss-cross, equal times), within the limit', async () => {
    const probe = new URL('../../../../../fixtures/graph-properties.ts', import.meta.url)
    await expect(runBounded(probe, 'checkHistoryWalk', [20], 60_000)).resolves.toBe(20)
  }, 70_000)
})
