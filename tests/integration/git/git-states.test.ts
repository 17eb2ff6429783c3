// Git states through the API (the real backend's dispatcher), on repositories the tests build with real
// git: an operation in progress (rebase -i stopped at an edit, rebase --apply, merge, cherry-pick,
// revert, bisect, am), a detached HEAD, a held index lock, unresolved conflicts, a file under Git LFS
// and a moved submodule. Each is shown on the repository (repos.info's gitState) and refuses the change
// (change.start, change.apply) with what to finish first, leaving every byte of .git (refs, the index,
// HEAD, the operation's own files) and of the working tree as it was. File names git handles (Latin-1
// bytes, NFD, spaces, a leading dash) look clean when clean and land byte for byte.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { GitBlocker, GitRepositoryState } from '../../../shared/models/git.ts'
import type { RepoView } from '../../../shared/models/repos.ts'
import type { ChangeDraftView } from '../../../shared/models/change.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

let test: TestBackend
let repo: RepoBuilder

beforeAll(async () => {
  test = await makeTestBackend()
})
afterAll(async () => {
  await test.cleanup()
})
afterEach(async () => {
  await repo?.cleanup()
})

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await test.backend.dispatcher.dispatch(name, input)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { data: result.error })
  return result.value as T
}

async function refusal(
  name: string,
  input: unknown,
): Promise<{ code: string; message: string; next?: string; details?: { gitBlockers?: GitBlocker[] } }> {
  const result = await test.backend.dispatcher.dispatch(name, input)
  if (result.ok) throw new Error(`${name} was expected to be refused`)
  return result.error as never
}

/** Every file of the repository (.git included: refs, packed-refs, HEAD, the index, the operation's state) as path → sha256. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  const pending = [Buffer.from(dir)]
  while (pending.length > 0) {
    const folder = pending.pop()!
    for (const entry of await readdir(folder, { withFileTypes: true, encoding: 'buffer' })) {
      const path = Buffer.concat([folder, Buffer.from('/'), entry.name])
      if (entry.isDirectory()) pending.push(path)
      else if (entry.isFile())
        files[path.toString('latin1').slice(dir.length + 1)] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
    }
  }
  return files
}

/** git's output as bytes (names that are not UTF-8 stay exactly what git printed). */
function gitBytes(args: readonly string[]): Buffer {
  return execFileSync('git', args, { cwd: repo.dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } })
}

/** git that may stop with a conflict (exit 1): the stop is the point. */
async function gitMayStop(args: readonly string[], env: Record<string, string> = {}): Promise<void> {
  await repo.git(args, env).catch(() => undefined)
}

/** A greeter with three commits on main, a local identity, added to Gemba. */
async function greeter(): Promise<string> {
  repo = await buildRepo()
  await repo.git(['config', 'user.name', 'Leader Person'])
  await repo.git(['config', 'user.email', 'leader@example.com'])
  await repo.files({ 'src/greet.js': "export const greet = (name) => 'Helo, ' + name\n", 'README.md': '# Greeter\n' })
  await repo.commit('Greeter')
  await repo.write('README.md', '# Greeter\n\nSays hello.\n')
  await repo.commit('Say what it does')
  await repo.write('src/greet.js', "export const greet = (name) => 'Hello, ' + name\n")
  await repo.commit('Fix the spelling')
  return (await call<RepoView>('repos.add', { path: repo.dir })).id
}

/** A change by hand opened while the repository was fine (the leader's hour began before git stopped). */
async function openChange(repoId: string): Promise<ChangeDraftView> {
  return call<ChangeDraftView>('change.start', { repoId, request: 'Make the greeting friendlier', estimateMinutes: 10, mode: 'manual' })
}

/**
 * The refusal every state must give: the state is on the repository, starting a change is refused,
 * applying is refused, and nothing at all changed on disk.
 */
async function expectRefusal(
  repoId: string,
  draft: ChangeDraftView,
  code: GitBlocker['code'],
  edit = 'src/greet.js',
): Promise<GitRepositoryState> {
  const state = (await call<RepoView>('repos.info', { id: repoId })).gitState
  // LFS blocks only the files it stores: the repository shows its patterns, not a blocker.
  if (code !== 'lfs') expect(state.blockers.map((blocker) => blocker.code)).toContain(code)
  await writeFile(join(repo.dir, edit), "export const greet = (name) => 'Hello there, ' + name\n")
  const before = await snapshot(repo.dir)
  const apply = await refusal('change.apply', { draftId: draft.draftId, acceptedPaths: [edit], message: 'Friendlier greeting' })
  expect(apply.code).toBe('refused')
  expect(apply.message).toMatch(/^Gemba did not land the change, and changed nothing: /)
  expect(apply.details?.gitBlockers?.map((blocker) => blocker.code)).toContain(code)
  expect(apply.next).toBe(apply.details?.gitBlockers?.[0]?.next)
  if (code !== 'lfs') {
    const start = await refusal('change.start', { repoId, request: 'Another change', estimateMinutes: 5, mode: 'manual' })
    expect(start).toMatchObject({ code: 'refused', message: expect.stringMatching(/^Gemba did not start a change/) })
  }
  expect(await snapshot(repo.dir)).toEqual(before)
  return state
}

