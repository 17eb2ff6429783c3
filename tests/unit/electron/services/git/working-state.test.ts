// The working tree's state against real git: what `git status --porcelain` calls untracked, Gemba
// calls untracked (empty folders are no change; an untracked folder shows once, when it holds a file
// git would show or is a repository of its own), whatever the number of folders; and when the walk's
// time bound is hit, the answer is "could not tell", never "clean".
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import {
  readIndexEntries,
  readTreeFiles,
  readWorkingState,
  resolveHead,
  withRepository,
} from '../../../../../electron/services/git/git-layer.ts'
import { describeRepo } from '../../../../../electron/services/repos/describe-repo.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder | undefined
afterEach(async () => repo?.cleanup())

async function gitUntracked(builder: RepoBuilder): Promise<string[]> {
  const out = await builder.git(['status', '--porcelain', '--untracked-files=normal'])
  return out
    .split('\n')
    .filter((line) => line.startsWith('?? '))
    .map((line) => line.slice(3))
    .sort()
}

async function state(builder: RepoBuilder, options: { untrackedBudgetMs?: number } = {}) {
  return withRepository(builder.dir, async (repo) => {
    const head = await resolveHead(repo)
    const headFiles = head ? (await readTreeFiles(repo, head.tree)).files : null
    const { entries } = await readIndexEntries(repo)
    return readWorkingState({ repo, entries, headFiles, ...options })
  })
}

const untrackedOf = (found: Awaited<ReturnType<typeof state>>) =>
  found.changed
    .filter((file) => file.change === 'untracked')
    .map((file) => file.path)
    .sort()

describe('readWorkingState: untracked as git status says', () => {
  it('leaves out empty folders and folders of ignored files; shows a folder with a file, and a nested repository', async () => {
    repo = await buildRepo()
    await repo.files({ 'src/app.ts': 'x\n', '.gitignore': '*.log\nbuild/\n' })
    await repo.commit('first')
    for (const folder of ['empty', 'deep/er/still/empty', 'src/empty', 'logs-only', 'build/out', 'nested'])
      await mkdir(repo.path(folder), { recursive: true })
    await writeFile(repo.path('logs-only/a.log'), 'x')
    await writeFile(repo.path('build/out/a.js'), 'x')
    await repo.git(['-C', 'nested', 'init', '-q'])
    await repo.files({ 'src/new.ts': 'y\n', 'fresh/inner/file.txt': 'z\n', 'mixed/empty-inside/.keep': '' })
    await mkdir(repo.path('mixed/nothing'), { recursive: true })

    const expected = await gitUntracked(repo)
    expect(expected).toEqual(['fresh/', 'mixed/', 'nested/', 'src/new.ts'])
    const found = await state(repo)
    expect(untrackedOf(found)).toEqual(expected)
    expect(found.complete).toBe(true)
  })

  it('answers clean, as git does, for a clean clone with empty folders in it', async () => {
    repo = await buildRepo()
    await repo.files({ 'src/app.ts': 'x\n' })
    await repo.commit('first')
    await mkdir(repo.path('src/generated/empty'), { recursive: true })
    await mkdir(repo.path('tmp'), { recursive: true })
    expect(await gitUntracked(repo)).toEqual([])
    const found = await state(repo)
    expect(found.changed).toEqual([])
    expect(found.complete).toBe(true)
    expect((await describeRepo({ id: 'r', path: repo.dir, name: 'r', addedAt: '2026-01-01T00:00:00Z' })).state).toBe('clean')
  })

  it('finds an untracked file among more than 5,000 folders, in the folder a depth-first walk reaches last', async () => {
    repo = await buildRepo()
    // No background gc while the test (and its cleanup) runs: thousands of new objects would start one.
    await repo.git(['config', 'gc.auto', '0'])
    // One blob for every file, recorded straight into the index: git need not hash 5,200 files.
    const blob = (await repo.git(['hash-object', '-w', '--stdin'], {}, 'export {}\n')).trim()
    const paths = Array.from({ length: 5_200 }, (_, i) => `pkg/m${i}/index.ts`)
    for (let at = 0; at < paths.length; at += 200)
      await Promise.all(paths.slice(at, at + 200).map((path) => repo!.write(path, 'export {}\n')))
    await repo.git(['update-index', '--index-info'], {}, paths.map((path) => `100644 ${blob}\t${path}\n`).join(''))
    await repo.commit('many folders', { all: false })
    // The walk takes folders from a stack: the folder listed first is read last.
    const last = (await readdir(repo.path('pkg')))[0]!
    await writeFile(repo.path(`pkg/${last}/untracked.ts`), 'new\n')
    const expected = await gitUntracked(repo)
    expect(expected).toEqual([`pkg/${last}/untracked.ts`])
    const found = await state(repo)
    expect(untrackedOf(found)).toEqual(expected)
    expect(found.complete).toBe(true)
  }, 60_000)

  it('says it could not tell, never "clean", when the time bound comes before the walk ends', async () => {
    repo = await buildRepo()
    await repo.files({ 'src/app.ts': 'x\n' })
    await repo.commit('first')
    await writeFile(repo.path('src/untracked.ts'), 'y\n')
    const found = await state(repo, { untrackedBudgetMs: -1 })
    expect(found.complete).toBe(false)
    expect(untrackedOf(found)).toEqual([])
    // Bounded but complete when there is time: the same repository is dirty.
    expect(untrackedOf(await state(repo))).toEqual(['src/untracked.ts'])
  })
})
