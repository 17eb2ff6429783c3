// Only what the leader (or the agent) changed is a change: a test run that leaves pytest's cache (its
// own .gitignore of `*`), an empty .benchmarks/ and files git does show (a .hypothesis/ folder, a
// coverage file) changes nothing that is listed, accepted or committed; a new folder of the leader's
// is its files; the repository list counts what `git status --porcelain` prints.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { GembaError } from '../../../shared/errors.ts'
import { recordedProgress } from '../../fixtures/recorded-progress.ts'
import { makeHarness, type Harness } from './harness.ts'

let h: Harness | undefined
const signal = new AbortController().signal
afterEach(async () => {
  await h?.cleanup()
  h = undefined
})

/** What a pytest run with the hypothesis and coverage plugins leaves, written the way they write it. */
const PYTEST_LIKE_RUN = [
  'mkdir -p .pytest_cache/v/cache .benchmarks .hypothesis/examples/3f',
  "printf '# Created by pytest automatically.\\n*\\n' > .pytest_cache/.gitignore",
  "printf 'Signature: 8a477f597d28d172789f06886806bc55\\n' > .pytest_cache/CACHEDIR.TAG",
  "printf '[]' > .pytest_cache/v/cache/nodeids",
  "printf 'x' > .hypothesis/examples/3f/1a",
  "printf '{}' > coverage.json",
  'node --test',
].join(' && ')

