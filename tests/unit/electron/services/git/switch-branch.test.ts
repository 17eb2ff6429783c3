// Switching branches the way git does: only the files that differ are written, the leader's edits to
// them (or an untracked file in the way) stop the switch before anything changes, and the index that
// results is the one git would have (git status is clean).
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { withRepository } from '../../../../../electron/services/git/repository.ts'
import { switchToBranch } from '../../../../../electron/services/git/switch-branch.ts'
import { GembaError } from '../../../../../shared/errors.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder
beforeEach(async () => {
  repo = await buildRepo()
  await repo.files({ 'keep.txt': 'keep\n', 'change.txt': 'main\n', 'gone.txt': 'main only\n', 'run.sh': '#!/bin/sh\n' })
  await repo.chmod('run.sh', 0o755)
  await repo.commit('main')
  await repo.branch('feature')
  await repo.write('change.txt', 'feature\n')
  await repo.remove('gone.txt')
  await repo.files({ 'added/new.txt': 'new\n' })
  await repo.commit('feature')
})
afterEach(async () => repo.cleanup())

describe('switchToBranch', () => {
  it('writes only what differs, and leaves git with nothing to report', async () => {
    await withRepository(repo.dir, (handle) => switchToBranch(handle, 'main'))
    expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('main')
    expect(await readFile(join(repo.dir, 'change.txt'), 'utf8')).toBe('main\n')
    expect(await readFile(join(repo.dir, 'gone.txt'), 'utf8')).toBe('main only\n')
    await expect(readFile(join(repo.dir, 'added/new.txt'))).rejects.toThrow()
    expect(await repo.git(['status', '--porcelain', '--untracked-files=all'])).toBe('')
    await withRepository(repo.dir, (handle) => switchToBranch(handle, 'feature'))
    expect(await repo.git(['status', '--porcelain', '--untracked-files=all'])).toBe('')
    expect(await readFile(join(repo.dir, 'added/new.txt'), 'utf8')).toBe('new\n')
  })

  it('refuses, changing nothing, when the leader edited a file the switch would overwrite', async () => {
    await writeFile(join(repo.dir, 'change.txt'), 'my edit\n')
    const error = await withRepository(repo.dir, (handle) => switchToBranch(handle, 'main')).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GembaError)
    expect((error as GembaError).code).toBe('dirty_working_tree')
    expect((error as GembaError).message).toContain('change.txt')
    expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('feature')
    expect(await readFile(join(repo.dir, 'change.txt'), 'utf8')).toBe('my edit\n')
  })

  it('keeps an edit to a file both branches share, as git does', async () => {
    await writeFile(join(repo.dir, 'keep.txt'), 'edited\n')
    await withRepository(repo.dir, (handle) => switchToBranch(handle, 'main'))
    expect(await repo.git(['status', '--porcelain'])).toBe(' M keep.txt\n')
  })
})
