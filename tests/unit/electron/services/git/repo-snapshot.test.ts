// One revision per call against a repository built by git itself: a path the snapshot holds clean is
// read at its commit whatever the working tree holds later; a dirty one, or one the commit lacks, from
// the working tree; and snapshotNow finds as dirty exactly the paths git status calls modified.
import { afterEach, describe, expect, it } from 'vitest'
import { readInSnapshot, revisionLabel, snapshotNow } from '../../../../../electron/services/git/repo-snapshot.ts'
import { withRepository } from '../../../../../electron/services/git/repository.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder | undefined
afterEach(async () => repo?.cleanup())

const text = (read: Awaited<ReturnType<typeof readInSnapshot>>) => (read?.kind === 'file' ? new TextDecoder().decode(read.content) : read)

describe('RepoSnapshot', () => {
  it('reads clean paths at the commit and dirty or new ones from the working tree, and says which', async () => {
    repo = await buildRepo()
    await repo.files({ 'src/a.ts': 'a1\n', 'src/b.ts': 'b1\n', 'README.md': '# r\n' })
    const commit = await repo.commit('first')
    await repo.write('src/a.ts', 'a2\n')
    await repo.files({ 'src/new.ts': 'new\n' })
    await withRepository(repo.dir, async (handle) => {
      const snapshot = await snapshotNow(handle, ['src/a.ts', 'src/b.ts', 'README.md', 'src/new.ts'])
      expect(snapshot.commit).toBe(commit)
      expect([...snapshot.dirty].sort()).toEqual(['src/a.ts', 'src/new.ts'])
      // An edit after the snapshot does not change what a clean path reads.
      await repo!.write('src/b.ts', 'b2\n')
      const read = (path: string) => readInSnapshot(handle, snapshot, path, repo!.path(path))
      expect(await read('src/b.ts')).toMatchObject({ side: 'commit' })
      expect(text(await read('src/b.ts'))).toBe('b1\n')
      expect(await read('src/a.ts')).toMatchObject({ side: 'working tree' })
      expect(text(await read('src/a.ts'))).toBe('a2\n')
      expect(text(await read('src/new.ts'))).toBe('new\n')
      expect(await read('src')).toEqual({ kind: 'folder', side: 'commit' })
      expect(await read('src/none.ts')).toBeNull()
    })
    expect(revisionLabel(commit, 'commit')).toBe(commit.slice(0, 12))
    expect(revisionLabel(commit, 'working tree')).toBe(`${commit.slice(0, 12)} + working tree`)
    expect(revisionLabel(null, 'working tree')).toBe('working tree')
  })

  it('finds dirty what git status calls modified or deleted, a link by its target', async () => {
    repo = await buildRepo()
    await repo.files({ 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n' })
    await repo.symlink('link', 'a.txt')
    await repo.commit('first')
    await repo.write('a.txt', 'changed\n')
    await repo.remove('b.txt')
    await repo.remove('link')
    await repo.symlink('link', 'c.txt')
    const status = (await repo.git(['status', '--porcelain']))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3))
      .sort()
    const snapshot = await withRepository(repo.dir, (handle) => snapshotNow(handle, ['a.txt', 'b.txt', 'c.txt', 'link']))
    expect([...snapshot.dirty].sort()).toEqual(status)
  })
})
