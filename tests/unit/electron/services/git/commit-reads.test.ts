// The git layer's reads of what a commit holds, against a real repository built by git itself: the
// tracked files (each once, also mid-conflict), a path at a commit (file, folder, nothing), a commit's
// files, a path's id in a tree, and the log. These replace isomorphic-git calls that lived in ai/,
// change/ and journal/, so they must answer what git answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitLog, hasCommit } from '../../../../../electron/services/git/commit-log.ts'
import { treeOfCommit } from '../../../../../electron/services/git/commit-tree.ts'
import { filesAtCommit } from '../../../../../electron/services/git/head-files.ts'
import { objectAtPath } from '../../../../../electron/services/git/path-in-tree.ts'
import { readPathAtCommit } from '../../../../../electron/services/git/read-at-commit.ts'
import { openRepository, type GitRepo } from '../../../../../electron/services/git/repository.ts'
import { listTrackedFiles } from '../../../../../electron/services/git/tracked-files.ts'
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
let handle: GitRepo
beforeEach(async () => {
  handle = await openRepository(repo.dir)
})
afterEach(async () => {
  handle.close()
  await repo.cleanup()
})

describe('commit reads', () => {
  it('lists the tracked files as git ls-files does, a conflicted file once', async () => {
    expect(await listTrackedFiles(handle)).toEqual((await repo.git(['ls-files'])).trim().split('\n'))
    await repo.branch('other')
    await repo.write('src/a.ts', 'other\n')
    await repo.commit('other')
    await repo.checkout('main')
    await repo.write('src/a.ts', 'mine\n')
    await repo.commit('mine')
    await repo.git(['merge', 'other']).catch(() => undefined)
    expect((await repo.git(['ls-files', '--stage', 'src/a.ts'])).trim().split('\n')).toHaveLength(3)
    const tracked = await listTrackedFiles(handle)
    expect(tracked.filter((path) => path === 'src/a.ts')).toHaveLength(1)
    expect(tracked).toEqual(
      (await repo.git(['ls-files']))
        .trim()
        .split('\n')
        .filter((path, at, all) => all.indexOf(path) === at),
    )
  })

  it('reads a path at a commit: a file, a folder, or nothing', async () => {
    const file = await readPathAtCommit(handle, first, 'src/a.ts')
    expect(file?.kind === 'file' && new TextDecoder().decode(file.content)).toBe('export const a = 1\n')
    expect(await readPathAtCommit(handle, first, 'src/deep')).toEqual({ kind: 'folder' })
    expect(await readPathAtCommit(handle, second, 'src/deep/b.ts')).toBeNull()
    expect(await readPathAtCommit(handle, second, 'README.md/x')).toBeNull()
  })

  it('lists a commit’s files and finds a path’s id in its tree as git does', async () => {
    expect(await filesAtCommit(handle, first)).toEqual((await repo.git(['ls-tree', '-r', '--name-only', first])).trim().split('\n'))
    const tree = await treeOfCommit(handle, second)
    expect(tree).toBe((await repo.git(['rev-parse', `${second}^{tree}`])).trim())
    expect(await objectAtPath(handle, tree, 'src/a.ts')).toBe((await repo.git(['rev-parse', `${second}:src/a.ts`])).trim())
    expect(await objectAtPath(handle, tree, 'src')).toBe(`tree:${(await repo.git(['rev-parse', `${second}:src`])).trim()}`)
    expect(await objectAtPath(handle, tree, 'src/deep/b.ts')).toBeNull()
    expect(await objectAtPath(handle, 'f'.repeat(40), 'src/a.ts')).toBeUndefined()
  })

  it('walks the log newest first and knows which commits it holds', async () => {
    const log = await commitLog(handle, second, 5)
    expect(log.map((entry) => entry.oid)).toEqual([second, first])
    expect(log[0]!.message).toBe('second\n\nwith a body\n')
    expect(await hasCommit(handle, first)).toBe(true)
    expect(await hasCommit(handle, 'e'.repeat(40))).toBe(false)
  })
})
