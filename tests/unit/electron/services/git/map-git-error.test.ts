// One error mapper for the git layer: file-system and isomorphic-git errors become GembaErrors with a
// sentence and a next step; a GembaError passes through; nothing unknown is hidden behind a generic
// "Something went wrong". Also proved on real failures: a repository missing a blob, a damaged pack.
import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Errors } from 'isomorphic-git'
import { afterEach, describe, expect, it } from 'vitest'
import { mapGitError, withGitErrors } from '../../../../../electron/services/git/map-git-error.ts'
import { readPathAtCommit } from '../../../../../electron/services/git/read-at-commit.ts'
import { openRepository } from '../../../../../electron/services/git/repository.ts'
import { GembaError } from '../../../../../shared/errors.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

const coded = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${code} happened`), { code, ...extra })
const OID = 'a'.repeat(40)

describe('mapGitError', () => {
  it.each([
    [coded('EACCES', { path: '/r/.git/index' }), 'storage', 'Gemba could not land the change: permission was denied (/r/.git/index).'],
    [coded('ENOSPC'), 'storage', 'Gemba could not land the change: the disk is full.'],
    [coded('EROFS'), 'storage', 'Gemba could not land the change: the repository is on a read-only disk.'],
    [
      coded('ENOENT', { path: '/r/.git/HEAD' }),
      'repository_broken',
      'Gemba could not land the change: a file it needs is missing (/r/.git/HEAD).',
    ],
    [
      coded('EEXIST', { path: '/r/.git/index.lock' }),
      'conflict',
      'Gemba could not land the change: another git program holds /r/.git/index.lock right now.',
    ],
    [coded('EMFILE'), 'unavailable', 'Gemba could not land the change: too many files are open at once.'],
    [new Errors.NotFoundError('refs/heads/x'), 'not_found', 'Gemba could not land the change: there is no branch named x.'],
    [
      new Errors.NotFoundError(OID),
      'repository_broken',
      'Gemba could not land the change: the git object aaaaaaa is missing (the repository is incomplete or damaged).',
    ],
    [
      new Errors.NotFoundError(`file or directory found at "${OID}:src/a.ts"`),
      'not_found',
      'Gemba could not land the change: there is no src/a.ts at commit aaaaaaa.',
    ],
    [
      new Errors.NotFoundError('git root for /tmp/x'),
      'not_a_repository',
      'Gemba could not land the change: /tmp/x is not inside a git repository.',
    ],
    [new Errors.AlreadyExistsError('branch', 'gemba/x'), 'conflict', 'Gemba could not land the change: the branch gemba/x already exists.'],
    [
      new Errors.CheckoutConflictError(['a.ts']),
      'dirty_working_tree',
      'Gemba could not land the change: your edits would be overwritten (a.ts).',
    ],
    [
      new Errors.ObjectTypeError(OID, 'tree', 'blob', 'src'),
      'invalid_input',
      'Gemba could not land the change: src is a folder, not a file.',
    ],
    [
      new Errors.ObjectTypeError(OID, 'blob', 'commit'),
      'repository_broken',
      'Gemba could not land the change: the object aaaaaaa is a blob where git expected a commit.',
    ],
    [
      new Errors.InternalError(`Could not read object ${OID} from packfile`),
      'repository_broken',
      `Gemba could not land the change: a pack file is damaged (Could not read object ${OID} from packfile).`,
    ],
    [
      new Errors.InternalError('Index file is empty (.git/index)'),
      'repository_broken',
      'Gemba could not land the change: the git index is damaged (Index file is empty (.git/index)).',
    ],
    [new Errors.MissingNameError('author'), 'invalid_input', 'Gemba could not land the change: git needs a name for the commit’s author.'],
    [new TypeError('oops'), 'internal', 'Gemba could not land the change: oops.'],
  ])('%s', (error, code, message) => {
    const mapped = mapGitError(error, 'land the change')
    expect(mapped).toBeInstanceOf(GembaError)
    expect(mapped.code).toBe(code)
    expect(mapped.message).toBe(message)
    expect(mapped.message).not.toMatch(/report this error|isomorphic-git|Something went wrong/)
    expect(mapped.next).toBeTruthy()
    expect(mapped.cause).toBe(error)
  })

  it('calls a cancellation a cancellation', async () => {
    const controller = new AbortController()
    controller.abort()
    const mapped = mapGitError(controller.signal.reason, 'scan hono')
    expect(mapped.code).toBe('cancelled')
    expect(mapped.message).toBe('Gemba could not scan hono: it was cancelled.')
  })

  it('passes a GembaError through as it is', async () => {
    const error = new GembaError({ code: 'refused', message: 'No.' })
    expect(mapGitError(error, 'x')).toBe(error)
    await expect(withGitErrors('x', async () => Promise.reject(error))).rejects.toBe(error)
  })
})

describe('mapped errors from a real repository', () => {
  let repo: RepoBuilder
  afterEach(async () => repo?.cleanup())

  it('names the missing object when a blob is absent, and tells an absent path from it', async () => {
    repo = await buildRepo()
    await repo.files({ 'src/a.ts': 'export const a = 1\n' })
    await repo.commit('first')
    const commit = (await repo.git(['rev-parse', 'HEAD'])).trim()
    const blob = (await repo.git(['rev-parse', 'HEAD:src/a.ts'])).trim()
    const handle = await openRepository(repo.dir)
    const { commondir } = handle
    expect(await readPathAtCommit(handle, commit, 'src/none.ts')).toBeNull()
    expect(await readPathAtCommit(handle, commit, 'src/a.ts/deeper')).toBeNull()
    expect(await readPathAtCommit(handle, commit, 'src')).toEqual({ kind: 'folder' })
    await rm(join(commondir, 'objects', blob.slice(0, 2), blob.slice(2)))
    const error = await readPathAtCommit(handle, commit, 'src/a.ts').then(
      () => null,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(GembaError)
    expect((error as GembaError).code).toBe('repository_broken')
    expect((error as GembaError).message).toBe(
      `Gemba could not read src/a.ts at commit ${commit.slice(0, 7)}: the git object ${blob.slice(0, 7)} is missing (the repository is incomplete or damaged).`,
    )
    expect((error as GembaError).next).toMatch(/git fsck/)
  })

  it('says a pack is damaged when a packed object cannot be read', async () => {
    repo = await buildRepo()
    await repo.files({ 'a.txt': 'a\n'.repeat(200) })
    await repo.commit('first')
    await repo.git(['gc', '--quiet'])
    const commit = (await repo.git(['rev-parse', 'HEAD'])).trim()
    const handle = await openRepository(repo.dir)
    const { commondir } = handle
    const pack = (await readdir(join(commondir, 'objects', 'pack'))).find((name) => name.endsWith('.pack'))!
    // Keep the header and index, garble every object's bytes.
    const { readFile } = await import('node:fs/promises')
    const bytes = await readFile(join(commondir, 'objects', 'pack', pack))
    for (let at = 12; at < bytes.length - 20; at++) bytes[at] = 0xff
    await writeFile(join(commondir, 'objects', 'pack', pack), bytes)
    const error = await readPathAtCommit(handle, commit, 'a.txt').then(
      () => null,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(GembaError)
    expect((error as GembaError).code).toBe('repository_broken')
    expect((error as GembaError).message).toMatch(/^Gemba could not read a\.txt at commit [0-9a-f]{7}: a pack file is damaged \(/)
    expect((error as GembaError).message).not.toMatch(/report this error|Something went wrong/)
  })
})
