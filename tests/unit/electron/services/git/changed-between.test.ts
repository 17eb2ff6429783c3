// Whether a path differs between two commits, by the ids their trees hold, against a repository built
// by git itself: a file never in either commit cannot be told, a folder whose contents changed did.
import { afterEach, describe, expect, it } from 'vitest'
import { fileChangedBetween } from '../../../../../electron/services/git/changed-between.ts'
import { withRepository } from '../../../../../electron/services/git/repository.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder | undefined
afterEach(async () => repo?.cleanup())

describe('fileChangedBetween', () => {
  it('tells changed, unchanged, and a path neither commit has (unknowable, not unchanged)', async () => {
    repo = await buildRepo()
    await repo.files({ 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'README.md': '# r\n' })
    const first = await repo.commit('first')
    await repo.write('src/a.ts', 'a2\n')
    await repo.remove('README.md')
    const second = await repo.commit('second')
    await withRepository(repo.dir, async (handle) => {
      expect(await fileChangedBetween(handle, 'src/a.ts', first, second)).toBe(true)
      expect(await fileChangedBetween(handle, 'src/b.ts', first, second)).toBe(false)
      expect(await fileChangedBetween(handle, 'README.md', first, second)).toBe(true)
      expect(await fileChangedBetween(handle, 'src/nope.ts', first, second)).toBeNull()
      expect(await fileChangedBetween(handle, 'src', first, second)).toBe(true)
      expect(await fileChangedBetween(handle, 'src/a.ts', first, 'f'.repeat(40))).toBeNull()
    })
  })
})
