// The git layer's reads of what a commit holds, against a real repository built by git itself: the
// tracked files (each once, also mid-conflict), a path at a commit (file, folder, nothing), a commit's
// files, a path's id in a tree, and the log. These replace isomorphic-git calls that lived in ai/,
// change/ and journal/, so they must answer what git answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  commitLog,
  filesAtCommit,
  gitDirsOf,
  hasCommit,
  listTrackedFiles,
  objectAtPath,
  readPathAtCommit,
  treeOfCommit,
} from '../../../../../electron/services/git/index.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder
let first: string
let second: string
beforeEach(async () => {
  repo = await buildRepo()
  await repo.files({ 'README.md': '# r\n', 'src/a.ts': 'export const a = 1\n', 'src/deep/b.ts': 'b\n' })
  first = await repo.commit('first')
  await repo.write('src/a.ts', 'export const a = 2\n')
  await repo.remove('src/deep/b.ts')
  await repo.files({ 'src/c.ts': 'c\n' })
  second = await repo.commit('second\n\nwith a body')
})
afterEach(async () => repo.cleanup())

describe('commit reads', () => {
  it('lists the tracked files as git ls-files does, a conflicted file once', async () => {
    expect(await listTrackedFiles(repo.dir)).toEqual((await repo.git(['ls-files'])).trim().split('\n'))
    await repo.branch('other')
    await repo.write('src/a.ts', 'other\n')
    await repo.commit('other')
    await repo.checkout('main')
    await repo.write('src/a.ts', 'mine\n')
    await repo.commit('mine')
    await repo.git(['merge', 'other']).catch(() => undefined)
    expect((await repo.git(['ls-files', '--stage', 'src/a.ts'])).trim().split('\n')).toHaveLength(3)
    const tracked = await listTrackedFiles(repo.dir)
    expect(tracked.filter((path) => path === 'src/a.ts')).toHaveLength(1)
    expect(tracked).toEqual(
      (await repo.git(['ls-files']))
        .trim()
        .split('\n')
        .filter((path, at, all) => all.indexOf(path) === at),
    )
  })

  it('reads a path at a commit: a file, a folder, or nothing', async () => {
    const { commondir } = await gitDirsOf(repo.dir)
    const file = await readPathAtCommit(commondir, first, 'src/a.ts')
    expect(file?.kind === 'file' && new TextDecoder().decode(file.content)).toBe('export const a = 1\n')
    expect(await readPathAtCommit(commondir, first, 'src/deep')).toEqual({ kind: 'folder' })
    expect(await readPathAtCommit(commondir, second, 'src/deep/b.ts')).toBeNull()
    expect(await readPathAtCommit(commondir, second, 'README.md/x')).toBeNull()
  })

  it('lists a commit’s files and finds a path’s id in its tree as git does', async () => {
    const { commondir } = await gitDirsOf(repo.dir)
    expect(await filesAtCommit(commondir, first, {})).toEqual((await repo.git(['ls-tree', '-r', '--name-only', first])).trim().split('\n'))
    const tree = await treeOfCommit(commondir, second)
    expect(tree).toBe((await repo.git(['rev-parse', `${second}^{tree}`])).trim())
    expect(await objectAtPath(commondir, tree, 'src/a.ts')).toBe((await repo.git(['rev-parse', `${second}:src/a.ts`])).trim())
    expect(await objectAtPath(commondir, tree, 'src')).toBe(`tree:${(await repo.git(['rev-parse', `${second}:src`])).trim()}`)
    expect(await objectAtPath(commondir, tree, 'src/deep/b.ts')).toBeNull()
    expect(await objectAtPath(commondir, 'f'.repeat(40), 'src/a.ts')).toBeUndefined()
  })

  it('walks the log newest first and knows which commits it holds', async () => {
    const { commondir } = await gitDirsOf(repo.dir)
    const log = await commitLog(commondir, second, 5)
    expect(log.map((entry) => entry.oid)).toEqual([second, first])
    expect(log[0]!.message).toBe('second\n\nwith a body\n')
    expect(await hasCommit(commondir, first)).toBe(true)
    expect(await hasCommit(commondir, 'e'.repeat(40))).toBe(false)
  })
})
