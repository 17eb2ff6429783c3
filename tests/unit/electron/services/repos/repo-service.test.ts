import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { unwatched } from '../../../../../electron/services/events-port.ts'
import { GembaError } from '../../../../../shared/errors.ts'
import { createMemoryRepoStore } from '../../../../../electron/services/repos/repo-store.ts'
import { RepoService } from '../../../../../electron/services/repos/repo-service.ts'
import { buildRepo, makeTempFolder, shallowClone, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'
import { rm } from 'node:fs/promises'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const signal = new AbortController().signal

async function setup() {
  const cacheFolder = await makeTempFolder()
  cleanups.push(() => rm(cacheFolder, { recursive: true, force: true }))
  let n = 0
  const service = new RepoService({
    store: createMemoryRepoStore(),
    cacheFolder,
    clock: () => new Date('2025-03-01T10:00:00Z'),
    newId: () => `repo-${++n}`,
  })
  // Cleanups run last-in first-out by position: the cache writes finish before the folder goes.
  cleanups.unshift(() => service.dispose())
  return service
}

async function repo(): Promise<RepoBuilder> {
  const builder = await buildRepo()
  cleanups.push(() => builder.cleanup())
  return builder
}

async function errorOf(promise: Promise<unknown>): Promise<GembaError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(GembaError)
  return error as GembaError
}

describe('RepoService.add', () => {
  it('refuses a path that does not exist, a file and a folder that is not a repository', async () => {
    const service = await setup()
    const folder = await makeTempFolder()
    cleanups.push(() => rm(folder, { recursive: true, force: true }))
    await writeFile(join(folder, 'notes.txt'), 'hi')
    expect((await errorOf(service.add({ path: join(folder, 'nope') }, signal))).code).toBe('not_found')
    const file = await errorOf(service.add({ path: join(folder, 'notes.txt') }, signal))
    expect(file.code).toBe('not_a_repository')
    expect(file.message).toMatch(/is a file/)
    const plain = await errorOf(service.add({ path: folder }, signal))
    expect(plain.code).toBe('not_a_repository')
    expect(plain.next).toBeTruthy()
    expect(await service.list({}, signal)).toEqual([])
  })

  it('names a bare repository as such', async () => {
    const service = await setup()
    const folder = await makeTempFolder()
    cleanups.push(() => rm(folder, { recursive: true, force: true }))
    await promisify(execFile)('git', ['init', '--bare', '-q', join(folder, 'shop.git')])
    const bare = await errorOf(service.add({ path: join(folder, 'shop.git') }, signal))
    expect(bare.code).toBe('not_a_repository')
    expect(bare.message).toMatch(/is a bare repository: a bare repository has no working tree to explore\.$/)
    expect(bare.next).toMatch(/git clone/)
  })

  it('adds a repository with no commits and says so', async () => {
    const service = await setup()
    const builder = await repo()
    const view = await service.add({ path: builder.dir }, signal)
    expect(view.headCommit).toBeNull()
    expect(view.problem?.code).toBe('no_commits')
  })

  it('shows branch, last commit and clean, then dirty with the changed files', async () => {
    const service = await setup()
    const builder = await repo()
    await builder.files({ 'README.md': '# Demo\n', 'src/a.ts': 'export const a = 1\n' })
    await builder.commit('First commit\n\nbody', { author: { name: 'Grace Hopper', email: 'grace@example.com' } })
    const view = await service.add({ path: join(builder.dir, 'src') }, signal)
    expect(view).toMatchObject({ path: builder.dir, branch: 'main', detached: false, state: 'clean', problem: null })
    expect(view.lastCommit).toMatchObject({ author: 'Grace Hopper', message: 'First commit' })
    await builder.write('src/a.ts', 'export const a = 2 // changed\n')
    await builder.write('new.txt', 'untracked\n')
    await builder.write('staged.ts', 'x\n')
    await builder.git(['add', 'staged.ts'])
    const dirty = await service.info({ id: view.id }, signal)
    expect(dirty.state).toBe('dirty')
    expect(dirty.changedFiles).toEqual(
      expect.arrayContaining([
        { path: 'src/a.ts', change: 'modified' },
        { path: 'new.txt', change: 'untracked' },
        { path: 'staged.ts', change: 'added' },
      ]),
    )
  })

  it('ignores untracked files that .gitignore covers', async () => {
    const service = await setup()
    const builder = await repo()
    await builder.files({ '.gitignore': 'node_modules/\n*.log\n', 'a.txt': 'a\n' })
    await builder.commit('init')
    await builder.files({ 'node_modules/x/index.js': 'x', 'debug.log': 'x' })
    const view = await service.add({ path: builder.dir }, signal)
    expect(view.changedFiles).toEqual([])
    expect(view.state).toBe('clean')
  })

  it('reports a detached HEAD and a shallow clone', async () => {
    const service = await setup()
    const builder = await repo()
    await builder.write('a.txt', '1\n')
    const first = await builder.commit('one')
    await builder.write('a.txt', '2\n')
    await builder.commit('two')
    await builder.detach(first)
    const detached = await service.add({ path: builder.dir }, signal)
    expect(detached).toMatchObject({ detached: true, branch: null, headCommit: first })
    await builder.checkout('main')
    const shallow = await shallowClone(builder, 1)
    cleanups.push(() => shallow.cleanup())
    const view = await service.add({ path: shallow.dir }, signal)
    expect(view.shallow).toBe(true)
    expect(view.problem?.code).toBe('shallow')
    expect(view.lastCommit?.message).toBe('two')
  })

  it('keeps several repositories, does not add one twice, and removes one', async () => {
    const service = await setup()
    const one = await repo()
    const two = await repo()
    for (const builder of [one, two]) {
      await builder.write('a.txt', 'a\n')
      await builder.commit('init')
    }
    const a = await service.add({ path: one.dir }, signal)
    await service.add({ path: two.dir }, signal)
    expect((await service.add({ path: one.dir }, signal)).id).toBe(a.id)
    expect((await service.list({}, signal)).map((view) => view.path)).toEqual([one.dir, two.dir])
    expect(await service.remove({ id: a.id })).toEqual({ removed: true })
    expect(await service.remove({ id: a.id })).toEqual({ removed: false })
    expect((await service.list({}, signal)).map((view) => view.path)).toEqual([two.dir])
    expect((await errorOf(service.info({ id: a.id }, signal))).code).toBe('not_found')
  })

  it('lists a repository whose folder was deleted with a problem instead of failing', async () => {
    const service = await setup()
    const builder = await repo()
    await builder.write('a.txt', 'a\n')
    await builder.commit('init')
    await service.add({ path: builder.dir }, signal)
    await builder.cleanup()
    const [view] = await service.list({}, signal)
    expect(view?.problem?.code).toBe('missing')
  })
})

