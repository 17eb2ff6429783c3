// The working tree's state against real git: what `git status --porcelain` lists, Gemba lists, line
// for line: ignored by every source git reads (root and nested .gitignore, one inside an untracked
// folder, .git/info/exclude, core.excludesFile from the repository's or the global config, and its
// default in XDG_CONFIG_HOME or ~/.config), nothing inside an ignored folder, empty folders no
// change, an untracked folder once (or each file, as `-uall`), each path once, whatever the number of
// folders; and when the walk's time bound is hit, the answer is "could not tell", never "clean".
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  readIndexEntries,
  readTreeFiles,
  readWorkingState,
  resolveHead,
  withRepository,
  type GitConfigHome,
} from '../../../../../electron/services/git/git-layer.ts'
import { describeRepo } from '../../../../../electron/services/repos/describe-repo.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder | undefined
let home: string | undefined
afterEach(async () => {
  await repo?.cleanup()
  if (home) await rm(home, { recursive: true, force: true })
  home = undefined
})

/** `git status --porcelain` as paths, one per line git prints (no renames in these tests). */
async function gitStatus(builder: RepoBuilder, options: { all?: boolean; env?: Record<string, string> } = {}): Promise<string[]> {
  const out = await builder.git(['status', '--porcelain', '-z', options.all ? '-uall' : '-unormal'], options.env)
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => line.slice(3))
    .sort()
}

/** A home folder of the test's own; git is pointed at it as Gemba is. */
async function makeHome(xdg: boolean): Promise<{ configHome: GitConfigHome; env: Record<string, string> }> {
  home = await mkdtemp(join(tmpdir(), 'gemba-home-'))
  const xdgConfigHome = xdg ? join(home, 'xdg') : ''
  return {
    configHome: { home, xdgConfigHome },
    env: { HOME: home, XDG_CONFIG_HOME: xdgConfigHome, GIT_CONFIG_GLOBAL: join(home, '.gitconfig') },
  }
}

async function changedPaths(builder: RepoBuilder, options: { configHome?: GitConfigHome; untrackedFiles?: 'all' } = {}) {
  const found = await state(builder, options)
  expect(found.complete).toBe(true)
  return found.changed.map((file) => file.path).sort()
}

async function gitUntracked(builder: RepoBuilder): Promise<string[]> {
  const out = await builder.git(['status', '--porcelain', '--untracked-files=normal'])
  return out
    .split('\n')
    .filter((line) => line.startsWith('?? '))
    .map((line) => line.slice(3))
    .sort()
}

