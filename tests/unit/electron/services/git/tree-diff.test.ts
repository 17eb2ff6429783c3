import { afterEach, describe, expect, it } from 'vitest'
import { GitObjects } from '../../../../../electron/services/git/git-objects.ts'
import { TreeReader, type TreeSource } from '../../../../../electron/services/git/tree-diff.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

const cleanups: RepoBuilder[] = []
afterEach(async () => {
  for (const repo of cleanups.splice(0)) await repo.cleanup()
})

describe('TreeReader', () => {
  it('gives the same paths when some trees come only from the asynchronous fallback', async () => {
    const repo = await buildRepo()
    cleanups.push(repo)
    await repo.files({ 'a/b/c.ts': '1\n', 'a/d.ts': '1\n', 'e.md': '1\n' })
    await repo.commit('one')
    await repo.files({ 'a/b/c.ts': '2\n', 'a/new/f.ts': '1\n', 'e.md': '2\n' })
    await repo.commit('two')
    const before = await repo.objectId('HEAD~1^{tree}')
    const after = await repo.objectId('HEAD^{tree}')
    const objects = new GitObjects(`${repo.dir}/.git`, {})
    try {
      // Every other tree is "unknown" to the fast reader, as in a repository only the fallback can read.
      let calls = 0
      const halfUnknown: TreeSource = {
        rawTree: (oid) => objects.rawTree(oid),
        rawTreeSync: (oid) => (calls++ % 2 === 0 ? undefined : objects.rawTreeSync(oid)),
      }
      const expected = await new TreeReader(objects).diff(before, after, 'utf8', (path) => path)
      expect(expected.toSorted()).toEqual(['a/b/c.ts', 'a/new/f.ts', 'e.md'])
      expect((await new TreeReader(halfUnknown).diff(before, after, 'utf8', (path) => path)).toSorted()).toEqual(expected.toSorted())
    } finally {
      objects.close()
    }
  })
})