describe('an operation in progress', () => {
  it('a rebase -i stopped at an edit (clean tree, detached HEAD): shown, refused, every ref and the index byte-identical', async () => {
    const repoId = await greeter()
    const draft = await openChange(repoId)
    await repo.git(['rebase', '-i', 'HEAD~2'], { GIT_SEQUENCE_EDITOR: 'sed -i -e 1s/^pick/edit/' })
    expect((await repo.git(['status', '--porcelain'])).trim()).toBe('')
    const state = await expectRefusal(repoId, draft, 'operation')
    expect(state.operation).toMatchObject({ kind: 'rebase', finish: 'git rebase --continue', abort: 'git rebase --abort' })
    expect(state.operation?.summary).toMatch(/^A rebase of main onto [0-9a-f]{7} is in progress\.$/)
    expect(state.detached).toBe(true)
    // Finishing the rebase leaves main as the leader made it: no Gemba commit on it.
    await repo.git(['checkout', '--', 'src/greet.js'])
    await repo.git(['rebase', '--continue'], { GIT_EDITOR: 'true' })
    expect(await repo.git(['log', '--format=%s', 'main'])).toBe('Fix the spelling\nSay what it does\nGreeter\n')
    expect(await repo.git(['branch', '--list', 'gemba/*'])).toBe('')
  })

  it('a rebase --apply stopped at a conflict', async () => {
    const repoId = await greeter()
    await repo.branch('topic')
    await repo.write('README.md', '# Greeter on a topic\n')
    await repo.commit('Topic readme')
    await repo.checkout('main')
    await repo.write('README.md', '# Greeter on main\n')
    await repo.commit('Main readme')
    await repo.checkout('topic')
    const draft = await openChange(repoId)
    await gitMayStop(['rebase', '--apply', 'main'])
    const state = await expectRefusal(repoId, draft, 'operation')
    expect(state.operation?.kind).toBe('rebase')
    expect(state.unmergedPaths).toEqual(['README.md'])
  })

  it('a merge with a conflict', async () => {
    const repoId = await greeter()
    await repo.branch('topic')
    await repo.write('README.md', '# Topic\n')
    await repo.commit('Topic readme')
    await repo.checkout('main')
    await repo.write('README.md', '# Main\n')
    await repo.commit('Main readme')
    const draft = await openChange(repoId)
    await gitMayStop(['merge', 'topic'])
    const state = await expectRefusal(repoId, draft, 'operation')
    expect(state.operation).toMatchObject({ kind: 'merge', abort: 'git merge --abort' })
    expect(state.blockers.map((blocker) => blocker.code)).toEqual(['operation', 'unmerged'])
  })

  it('a cherry-pick with a conflict', async () => {
    const repoId = await greeter()
    await repo.branch('topic')
    await repo.write('README.md', '# Topic\n')
    const pick = await repo.commit('Topic readme')
    await repo.checkout('main')
    await repo.write('README.md', '# Main\n')
    await repo.commit('Main readme')
    const draft = await openChange(repoId)
    await gitMayStop(['cherry-pick', pick])
    expect((await expectRefusal(repoId, draft, 'operation')).operation).toMatchObject({
      kind: 'cherry-pick',
      finish: 'git cherry-pick --continue',
    })
  })

  it('a revert with a conflict', async () => {
    const repoId = await greeter()
    const spelling = await repo.head()
    await repo.write('src/greet.js', "export const greet = (name) => 'Hello, ' + name + '!'\n")
    await repo.commit('Exclaim')
    const draft = await openChange(repoId)
    await gitMayStop(['revert', '--no-edit', spelling])
    expect((await expectRefusal(repoId, draft, 'operation', 'README.md')).operation).toMatchObject({
      kind: 'revert',
      abort: 'git revert --abort',
    })
  })

  it('a bisect', async () => {
    const repoId = await greeter()
    const draft = await openChange(repoId)
    await repo.git(['bisect', 'start', 'HEAD', 'HEAD~2'])
    expect((await expectRefusal(repoId, draft, 'operation')).operation).toMatchObject({ kind: 'bisect', abort: 'git bisect reset' })
  })

  it('git am stopped on a patch that does not apply', async () => {
    const repoId = await greeter()
    await repo.branch('topic')
    await repo.write('README.md', '# Topic\n')
    await repo.commit('Topic readme')
    const patch = join(repo.dir, '..', `${Date.now()}-topic.patch`)
    await writeFile(patch, await repo.git(['format-patch', '-1', '--stdout']))
    await repo.checkout('main')
    await repo.write('README.md', '# Main\n')
    await repo.commit('Main readme')
    const draft = await openChange(repoId)
    await gitMayStop(['am', patch])
    await rm(patch, { force: true })
    expect((await expectRefusal(repoId, draft, 'operation')).operation).toMatchObject({
      kind: 'am',
      finish: 'git am --continue',
      abort: 'git am --abort',
    })
  })
})

