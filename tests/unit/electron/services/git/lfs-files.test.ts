// Which files Git LFS stores, as git decides it: .gitattributes patterns (basename patterns at any
// depth, anchored paths, **), nested attribute files, the last matching line winning, and an LFS
// pointer already committed even where no attribute says so.
import { afterEach, describe, expect, it } from 'vitest'
import { attributePattern, lfsPaths } from '../../../../../electron/services/git/lfs-files.ts'
import { withRepository } from '../../../../../electron/services/git/repository.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder
afterEach(async () => repo?.cleanup())

describe('attributePattern', () => {
  it.each([
    ['*.psd', 'art/logo.psd', true],
    ['*.psd', 'art/logo.psd.txt', false],
    ['/big.bin', 'big.bin', true],
    ['/big.bin', 'sub/big.bin', false],
    ['assets/**', 'assets/a/b.png', true],
    ['**/fixtures/*.zip', 'test/fixtures/data.zip', true],
    ['**/fixtures/*.zip', 'fixtures/data.zip', true],
    ['data/*.csv', 'data/deep/x.csv', false],
    ['file?.bin', 'file1.bin', true],
    ['[ab].dat', 'b.dat', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    const regex = attributePattern(pattern)
    const subject = pattern.includes('/') ? path : path.split('/').at(-1)!
    expect(regex.test(subject)).toBe(expected)
  })
})

describe('lfsPaths', () => {
  it('follows nested .gitattributes, later lines overriding earlier ones, and committed pointers', async () => {
    repo = await buildRepo()
    await repo.files({
      '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\nmodels/** filter=lfs\n',
      'vendor/.gitattributes': '*.bin -filter\n',
      'old/blob.dat': 'version https://git-lfs.github.com/spec/v1\noid sha256:abcd\nsize 10\n',
      'README.md': '# r\n',
    })
    const tree = (await repo.commit('lfs')) && (await repo.objectId('HEAD^{tree}'))
    const found = await withRepository(repo.dir, (handle) =>
      lfsPaths(handle, ['a.bin', 'vendor/x.bin', 'models/m/weights', 'old/blob.dat', 'README.md', 'src/app.ts'], tree),
    )
    expect(found).toEqual(['a.bin', 'models/m/weights', 'old/blob.dat'])
  })
})
