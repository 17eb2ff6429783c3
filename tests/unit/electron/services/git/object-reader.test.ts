import { afterEach, describe, expect, it } from 'vitest'
import { ObjectReader } from '../../../../../electron/services/git/object-reader.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

const cleanups: RepoBuilder[] = []
afterEach(async () => {
  for (const repo of cleanups.splice(0)) await repo.cleanup()
})

/** A repository whose files change a little each commit, so packs hold long delta chains. */
async function repoWithHistory(): Promise<RepoBuilder> {
  const repo = await buildRepo()
  cleanups.push(repo)
  const body = Array.from({ length: 200 }, (_, i) => `line ${i} of a file that changes a little each commit`).join('\n')
  for (let c = 0; c < 30; c++) {
    await repo.files({
      'src/a.ts': `${body}\n// rev ${c}\n`,
      [`src/deep/n${c % 4}/b.ts`]: `export const b = ${c}\n`,
      'README.md': `# r${c % 3}\n`,
    })
    await repo.commit(`change ${c}`)
  }
  return repo
}

/** Every object git lists, with its type and content from `git cat-file --batch`. */
async function gitObjects(repo: RepoBuilder): Promise<Map<string, { type: string; data: Buffer }>> {
  const oids = (await repo.git(['rev-list', '--objects', '--all']))
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(0, 40))
  const { execFileSync } = await import('node:child_process')
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: repo.dir, input: `${oids.join('\n')}\n`, maxBuffer: 1 << 28 })
  const objects = new Map<string, { type: string; data: Buffer }>()
  let at = 0
  for (const oid of oids) {
    const newline = out.indexOf(10, at)
    const [, type = '', size = '0'] = out.toString('latin1', at, newline).split(' ')
    objects.set(oid, { type, data: out.subarray(newline + 1, newline + 1 + Number(size)) })
    at = newline + 1 + Number(size) + 1
  }
  return objects
}

async function expectSameAsGit(repo: RepoBuilder): Promise<number> {
  const expected = await gitObjects(repo)
  const reader = ObjectReader.open(`${repo.dir}/.git`)
  try {
    for (const [oid, object] of expected) {
      const read = reader.read(oid)
      expect(read?.type, oid).toBe(object.type)
      expect(read?.data.equals(object.data), oid).toBe(true)
    }
  } finally {
    reader.close()
  }
  return expected.size
}

describe('ObjectReader', () => {
  it('reads loose objects as git does', async () => {
    const repo = await repoWithHistory()
    expect(await expectSameAsGit(repo)).toBeGreaterThan(100)
  })

  it('reads packed objects with offset deltas (deep chains)', async () => {
    const repo = await repoWithHistory()
    await repo.git(['repack', '-a', '-d', '-f', '-q', '--depth=50', '--window=50'])
    expect(await expectSameAsGit(repo)).toBeGreaterThan(100)
  })

  it('reads packed objects with ref deltas, and loose objects next to packs', async () => {
    const repo = await repoWithHistory()
    await repo.git(['-c', 'repack.useDeltaBaseOffset=false', 'repack', '-a', '-d', '-f', '-q'])
    await repo.write('src/a.ts', 'export const after = 1\n')
    await repo.commit('after the pack')
    expect(await expectSameAsGit(repo)).toBeGreaterThan(100)
  })

  it('answers null for a missing object or a bad id, without throwing', async () => {
    const repo = await repoWithHistory()
    const blob = await repo.objectId('HEAD:README.md')
    await repo.deleteObject(blob)
    const reader = ObjectReader.open(`${repo.dir}/.git`)
    expect(reader.read(blob)).toBeNull()
    expect(reader.read('not an id')).toBeNull()
    expect(reader.read(await repo.head())?.type).toBe('commit')
    reader.close()
  })
})

describe('ObjectReader with an old index', () => {
  it('reads packs indexed by a version 1 .idx', async () => {
    const repo = await repoWithHistory()
    await repo.git(['repack', '-a', '-d', '-q'])
    const { readdir, rm } = await import('node:fs/promises')
    const folder = `${repo.dir}/.git/objects/pack`
    const pack = (await readdir(folder)).find((name) => name.endsWith('.pack')) ?? ''
    const index = `${folder}/${pack.slice(0, -5)}.idx`
    await rm(index, { force: true })
    await repo.git(['index-pack', '--index-version=1', '-o', index, `${folder}/${pack}`])
    const reader = ObjectReader.open(`${repo.dir}/.git`)
    expect(reader.unusual).toBe(false)
    reader.close()
    expect(await expectSameAsGit(repo)).toBeGreaterThan(100)
  })
})
