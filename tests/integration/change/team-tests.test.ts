// The team's tests through the change service, on real repositories and real processes: the code
// under test is the repository's own, a missing tool is said and nothing is started, no network is
// said at once (the registry asked first) or soon after a step prints a network error and goes
// quiet, and what could not run is kept as such with the session, never as a failure.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { RegistryProbe } from '../../../electron/services/change/team-tests/network-watch.ts'
import { recordedProgress } from '../../fixtures/recorded-progress.ts'
import { makeHarness, type Harness } from './harness.ts'

const signal = new AbortController().signal
let h: Harness | undefined
let extra: string | undefined
afterEach(async () => {
  await h?.cleanup()
  if (extra) await rm(extra, { recursive: true, force: true })
  h = extra = undefined
})

const unreachable: RegistryProbe = async () => ({ reachable: false, why: 'getaddrinfo ENOTFOUND' })

describe.skipIf(process.platform !== 'linux')('the team’s tests', () => {
  it('runs Python tests against the repository’s code, not an installed copy that comes first on the path', async () => {
    extra = await mkdtemp(join(tmpdir(), 'gemba-site-'))
    // An older installed copy of the same package, where the machine's Python would find it first.
    await mkdir(join(extra, 'greeter'))
    await writeFile(join(extra, 'greeter', '__init__.py'), 'def greet(name):\n    return "Helo, " + name\n')
    h = await makeHarness({ baseUrl: null, deps: { testEnv: { PATH: process.env.PATH ?? '', PYTHONPATH: extra } } })
    await h.repo.files({
      'pyproject.toml': '[project]\nname = "greeter"\nversion = "1.0"\n',
      'src/greeter/__init__.py': 'def greet(name):\n    return "Hello, " + name\n',
      'tests/test_greet.py':
        'import unittest\nfrom greeter import greet\n\nclass T(unittest.TestCase):\n    def test_hello(self):\n        self.assertEqual(greet("Ada"), "Hello, Ada")\n',
    })
    await h.repo.commit('A Python package in src/')
    const readiness = await h.service.testReadiness({ repoId: h.repoId, command: 'python3 -m unittest discover -s tests' }, signal)
    expect(readiness).toMatchObject({ ecosystem: 'python', pythonPath: 'src', blocked: null })
    expect(readiness.checked).toContain('the tests import greeter from src/')
    const run = await h.service.runTests({ repoId: h.repoId, command: 'python3 -m unittest discover -s tests' }, signal, recordedProgress())
    expect(run).toMatchObject({ outcome: 'passed', exitCode: 0, couldNotRun: null })
    // The virtualenv the setup creates in the repository is no change: git does not list it, nor does Gemba.
    const venv = readiness.steps[0]!
    expect(venv.command).toBe("python3 -m venv .venv && echo '*' > .venv/.gitignore")
    await promisify(execFile)('sh', ['-c', venv.command], { cwd: h.repo.dir })
    expect(await h.repo.git(['status', '--porcelain', '--untracked-files=all'])).toBe('')
    expect((await h.service.workingChanges({ repoId: h.repoId }, signal)).files).toEqual([])
  }, 30_000)

  it('says a missing package manager and starts nothing; the session keeps “could not run”, never a failure', async () => {
    // A PATH with node but neither pnpm nor corepack.
    extra = await mkdtemp(join(tmpdir(), 'gemba-bin-'))
    const { symlink } = await import('node:fs/promises')
    for (const tool of ['node', 'sh']) await symlink(tool === 'sh' ? '/bin/sh' : process.execPath, join(extra, tool))
    h = await makeHarness({ baseUrl: null, deps: { testEnv: { PATH: extra } } })
    await h.repo.write('package.json', JSON.stringify({ name: 'greeter', packageManager: 'pnpm@9.15.0', scripts: { test: 'node --test' } }))
    await h.repo.commit('pnpm')
    expect(await h.service.testCommand({ repoId: h.repoId }, signal)).toMatchObject({ command: 'pnpm test', source: 'detected' })
    const readiness = await h.service.testReadiness({ repoId: h.repoId, command: 'pnpm test' }, signal)
    expect(readiness).toMatchObject({
      ready: false,
      steps: [],
      blocked: { reason: 'tool_missing', sentence: 'pnpm is not installed.' },
      missing: [{ tool: 'pnpm', how: '`npm install -g pnpm`, or Node’s corepack: `corepack enable`' }],
    })
    const ctx = recordedProgress()
    const run = await h.service.runTests({ repoId: h.repoId, command: 'pnpm test', sessionId: 'session-0001' }, signal, ctx)
    expect(run).toMatchObject({ outcome: 'could_not_run', exitCode: null, couldNotRun: { reason: 'tool_missing' }, summary: null })
    expect(ctx.events).toEqual([])
    expect(h.recorded.at(-1)!.patch.testRun).toMatchObject({
      outcome: 'could_not_run',
      couldNotRun: { reason: 'tool_missing', sentence: 'pnpm is not installed.' },
      failed: [],
    })
  })

  it('a command that is not found when it runs (behind make) could not run; it did not fail', async () => {
    h = await makeHarness({ baseUrl: null })
    await h.repo.write('Makefile', '.PHONY: test\ntest:\n\tno-such-runner-here --all\n')
    await h.repo.commit('make test')
    const run = await h.service.runTests({ repoId: h.repoId, command: 'make test' }, signal, recordedProgress())
    expect(run.outcome).toBe('could_not_run')
    expect(run.couldNotRun).toEqual({
      reason: 'dependencies_missing',
      sentence: 'no-such-runner-here is not installed here: the project’s dependencies are not installed.',
    })
  })

  it('a `make test` that ran nothing (a test/ folder makes the target “up to date”) found no tests; it did not pass', async () => {
    h = await makeHarness({ baseUrl: null })
    await h.repo.write('Makefile', 'test:\n\tnode --test\n')
    await h.repo.commit('make test, not phony')
    const run = await h.service.runTests({ repoId: h.repoId, command: 'make test' }, signal, recordedProgress())
    expect(run).toMatchObject({ outcome: 'could_not_run', exitCode: 0, couldNotRun: { reason: 'no_tests' } })
  })

  it('says no network at once when the registry cannot be reached, without starting the install', async () => {
    h = await makeHarness({ baseUrl: null, deps: { registryProbe: unreachable } })
    await h.repo.write(
      'package.json',
      JSON.stringify({ name: 'greeter', scripts: { test: 'node --test' }, dependencies: { leftpad: '1.0.0' } }),
    )
    await h.repo.commit('A dependency')
    const ctx = recordedProgress()
    const install = await h.service.installDependencies({ repoId: h.repoId, command: 'npm test' }, signal, ctx)
    expect(install.outcome).toBe('could_not_run')
    expect(install.steps).toEqual([
      {
        command: 'npm install',
        exitCode: null,
        durationMs: 0,
        outcome: 'could_not_run',
        couldNotRun: {
          reason: 'no_network',
          sentence:
            'No network: registry.npmjs.org could not be reached (getaddrinfo ENOTFOUND), so `npm install` cannot download what it needs.',
        },
      },
    ])
    expect(install.readiness.ready).toBe(false)
  })

  it('stops a setup step that printed a network error and went quiet, and says why', async () => {
    // A Go toolchain that cannot reach its module proxy and retries in silence, as go does behind a dead DNS.
    extra = await mkdtemp(join(tmpdir(), 'gemba-bin-'))
    await writeFile(
      join(extra, 'go'),
      '#!/bin/sh\necho \'go: example.com/x@v1.0.0: Get "https://proxy.golang.org/example.com/x/@v/v1.0.0.mod": dial tcp: lookup proxy.golang.org: no such host\'\nexec sleep 60\n',
      { mode: 0o755 },
    )
    h = await makeHarness({
      baseUrl: null,
      deps: {
        testEnv: { PATH: `${extra}:${process.env.PATH ?? ''}` },
        registryProbe: async () => ({ reachable: true }),
        networkSilenceMs: 300,
      },
    })
    await h.repo.files({
      'go.mod': 'module example.com/greeter\n\ngo 1.22\n',
      '.github/workflows/ci.yml':
        'jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v5\n      - run: go mod download\n      - run: go test ./...\n',
    })
    await h.repo.commit('Go')
    expect(await h.service.testCommand({ repoId: h.repoId }, signal)).toEqual({
      command: 'go test ./...',
      source: 'detected',
      from: 'the `test` job of .github/workflows/ci.yml',
    })
    const readiness = await h.service.testReadiness({ repoId: h.repoId, command: 'go test ./...' }, signal)
    expect(readiness.steps.map((step) => step.command)).toEqual(['go mod download'])
    const install = await h.service.installDependencies({ repoId: h.repoId, command: 'go test ./...' }, signal, recordedProgress())
    expect(install.steps[0]).toMatchObject({
      command: 'go mod download',
      exitCode: null,
      outcome: 'could_not_run',
      couldNotRun: {
        reason: 'no_network',
        sentence: expect.stringMatching(
          /^No network: proxy\.golang\.org could not be reached \(.*no such host\), so `go mod download` cannot download what it needs\.$/,
        ),
      },
    })
  }, 20_000)

  it('reruns only the failing tests; one that passes on the rerun with the code unchanged is flaky, in the session’s test record', async () => {
    h = await makeHarness({ baseUrl: null })
    // A test that fails on its first run only (a count kept in an ignored file), one that always fails, one that passes.
    await h.repo.files({
      '.gitignore': 'runs.count\n',
      'test/flaky.test.js': [
        "import { test } from 'node:test'",
        "import assert from 'node:assert/strict'",
        "import { existsSync, readFileSync, writeFileSync } from 'node:fs'",
        "const runs = existsSync('runs.count') ? Number(readFileSync('runs.count', 'utf8')) : 0",
        "writeFileSync('runs.count', String(runs + 1))",
        "test('passes on a second try', () => assert.ok(runs > 0))",
        "test('always fails', () => assert.equal(1, 2))",
        "test('always passes', () => assert.ok(true))",
        '',
      ].join('\n'),
    })
    await h.repo.commit('Flaky tests')
    const command = 'node --test test/flaky.test.js'
    const first = await h.service.runTests({ repoId: h.repoId, command, sessionId: 'session-0001' }, signal, recordedProgress())
    expect(first.summary?.failed).toEqual(['passes on a second try', 'always fails'])
    expect(first.rerun).toEqual({
      command: "node --test --test-name-pattern='^(?:passes on a second try|always fails)$' test/flaky.test.js",
      filtered: true,
    })
    const ctx = recordedProgress()
    const rerun = await h.service.runTests({ repoId: h.repoId, command, sessionId: 'session-0001', rerunFailing: true }, signal, ctx)
    expect(rerun).toMatchObject({
      command: first.rerun!.command,
      outcome: 'failed',
      rerunOf: { failed: ['passes on a second try', 'always fails'], filtered: true },
      flaky: ['passes on a second try'],
    })
    expect(rerun.summary?.failed).toEqual(['always fails'])
    // Only the failing tests ran.
    expect(rerun.outputTail).not.toMatch(/always passes/)
    // With the code changed, a test that now passes is not flaky: the change may have fixed it.
    await h.repo.write('README.md', '# Greeter\n\nEdited.\n')
    await h.repo.write('runs.count', '0')
    await h.service.runTests({ repoId: h.repoId, command, sessionId: 'session-0001' }, signal, recordedProgress())
    await h.repo.write('README.md', '# Greeter\n\nEdited again.\n')
    expect(
      (await h.service.runTests({ repoId: h.repoId, command, sessionId: 'session-0001', rerunFailing: true }, signal, recordedProgress()))
        .flaky,
    ).toEqual([])

    const logs = h.recorded.map(
      (entry) => entry.patch.testLog as { runs: { rerun: boolean; flaky: string[]; failed: string[] }[]; flaky: string[] },
    )
    expect(logs.map((log) => log.runs[0]!.rerun)).toEqual([false, true, false, true])
    expect(logs[1]).toMatchObject({
      runs: [{ flaky: ['passes on a second try'], failed: ['always fails'] }],
      flaky: ['passes on a second try'],
    })
    expect(logs[3]!.flaky).toEqual([])
    // A rerun of the failing tests alone never becomes the change's test run: the journal speaks of whole runs only.
    expect(h.recorded.map((entry) => 'testRun' in entry.patch)).toEqual([true, false, true, false])
  })

  it('keeps each setup step that ran, with its outcome, in the session’s test record', async () => {
    h = await makeHarness({ baseUrl: null, deps: { registryProbe: unreachable } })
    await h.repo.write(
      'package.json',
      JSON.stringify({ name: 'greeter', scripts: { test: 'node --test' }, dependencies: { leftpad: '1.0.0' } }),
    )
    await h.repo.commit('A dependency')
    await h.service.installDependencies({ repoId: h.repoId, command: 'npm test', sessionId: 'session-0001' }, signal, recordedProgress())
    expect(h.recorded).toEqual([
      {
        sessionId: 'session-0001',
        patch: {
          testLog: {
            setup: [
              {
                command: 'npm install',
                outcome: 'could_not_run',
                couldNotRun: expect.objectContaining({ reason: 'no_network' }),
                exitCode: null,
                durationMs: 0,
                at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
              },
            ],
            runs: [],
            flaky: [],
          },
        },
      },
    ])
  })
})