describe('other states in the way', () => {
  it('a detached HEAD: no branch to come back to', async () => {
    const repoId = await greeter()
    const draft = await openChange(repoId)
    await repo.detach('HEAD~1')
    const state = await expectRefusal(repoId, draft, 'detached')
    expect(state.blockers[0]?.next).toContain('git switch')
  })

  it('a held index lock: another git program is writing', async () => {
    const repoId = await greeter()
    const draft = await openChange(repoId)
    await writeFile(join(repo.dir, '.git', 'index.lock'), '')
    expect((await expectRefusal(repoId, draft, 'index_locked')).indexLocked).toBe(true)
  })

  it('unresolved conflicts without an operation (a stash that did not pop cleanly)', async () => {
    const repoId = await greeter()
    await repo.write('README.md', '# Stashed\n')
    await repo.git(['stash'])
    await repo.write('README.md', '# Committed\n')
    await repo.commit('Readme')
    const draft = await openChange(repoId)
    await gitMayStop(['stash', 'pop'])
    const state = await expectRefusal(repoId, draft, 'unmerged')
    expect(state.operation).toBeNull()
    expect(state.unmergedPaths).toEqual(['README.md'])
  })

  it('a file Git LFS stores: refused for that file only, with the pattern shown on the repository', async () => {
    const repoId = await greeter()
    await repo.files({
      '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n',
      'assets/logo.bin': 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 3\n',
    })
    await repo.commit('Track binaries with LFS')
    const draft = await openChange(repoId)
    const state = await expectRefusal(repoId, draft, 'lfs', 'assets/logo.bin')
    expect(state.lfsPatterns).toEqual(['*.bin'])
    expect(state.blockers).toEqual([])
    const error = await refusal('change.apply', { draftId: draft.draftId, acceptedPaths: ['assets/logo.bin'], message: 'x' })
    expect(error.details?.gitBlockers?.[0]).toMatchObject({ code: 'lfs', paths: ['assets/logo.bin'] })
  })

  it('a submodule moved to another commit, and a file inside a submodule', async () => {
    const sub = await buildRepo()
    await sub.write('lib.js', 'export const one = 1\n')
    await sub.commit('Library')
    const repoId = await greeter()
    await repo.git(['submodule', 'add', '-q', sub.dir, 'vendor/lib'])
    await repo.commit('Add the library')
    const draft = await openChange(repoId)
    const inside = new (repo.constructor as typeof RepoBuilder)(join(repo.dir, 'vendor/lib'))
    await inside.write('lib.js', 'export const one = 2\n')
    const before = await snapshot(repo.dir)
    const insideError = await refusal('change.apply', { draftId: draft.draftId, acceptedPaths: ['vendor/lib/lib.js'], message: 'x' })
    expect(insideError.details?.gitBlockers?.[0]).toMatchObject({ code: 'submodule', paths: ['vendor/lib/lib.js'] })
    expect(await snapshot(repo.dir)).toEqual(before)
    await inside.commit('Bump')
    const state = await expectRefusal(repoId, draft, 'submodule')
    expect(state.submodules).toEqual([expect.objectContaining({ path: 'vendor/lib', checkedOut: await inside.head() })])
    await sub.cleanup()
  })
})

