// What the explanation may say about a change's tests: a pass only when the whole command ran on the
// change as committed and passed; a rerun of the failing tests alone is not the suite passing, and a
// run that could not run is no failure.
import { describe, expect, it } from 'vitest'
import { testVerdict } from '../../../../../../electron/services/change/team-tests/test-verdict.ts'
import type { AppliedChange, TestRunResult } from '../../../../../../shared/models/change.ts'

const applied = { commit: 'c0ffee1234567890', deleted: false } as AppliedChange
const run: TestRunResult = {
  command: 'npm test',
  branch: 'gemba/x',
  exitCode: 0,
  durationMs: 1_200,
  outcome: 'passed',
  couldNotRun: null,
  outputTail: '',
  commit: applied.commit,
  onChange: true,
  summary: null,
  rerunOf: null,
  flaky: [],
  rerun: null,
}

describe('testVerdict', () => {
  it('passes only a whole run on the change; a rerun of the failures alone and a could-not-run do not', () => {
    expect(testVerdict(applied, run)).toEqual({
      sentence: '`npm test` passed on this change (commit c0ffee1234) in 1.2 s.',
      passedOnChange: true,
    })
    expect(
      testVerdict(applied, { ...run, command: "npm test -- -t 'a'", rerunOf: { failed: ['a', 'b'], filtered: true }, flaky: ['a', 'b'] }),
    ).toEqual({
      sentence:
        'Only the 2 tests that had failed were rerun on this change (commit c0ffee1234), and passed (flaky: a; b); the whole suite has not passed on it.',
      passedOnChange: false,
    })
    expect(testVerdict(applied, { ...run, rerunOf: { failed: ['a'], filtered: false } }).passedOnChange).toBe(true)
    expect(
      testVerdict(applied, {
        ...run,
        exitCode: null,
        outcome: 'could_not_run',
        couldNotRun: { reason: 'tool_missing', sentence: 'pnpm is not installed.' },
      }),
    ).toEqual({
      sentence:
        '`npm test` could not run on this change (commit c0ffee1234): pnpm is not installed. Nothing here says whether the tests pass.',
      passedOnChange: false,
    })
  })
})