/** Whether this machine runs pytest (the real run below needs it; the pytest-like run above does not). */
function pytestRuns(): boolean {
  try {
    execFileSync('python3', ['-m', 'pytest', '--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function porcelain(harness: Harness): Promise<string[]> {
  return (await harness.repo.git(['status', '--porcelain'])).split('\n').filter(Boolean)
}

describe('a test run never changes what is applied', () => {
  it('lists, accepts and commits only the leader’s edits after a pytest-like run; a new folder is its files', async () => {
    h = await makeHarness({ baseUrl: null })
    const { service, repo, repoId, repos } = h
    await repo.git(['config', 'user.name', 'Leader Person'])
    await repo.git(['config', 'user.email', 'leader@example.com'])
    const draft = await service.start({ repoId, request: 'Trim the name', estimateMinutes: 10, mode: 'manual' }, signal, recordedProgress())
    const greet = join(repo.dir, 'src/greet.js')
    await writeFile(greet, (await readFile(greet, 'utf8')).replace('Helo', 'Hello'))
    await repo.files({ 'src/helpers/trim.js': 'export const trim = (s) => s.trim()\n' })

    const run = await service.runTests({ repoId, command: PYTEST_LIKE_RUN, draftId: draft.draftId }, signal, recordedProgress())
    expect(run.outcome).not.toBe('timed_out')
    // git shows the two leftovers it does not ignore, and the leader's two changes.
    expect(await porcelain(h)).toEqual([' M src/greet.js', '?? .hypothesis/', '?? coverage.json', '?? src/helpers/'])
    // The repository list counts what git prints.
    expect((await repos.info({ id: repoId }, signal)).changedFiles).toHaveLength((await porcelain(h)).length)

    const working = await service.workingChanges({ repoId }, signal)
    expect(working.files.map((file) => file.path).sort()).toEqual(['src/greet.js', 'src/helpers/trim.js'])
    expect(working.leftByRuns).toEqual([
      { path: '.hypothesis/', by: 'tests' },
      { path: 'coverage.json', by: 'tests' },
    ])

    // What the page accepts by default is what it lists: the landing commits exactly that.
    const accepted = working.files.map((file) => file.path)
    const applied = await service.apply(
      { draftId: draft.draftId, acceptedPaths: accepted, message: 'Trim the name' },
      signal,
      recordedProgress(),
    )
    const branch = applied.applied!.branch
    expect((await repo.git(['show', '--name-only', '--format=', branch])).split('\n').filter(Boolean).sort()).toEqual([
      'src/greet.js',
      'src/helpers/trim.js',
    ])
    // The leftovers stay where the run left them, untracked; nothing else is changed.
    expect(await porcelain(h)).toEqual(['?? .hypothesis/', '?? coverage.json'])
  })

  it.skipIf(!pytestRuns())(
    'a real pytest run: its cache and __pycache__ folders are never the change; applying commits the edit',
    async () => {
      h = await makeHarness({ baseUrl: null })
      const { service, repo, repoId } = h
      await service.setIdentity({ name: 'Leader Person', email: 'leader@example.com' })
      await repo.files({
        'calc/__init__.py': '',
        'calc/add.py': 'def add(a, b):\n    return a - b\n',
        'tests/test_add.py': 'from calc.add import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n',
      })
      await repo.commit('Calculator')
      const draft = await service.start({ repoId, request: 'Fix add', estimateMinutes: 10, mode: 'manual' }, signal, recordedProgress())
      await repo.write('calc/add.py', 'def add(a, b):\n    return a + b\n')
      const run = await service.runTests({ repoId, command: 'python3 -m pytest -q', draftId: draft.draftId }, signal, recordedProgress())
      expect(run.outcome).toBe('passed')
      // pytest's cache ignores itself; whatever else git shows that the run wrote (bytecode folders) is the run's.
      const shown = await porcelain(h)
      expect(shown).toContain(' M calc/add.py')
      expect(shown.some((line) => line.includes('.pytest_cache'))).toBe(false)
      const untracked = shown.filter((line) => line.startsWith('?? ')).map((line) => line.slice(3))
      const working = await service.workingChanges({ repoId }, signal)
      expect(working.files.map((file) => file.path)).toEqual(['calc/add.py'])
      expect(working.leftByRuns.map((left) => left.path)).toEqual(untracked)
      const applied = await service.apply(
        { draftId: draft.draftId, acceptedPaths: ['calc/add.py'], message: 'Fix add' },
        signal,
        recordedProgress(),
      )
      expect((await repo.git(['show', '--name-only', '--format=', applied.applied!.branch])).trim()).toBe('calc/add.py')
      expect(await porcelain(h)).toEqual(untracked.map((path) => `?? ${path}`))
    },
  )

  it('refuses to commit a file a test run left, even when asked for by name', async () => {
    h = await makeHarness({ baseUrl: null })
    const { service, repo, repoId } = h
    await service.setIdentity({ name: 'Leader Person', email: 'leader@example.com' })
    const draft = await service.start({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'manual' }, signal, recordedProgress())
    const greet = join(repo.dir, 'src/greet.js')
    await writeFile(greet, (await readFile(greet, 'utf8')).replace('Helo', 'Hello'))
    await service.runTests({ repoId, command: PYTEST_LIKE_RUN }, signal, recordedProgress())
    const refused = await service
      .apply({ draftId: draft.draftId, acceptedPaths: ['src/greet.js', 'coverage.json'], message: 'x' }, signal, recordedProgress())
      .then(
        () => null,
        (error: unknown) => error,
      )
    expect(refused).toBeInstanceOf(GembaError)
    expect((refused as GembaError).message).toBe(
      'coverage.json was left by a test run or an install, not by you, so Gemba does not commit it.',
    )
    expect(await repo.git(['branch', '--list'])).toBe('* main\n')
  })

  it('a folder a run leaves (a virtualenv) is set apart as one path, and forgotten once it is gone', async () => {
    h = await makeHarness({ baseUrl: null })
    const { service, repo, repoId } = h
    await service.runTests({ repoId, command: 'mkdir -p .venv/lib && printf x > .venv/lib/site.py' }, signal, recordedProgress())
    expect(await porcelain(h)).toEqual(['?? .venv/'])
    const working = await service.workingChanges({ repoId }, signal)
    expect(working.files).toEqual([])
    expect(working.leftByRuns).toEqual([{ path: '.venv/', by: 'tests' }])
    // Gone from the disk, it is forgotten.
    await repo.git(['clean', '-fdq'])
    expect((await service.workingChanges({ repoId }, signal)).leftByRuns).toEqual([])
  })

  it('while a run goes, what is new since it began is its own: an apply mid-run commits only the leader’s edit', async () => {
    h = await makeHarness({ baseUrl: null })
    const { service, repo, repoId } = h
    await service.setIdentity({ name: 'Leader Person', email: 'leader@example.com' })
    const draft = await service.start({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'manual' }, signal, recordedProgress())
    const greet = join(repo.dir, 'src/greet.js')
    await writeFile(greet, (await readFile(greet, 'utf8')).replace('Helo', 'Hello'))
    const watching = new AbortController()
    const watch = recordedProgress()
    const watched = service.watchWorkingTree({ repoId }, watching.signal, watch)
    // The run writes its report, then waits until the test lets it finish (its waiting script kept outside the clone).
    const waiter = join(await mkdtemp(join(tmpdir(), 'gemba-waiter-')), 'wait-for-flag.cjs')
    await writeFile(waiter, "const t = setInterval(() => require('fs').existsSync('done.flag') && clearInterval(t), 50)\n")
    const run = service.runTests({ repoId, command: `printf x > report.xml && node ${waiter}` }, signal, recordedProgress())
    await expect
      .poll(async () => (await service.workingChanges({ repoId }, signal)).leftByRuns.map((left) => left.path))
      .toEqual(['report.xml'])
    const working = await service.workingChanges({ repoId }, signal)
    expect(working.files.map((file) => file.path)).toEqual(['src/greet.js'])
    const applied = await service.apply(
      { draftId: draft.draftId, acceptedPaths: working.files.map((file) => file.path), message: 'Fix the typo' },
      signal,
      recordedProgress(),
    )
    await writeFile(join(repo.dir, 'done.flag'), '')
    await run
    await rm(dirname(waiter), { recursive: true, force: true })
    expect((await repo.git(['show', '--name-only', '--format=', applied.applied!.branch])).trim()).toBe('src/greet.js')
    // When the run ends, the watch says again what it left, apart from the leader's edits.
    await expect
      .poll(() =>
        watch
          .of('change.workingTree')
          .at(-1)
          ?.changes.leftByRuns.map((left) => left.path),
      )
      .toEqual(['done.flag', 'report.xml'])
    watching.abort()
    await watched
  })
})