describe('file names git handles', () => {
  const latin1 = Buffer.from('caf\xe9.txt', 'latin1')
  const nfd = 'cafe\u0301.md'

  it('a clean repository with Latin-1, NFD, spaced and dash-led names looks clean, and a change to them lands byte for byte', async () => {
    repo = await buildRepo()
    await repo.git(['config', 'user.name', 'Leader Person'])
    await repo.git(['config', 'user.email', 'leader@example.com'])
    await writeFile(Buffer.concat([Buffer.from(`${repo.dir}/`), latin1]), 'latin\n')
    await repo.files({ [nfd]: 'nfd\n', 'my notes.txt': 'spaced\n', '-rf.txt': 'dash\n', 'docs/guide.md': '# Guide\n' })
    await repo.git(['add', '-A'])
    await repo.commit('Names git handles')
    const lsBefore = gitBytes(['ls-files', '-z'])
    expect(lsBefore.includes(Buffer.concat([latin1, Buffer.from([0])]))).toBe(true)
    const treeBefore = gitBytes(['ls-tree', '-r', '-z', 'HEAD'])
    const info = await call<RepoView>('repos.add', { path: repo.dir })
    expect(info.state).toBe('clean')
    expect(info.changedFiles).toEqual([])

    const draft = await call<ChangeDraftView>('change.start', {
      repoId: info.id,
      request: 'Edit the odd names',
      estimateMinutes: 5,
      mode: 'manual',
    })
    await repo.files({ [nfd]: 'nfd, edited\n', 'my notes.txt': 'spaced, edited\n', '-rf.txt': 'dash, edited\n' })
    const working = (await call<RepoView>('repos.info', { id: info.id })).changedFiles.map((file) => file.path).sort()
    expect(working).toEqual(['-rf.txt', 'my notes.txt', nfd].sort())
    const applied = await call<ChangeDraftView>('change.apply', {
      draftId: draft.draftId,
      acceptedPaths: working,
      message: 'Edit the odd names',
    })
    expect((await repo.git(['status', '--porcelain'])).trim()).toBe('')
    expect(gitBytes(['ls-files', '-z']).equals(lsBefore)).toBe(true)
    // The Latin-1 sibling is in the new commit's tree under its own bytes and blob.
    const latinEntry = (tree: Buffer) =>
      tree
        .toString('latin1')
        .split('\0')
        .find((line) => line.endsWith(`\t${latin1.toString('latin1')}`))
    expect(latinEntry(gitBytes(['ls-tree', '-r', '-z', 'HEAD']))).toBe(latinEntry(treeBefore))
    expect(latinEntry(treeBefore)).toBeDefined()
    expect(await repo.git(['show', `HEAD:${nfd}`])).toBe('nfd, edited\n')
    expect(await repo.git(['show', 'HEAD:-rf.txt'])).toBe('dash, edited\n')
    expect(await repo.git(['-c', 'core.quotepath=false', 'diff', '--name-only', 'HEAD~1', 'HEAD'])).toBe(
      ['-rf.txt', nfd, 'my notes.txt'].sort().join('\n') + '\n',
    )
    await repo.git(['fsck', '--strict'])

    await call('change.returnToOriginal', { draftId: applied.draftId })
    expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('main')
    expect((await repo.git(['status', '--porcelain'])).trim()).toBe('')
    expect(await readFile(join(repo.dir, nfd), 'utf8')).toBe('nfd\n')
    expect(await readFile(Buffer.concat([Buffer.from(`${repo.dir}/`), latin1]), 'utf8')).toBe('latin\n')
  })

  it('a file whose name is not UTF-8 is refused by name, never committed under another name', async () => {
    repo = await buildRepo()
    await repo.git(['config', 'user.name', 'Leader Person'])
    await repo.git(['config', 'user.email', 'leader@example.com'])
    await repo.write('README.md', '# Names\n')
    await repo.commit('Start')
    const info = await call<RepoView>('repos.add', { path: repo.dir })
    const draft = await call<ChangeDraftView>('change.start', {
      repoId: info.id,
      request: 'Add a Latin-1 file',
      estimateMinutes: 5,
      mode: 'manual',
    })
    await writeFile(Buffer.concat([Buffer.from(`${repo.dir}/`), latin1]), 'latin\n')
    const shown = (await call<RepoView>('repos.info', { id: info.id })).changedFiles
    expect(shown).toEqual([{ path: 'caf\uFFFD.txt', change: 'untracked' }])
    const error = await refusal('change.apply', { draftId: draft.draftId, acceptedPaths: ['caf\uFFFD.txt'], message: 'x' })
    expect(error.details?.gitBlockers?.[0]).toMatchObject({ code: 'file_name' })
    expect(await repo.git(['branch', '--list'])).toBe('* main\n')
  })
})
