import { describe, expect, it } from 'vitest'
import { parseCommit } from '../../../../../electron/services/git/parse-commit.ts'

const tree = 'a'.repeat(40)
const parent = 'b'.repeat(40)

describe('parseCommit', () => {
  it('reads tree, parents, people and message, skipping a signature block', () => {
    const raw = [
      `tree ${tree}`,
      `parent ${parent}`,
      `parent ${'c'.repeat(40)}`,
      'author Ada Lovelace <ada@example.com> 1600000000 +0100',
      'committer Bob <bob@example.com> 1600000600 -0500',
      'gpgsig -----BEGIN PGP SIGNATURE-----',
      ' ',
      ' iQEzBAABCAAdFiEE',
      ' -----END PGP SIGNATURE-----',
      '',
      'Fix the pool size',
      '',
      'Longer body.',
    ].join('\n')
    const commit = parseCommit(Buffer.from(raw))
    expect(commit).toEqual({
      tree,
      parents: [parent, 'c'.repeat(40)],
      author: { name: 'Ada Lovelace', email: 'ada@example.com', timestamp: 1600000000 },
      committer: { name: 'Bob', email: 'bob@example.com', timestamp: 1600000600 },
      message: 'Fix the pool size\n\nLonger body.',
    })
  })

  it('throws on an object without a tree', () => {
    expect(() => parseCommit(Buffer.from('author A <a@b> 1 +0000\n\nmsg'))).toThrow()
  })
})
