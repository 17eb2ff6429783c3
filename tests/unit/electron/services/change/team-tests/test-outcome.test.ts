// Honest outcomes from real runners' output: a test that ran and failed is a failure; a run that never
// got to the tests says why it could not run (a missing tool, missing dependencies, an installed copy
// imported instead of the repository's code, no tests, stopped, timed out) and is never a failure.
import { describe, expect, it } from 'vitest'
import { judgeRun, judgeStep, type RunFacts } from '../../../../../../electron/services/change/team-tests/test-outcome.ts'

const facts = (over: Partial<RunFacts>): RunFacts => ({
  command: 'npm test',
  ended: 'exited',
  exitCode: 1,
  output: '',
  durationMs: 1_500,
  timeoutMs: 600_000,
  root: '/home/lead/code/clickish',
  ownNames: new Set(['clickish', 'tests', 'src']),
  ...over,
})

describe('judgeRun', () => {
  it('a run where tests failed is a failure, with what failed; a pass is a pass', () => {
    const failed = judgeRun(
      facts({ command: 'pytest', output: 'FAILED tests/test_a.py::test_one - assert 1 == 2\n==== 1 failed, 3 passed in 0.2s ====\n' }),
    )
    expect(failed.outcome).toBe('failed')
    expect(failed.summary?.failed).toEqual(['tests/test_a.py::test_one'])
    expect(judgeRun(facts({ exitCode: 0, output: 'Tests: 12 passed, 12 total\n' }))).toEqual({
      outcome: 'passed',
      couldNotRun: null,
      summary: null,
    })
  })

  it('a missing program is a missing tool when it is the machine’s, missing dependencies when it is the project’s', () => {
    expect(judgeRun(facts({ command: 'pnpm test', exitCode: 127, output: 'sh: 1: pnpm: not found\n' })).couldNotRun).toEqual({
      reason: 'tool_missing',
      sentence: 'pnpm is not installed.',
    })
    expect(judgeRun(facts({ exitCode: 127, output: '> vitest run\nsh: 1: vitest: not found\n' })).couldNotRun).toEqual({
      reason: 'dependencies_missing',
      sentence: 'vitest is not installed here: the project’s dependencies are not installed.',
    })
    expect(
      judgeRun(facts({ command: 'python3 -m pytest', exitCode: 1, output: '/usr/bin/python3: No module named pytest\n' })).couldNotRun,
    ).toEqual({
      reason: 'dependencies_missing',
      sentence: 'pytest is not installed for this Python: the project’s test dependencies are missing.',
    })
  })

  it('an installed copy imported instead of the repository’s code could not run; the repository’s own broken import is a failure', () => {
    const outside = judgeRun(
      facts({
        command: 'pytest',
        exitCode: 2,
        output: [
          '_____ ERROR collecting tests/test_basic.py _____',
          "ImportError while importing test module '/home/lead/code/clickish/tests/test_basic.py'.",
          "E   ImportError: cannot import name 'new_thing' from 'clickish' (/usr/lib/python3/dist-packages/clickish/__init__.py)",
          '!!!!! Interrupted: 3 errors during collection !!!!!',
        ].join('\n'),
      }),
    )
    expect(outside.outcome).toBe('could_not_run')
    expect(outside.couldNotRun).toEqual({
      reason: 'import_error',
      sentence:
        'The tests could not import new_thing from clickish: clickish was imported from /usr/lib/python3/dist-packages/clickish, outside the repository, not from its code.',
    })
    const own = judgeRun(
      facts({
        command: 'pytest',
        exitCode: 2,
        output: [
          '_____ ERROR collecting tests/test_basic.py _____',
          "E   ImportError: cannot import name 'new_thing' from 'clickish' (/home/lead/code/clickish/src/clickish/__init__.py)",
          '!!!!! Interrupted: 1 error during collection !!!!!',
        ].join('\n'),
      }),
    )
    expect(own.outcome).toBe('failed')
    const missing = judgeRun(
      facts({
        command: 'pytest',
        exitCode: 2,
        output: "ERROR collecting tests/test_a.py\nE   ModuleNotFoundError: No module named 'colorama'\n",
      }),
    )
    expect(missing.couldNotRun?.reason).toBe('import_error')
  })

  it('stopped, timed out, no tests, no network: each could not run with its reason', () => {
    expect(judgeRun(facts({ ended: 'stopped', exitCode: null, durationMs: 4_000 })).couldNotRun).toEqual({
      reason: 'cancelled',
      sentence: 'You stopped the run after 4.0 s, before it finished.',
    })
    expect(judgeRun(facts({ ended: 'timed_out', exitCode: null, timeoutMs: 600_000 })).couldNotRun?.reason).toBe('timed_out')
    expect(judgeRun(facts({ command: 'pytest', exitCode: 5, output: '==== no tests ran in 0.01s ====\n' })).couldNotRun?.reason).toBe(
      'no_tests',
    )
    expect(judgeRun(facts({ command: 'go test ./...', exitCode: 0, output: '?   \texample.com/x\t[no test files]\n' })).outcome).toBe(
      'could_not_run',
    )
    expect(judgeRun(facts({ command: 'make test', exitCode: 0, output: "make: 'test' is up to date.\n" })).couldNotRun?.sentence).toBe(
      'make ran nothing: it took `test` for a file that is up to date (a folder of that name; the target is not marked .PHONY).',
    )
    expect(
      judgeRun(
        facts({
          command: 'cargo test',
          exitCode: 101,
          output: 'error: failed to get `serde` as a dependency\nCaused by: Could not resolve host: index.crates.io\n',
        }),
      ).couldNotRun,
    ).toMatchObject({ reason: 'no_network', sentence: expect.stringMatching(/^No network: index\.crates\.io could not be reached/) })
    // Corepack's shim that cannot fetch the package manager it provides: the tool is missing, with how to get it.
    expect(
      judgeRun(
        facts({
          command: 'pnpm run test-unit',
          output:
            '/usr/lib/node_modules/corepack/dist/lib/corepack.cjs:21999\nError: No compatible signature found in package metadata\n    at verifySignature (/usr/lib/node_modules/corepack/dist/lib/corepack.cjs:21999:63)\n',
        }),
      ).couldNotRun,
    ).toEqual({
      reason: 'tool_missing',
      sentence:
        'Corepack could not provide the package manager (Error: No compatible signature found in package metadata); a newer corepack can: `npm install -g corepack@latest`.',
    })
    // A build tool's wrapper that cannot download itself: its retry count is no test count.
    expect(
      judgeRun(
        facts({
          command: './gradlew test',
          output:
            'Downloading https://services.gradle.org/distributions/gradle-9.6.1-bin.zip\n\nAttempt 1/1 failed. Reason: services.gradle.org\nException in thread "main" java.net.UnknownHostException: services.gradle.org\n',
        }),
      ).couldNotRun,
    ).toMatchObject({ reason: 'no_network', sentence: expect.stringMatching(/^No network: services\.gradle\.org could not be reached/) })
  })
})

describe('judgeStep', () => {
  it('a setup step that exits non-zero failed; one whose tool is missing could not run', () => {
    expect(judgeStep(facts({ command: 'npm ci', exitCode: 1, output: 'npm ERR! code EUSAGE\n' }))).toMatchObject({ outcome: 'failed' })
    expect(judgeStep(facts({ command: 'bundle install', exitCode: 127, output: 'sh: 1: bundle: not found\n' }))).toEqual({
      outcome: 'could_not_run',
      couldNotRun: { reason: 'tool_missing', sentence: 'bundle is not installed.' },
      summary: null,
    })
    expect(judgeStep(facts({ command: 'npm ci', exitCode: 0 }))).toEqual({ outcome: 'passed', couldNotRun: null, summary: null })
  })
})