describe('adding a repository as people expect', () => {
  /** A home folder of its own holding code/payments (one commit), and a service that knows it. */
  async function atHome() {
    const home = await makeTempFolder()
    cleanups.push(() => rm(home, { recursive: true, force: true }))
    const payments = join(home, 'code', 'payments')
    await mkdir(join(payments, 'src'), { recursive: true })
    const git = (args: string[], cwd = payments) =>
      promisify(execFile)('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd })
    await git(['init', '-q', '-b', 'main'])
    await writeFile(join(payments, 'src', 'pay.ts'), 'export const pay = 1\n')
    await git(['add', '.'])
    await git(['commit', '-q', '-m', 'init'])
    const cacheFolder = await makeTempFolder()
    cleanups.push(() => rm(cacheFolder, { recursive: true, force: true }))
    let n = 0
    const service = new RepoService({ store: createMemoryRepoStore(), cacheFolder, home, newId: () => `repo-${++n}` })
    // First of the cleanups: a scan's cache is written behind its result; wait for it before removing folders.
    cleanups.unshift(() => service.dispose())
    return { home, payments, git, service }
  }

  it('reads ~ and relative paths from the home folder, never from where Gemba runs', async () => {
    const { payments, service } = await atHome()
    const added = await service.add({ path: '~/code/payments' }, signal)
    expect(added).toMatchObject({ path: payments, notice: null })
    const again = await service.add({ path: 'code/payments/' }, signal)
    expect(again).toMatchObject({
      id: added.id,
      notice: { code: 'already_added', message: `payments is already in your list (${payments}). Nothing changed.` },
    })
  })

  it('says a folder inside a repository in the list changed nothing, and adds the whole repository otherwise', async () => {
    const { payments, service } = await atHome()
    const first = await service.add({ path: join(payments, 'src') }, signal)
    expect(first).toMatchObject({ path: payments, notice: { code: 'inside_repository' } })
    expect(first.notice?.message).toBe(`That folder is inside the repository at ${payments}; Gemba added the whole repository.`)
    const inside = await service.add({ path: '~/code/payments/src' }, signal)
    expect(inside).toMatchObject({
      id: first.id,
      notice: {
        code: 'inside_repository',
        message: 'That folder is inside payments, which is already in your list. Gemba works on the whole repository, so nothing changed.',
      },
    })
    expect(await service.list({}, signal)).toHaveLength(1)
  })

  it('adds another worktree of a repository in the list as its own entry, and says whose it is', async () => {
    const { home, payments, git, service } = await atHome()
    await service.add({ path: payments }, signal)
    await git(['worktree', 'add', '-q', '-b', 'feature', join(home, 'code', 'payments-feature')])
    const worktree = await service.add({ path: '~/code/payments-feature' }, signal)
    expect(worktree).toMatchObject({ path: join(home, 'code', 'payments-feature'), branch: 'feature', notice: { code: 'worktree' } })
    expect(worktree.notice?.message).toMatch(/^This folder is another worktree of payments, which is in your list too\./)
    expect(await service.list({}, signal)).toHaveLength(2)
    // A linked worktree keeps its objects and branches in the shared git folder: its history is read from there.
    const scan = await service.scan({ id: worktree.id }, signal, unwatched)
    expect(scan.history.commitsRead).toBe(1)
    expect(scan.history.churn.length).toBeGreaterThan(0)
  })
})