async function state(
  builder: RepoBuilder,
  options: { untrackedBudgetMs?: number; configHome?: GitConfigHome; untrackedFiles?: 'all'; limit?: number } = {},
) {
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

describe('readWorkingState: ignored as git ignores, by every source it reads', () => {
  async function pythonRepo(): Promise<RepoBuilder> {
    const built = await buildRepo()
    await built.files({ 'src/app.py': 'print(1)\n', 'tests/test_app.py': 'def test(): pass\n', 'docs/index.md': '# hi\n' })
    await built.commit('first')
    return built
  }

  it('reads root and nested .gitignore files, one inside an untracked folder, and .git/info/exclude', async () => {
    repo = await pythonRepo()
    await repo.files({
      '.gitignore': '*.log\n/build/\n!keep.log\n',
      'docs/.gitignore': '_build/\n*.tmp\n',
      'docs/_build/index.html': '<p>',
      'docs/draft.tmp': 'x',
      'docs/new.md': 'new',
      'app.log': 'x',
      'keep.log': 'kept',
      'build/out.js': 'x',
      'src/build/generated.py': 'not under /build',
      // An untracked folder that ignores all of itself (pytest's cache does this).
      'cache/.gitignore': '*\n',
      'cache/v/nodeids': '[]',
      // An untracked folder whose own .gitignore leaves one file shown.
      'fresh/.gitignore': '*.pyc\n',
      'fresh/a.pyc': 'x',
      'local-notes.txt': 'mine',
    })
    await writeFile(repo.path('.git/info/exclude'), 'local-notes.txt\n')
    const expected = await gitStatus(repo)
    expect(expected).toEqual(['.gitignore', 'docs/.gitignore', 'docs/new.md', 'fresh/', 'keep.log', 'src/build/'])
    expect(await changedPaths(repo)).toEqual(expected)
    const everyFile = await gitStatus(repo, { all: true })
    expect(everyFile).toContain('fresh/.gitignore')
    expect(await changedPaths(repo, { untrackedFiles: 'all' })).toEqual(everyFile)
  })

  it('finds no untracked file inside an ignored folder, even one that holds tracked files', async () => {
    repo = await pythonRepo()
    await repo.files({ 'vendor/kept.py': 'x' })
    await repo.commit('vendored')
    await repo.files({ '.gitignore': 'vendor/\n', 'vendor/new.py': 'y', 'vendor/sub/new.py': 'z' })
    await writeFile(repo.path('vendor/kept.py'), 'changed')
    const expected = await gitStatus(repo)
    expect(expected).toEqual(['.gitignore', 'vendor/kept.py'])
    expect(await changedPaths(repo)).toEqual(expected)
  })

  it('reads core.excludesFile from the repository config, with ~ for the home folder', async () => {
    repo = await pythonRepo()
    const { configHome, env } = await makeHome(true)
    await writeFile(join(home!, 'my-ignores'), '*.swp\n.idea/\n')
    await repo.git(['config', 'core.excludesFile', '~/my-ignores'])
    await repo.files({ 'src/.app.py.swp': 'x', '.idea/workspace.xml': '<x/>', 'src/new.py': 'y' })
    const expected = await gitStatus(repo, { env })
    expect(expected).toEqual(['src/new.py'])
    expect(await changedPaths(repo, { configHome })).toEqual(expected)
    // Without the home folder Gemba cannot read it, and says what it sees (never fewer changes than git).
    expect(await changedPaths(repo)).toEqual(['.idea/', 'src/.app.py.swp', 'src/new.py'])
  })

  it('reads core.excludesFile from the global config (~/.gitconfig and an included file)', async () => {
    repo = await pythonRepo()
    const { configHome, env } = await makeHome(true)
    await writeFile(join(home!, '.gitconfig'), '[include]\n\tpath = .gitconfig.local\n')
    await writeFile(join(home!, '.gitconfig.local'), `[core]\n\texcludesFile = "${join(home!, 'global-ignore')}" ; my editor\n`)
    await writeFile(join(home!, 'global-ignore'), '__pycache__/\n.DS_Store\n')
    await repo.files({ 'src/__pycache__/app.cpython-312.pyc': 'x', '.DS_Store': 'x', 'tests/test_new.py': 'y' })
    const expected = await gitStatus(repo, { env })
    expect(expected).toEqual(['tests/test_new.py'])
    expect(await changedPaths(repo, { configHome })).toEqual(expected)
  })

  it('reads the default excludes file: $XDG_CONFIG_HOME/git/ignore, else ~/.config/git/ignore', async () => {
    repo = await pythonRepo()
    await repo.files({ '.venv/bin/python': 'x', 'coverage.xml': '<x/>', 'src/new.py': 'y' })
    const xdg = await makeHome(true)
    await mkdir(join(home!, 'xdg', 'git'), { recursive: true })
    await writeFile(join(home!, 'xdg', 'git', 'ignore'), '.venv/\n')
    let expected = await gitStatus(repo, { env: xdg.env })
    expect(expected).toEqual(['coverage.xml', 'src/new.py'])
    expect(await changedPaths(repo, { configHome: xdg.configHome })).toEqual(expected)
    await rm(home!, { recursive: true, force: true })

    const plain = await makeHome(false)
    await mkdir(join(home!, '.config', 'git'), { recursive: true })
    await writeFile(join(home!, '.config', 'git', 'ignore'), 'coverage.xml\n')
    expected = await gitStatus(repo, { env: plain.env })
    expect(expected).toEqual(['.venv/', 'src/new.py'])
    expect(await changedPaths(repo, { configHome: plain.configHome })).toEqual(expected)
  })

  it('shows nothing a pytest run leaves: its cache (with its own .gitignore of *) and an empty .benchmarks/', async () => {
    repo = await pythonRepo()
    await writeFile(repo.path('src/app.py'), 'print(2)\n')
    await writeFile(repo.path('tests/test_app.py'), 'def test(): assert True\n')
    // What pytest writes, as pytest writes it.
    await repo.files({
      '.pytest_cache/.gitignore': '# Created by pytest automatically.\n*\n',
      '.pytest_cache/CACHEDIR.TAG': 'Signature: 8a477f597d28d172789f06886806bc55\n',
      '.pytest_cache/README.md': '# pytest cache directory #\n',
      '.pytest_cache/v/cache/nodeids': '["tests/test_app.py::test"]',
      '.pytest_cache/v/cache/lastfailed': '{}',
    })
    await mkdir(repo.path('.benchmarks'))
    const expected = await gitStatus(repo)
    expect(expected).toEqual(['src/app.py', 'tests/test_app.py'])
    expect(await changedPaths(repo)).toEqual(expected)
    expect(await changedPaths(repo, { untrackedFiles: 'all' })).toEqual(await gitStatus(repo, { all: true }))
    const view = await describeRepo({ id: 'r', path: repo.dir, name: 'r', addedAt: '2026-01-01T00:00:00Z' })
    expect(view.changedFiles).toHaveLength(expected.length)
  })

  it('reads lines as git does: CRLF, trailing spaces, a byte-order mark, escapes, ** and core.ignoreCase', async () => {
    repo = await pythonRepo()
    await repo.files({
      '.gitignore': '\ufeffout\r\n*.bak   \n\\#literal\nlogs/**/debug.txt\n**/gen/\nspace\\ \n',
      out: 'x',
      'a.bak': 'x',
      '#literal': 'x',
      'logs/debug.txt': 'x',
      'logs/a/b/debug.txt': 'x',
      'logs/a/info.txt': 'x',
      'src/gen/x.py': 'x',
      'space ': 'x',
      'README.BAK': 'x',
    })
    let expected = await gitStatus(repo, { all: true })
    expect(expected).toEqual(['.gitignore', 'README.BAK', 'logs/a/info.txt'])
    expect(await changedPaths(repo, { untrackedFiles: 'all' })).toEqual(expected)
    await repo.git(['config', 'core.ignoreCase', 'true'])
    expected = await gitStatus(repo, { all: true })
    expect(expected).toEqual(['.gitignore', 'logs/a/info.txt'])
    expect(await changedPaths(repo, { untrackedFiles: 'all' })).toEqual(expected)
  })

  it('follows status.showUntrackedFiles, as git status does', async () => {
    repo = await pythonRepo()
    await repo.files({ 'fresh/a.py': 'x', 'fresh/b.py': 'y' })
    await writeFile(repo.path('src/app.py'), 'print(2)\n')
    await repo.git(['config', 'status.showUntrackedFiles', 'no'])
    const porcelain = async () =>
      (await repo!.git(['status', '--porcelain']))
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3))
    expect(await changedPaths(repo)).toEqual(await porcelain())
    expect(await changedPaths(repo)).toEqual(['src/app.py'])
    await repo.git(['config', 'status.showUntrackedFiles', 'all'])
    expect(await changedPaths(repo)).toEqual((await porcelain()).sort())
    expect(await changedPaths(repo)).toEqual(['fresh/a.py', 'fresh/b.py', 'src/app.py'])
  })

  it('counts a path once, as git prints one line for it: added to the index, then deleted from the disk', async () => {
    repo = await pythonRepo()
    await repo.files({ 'src/new.py': 'x' })
    await repo.git(['add', 'src/new.py'])
    await rm(repo.path('src/new.py'))
    await writeFile(repo.path('src/app.py'), 'staged\n')
    await repo.git(['add', 'src/app.py'])
    await writeFile(repo.path('src/app.py'), 'and changed again\n')
    const expected = await gitStatus(repo)
    expect(expected).toEqual(['src/app.py', 'src/new.py'])
    expect(await changedPaths(repo)).toEqual(expected)
  })

  it('says the list was cut short when more untracked files than its limit are there', async () => {
    repo = await pythonRepo()
    await repo.files(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`new${i}.py`, 'x'])))
    const found = await state(repo, { limit: 3 })
    expect(found.changed).toHaveLength(3)
    expect(found.truncated).toBe(true)
  })
})
