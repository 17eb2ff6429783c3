// The index read and written byte for byte: indexes git itself wrote (versions 2, 3 and 4, with
// intent-to-add, skip-worktree and conflict stages) come back as the same entries, are encoded to the
// bytes git wrote them as (its cached-tree extension aside), and git reads what Gemba writes.
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { encodeIndex, parseIndex } from '../../../../../electron/services/git/index-file.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder
afterEach(async () => repo?.cleanup())

async function indexBytes(): Promise<Buffer> {
  return readFile(join(repo.dir, '.git', 'index'))
}

/** The bytes before the extensions: the header and the entries, which Gemba writes exactly as git does. */
function entriesPart(bytes: Buffer, encodedLength: number): Buffer {
  return bytes.subarray(0, encodedLength - 20)
}

async function repoWithFiles(): Promise<void> {
  repo = await buildRepo()
  await repo.files({ 'a.txt': 'a\n', 'src/b.ts': 'b\n', 'src/deep/c.ts': 'c\n', 'z z.md': 'z\n' })
  execFileSync('sh', ['-c', `printf latin > "$(printf 'caf\\351.txt')"`], { cwd: repo.dir })
  await repo.commit('files')
}

describe('parseIndex / encodeIndex', () => {
  it.each([2, 3, 4])('reads and writes the entries of a version %i index as git wrote them', async (version) => {
    await repoWithFiles()
    await repo.git(['update-index', `--index-version=${version}`])
    if (version === 3) await repo.write('new.txt', 'n\n').then(() => repo.git(['add', '-N', 'new.txt']))
    const bytes = await indexBytes()
    const index = parseIndex(bytes)
    expect(index.version).toBe(version)
    const paths = index.entries.map((entry) => entry.path.toString('latin1'))
    expect(paths).toContain('caf\xe9.txt')
    expect(paths).toContain('src/deep/c.ts')
    if (version === 3) expect(index.entries.find((entry) => entry.path.toString() === 'new.txt')?.intentToAdd).toBe(true)
    const encoded = encodeIndex(index)
    expect(entriesPart(encoded, encoded.length).equals(entriesPart(bytes, encoded.length))).toBe(true)
    expect(parseIndex(encoded).entries).toEqual(index.entries)
  })

  it('keeps conflict stages, in git’s order', async () => {
    repo = await buildRepo()
    await repo.write('r.md', 'base\n')
    await repo.commit('base')
    await repo.branch('topic')
    await repo.write('r.md', 'topic\n')
    await repo.commit('topic')
    await repo.checkout('main')
    await repo.write('r.md', 'main\n')
    await repo.commit('main')
    await repo.git(['merge', 'topic']).catch(() => undefined)
    const index = parseIndex(await indexBytes())
    expect(index.entries.map((entry) => [entry.path.toString(), entry.stage])).toEqual([
      ['r.md', 1],
      ['r.md', 2],
      ['r.md', 3],
    ])
    const encoded = encodeIndex(index)
    expect(parseIndex(encoded).entries).toEqual(index.entries)
  })

  it('writes an index git reads back unchanged (git status agrees)', async () => {
    await repoWithFiles()
    const index = parseIndex(await indexBytes())
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(repo.dir, '.git', 'index'), encodeIndex(index))
    expect(await repo.git(['status', '--porcelain'])).toBe('')
    expect((await repo.git(['ls-files', '--stage'])).split('\n').length).toBe(index.entries.length + 1)
  })

  it('refuses an index that is not one, or whose checksum is wrong', async () => {
    await repoWithFiles()
    const bytes = await indexBytes()
    expect(() => parseIndex(Buffer.from('not an index at all, not at all'))).toThrow(/not an index file/)
    const damaged = Buffer.from(bytes)
    damaged[40] = (damaged[40] ?? 0) ^ 0xff
    expect(() => parseIndex(damaged)).toThrow(/checksum/)
  })
})
