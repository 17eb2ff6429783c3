// What can honestly be said about a change's tests: they pass only when the team's command ran on the
// change as committed (HEAD at its commit, nothing else edited) and passed. Everything else is said as
// it is: not run, run on other code, only the failing tests rerun, failed (with what failed), could not
// run (with its reason, the same sentence the Tests panel and the journal give; never a failure). Pure.
import type { AppliedChange, TestRunResult } from '../../../../shared/models/change.ts'

export interface TestVerdict {
  readonly sentence: string
  readonly passedOnChange: boolean
}

export function testVerdict(applied: AppliedChange | null, run: TestRunResult | null): TestVerdict {
  const no = (sentence: string): TestVerdict => ({ sentence, passedOnChange: false })
  if (!applied || applied.deleted) return no('The change is not committed, so no test run speaks for it yet.')
  if (!run) return no('The team’s tests have not been run on this change, so nothing here says they pass.')
  const command = `\`${run.command}\``
  if (!run.onChange || run.commit !== applied.commit) {
    return no(
      `${command} last ran on other code (${run.commit ? `commit ${run.commit.slice(0, 10)}` : 'no commit'}${run.onChange ? '' : ', or with other edits'}), not on this change as committed: run them again to know.`,
    )
  }
  const where = `on this change (commit ${applied.commit.slice(0, 10)})`
  if (run.outcome === 'passed' && run.rerunOf?.filtered)
    return no(
      `Only the ${run.rerunOf.failed.length === 1 ? 'test that had failed was' : `${run.rerunOf.failed.length} tests that had failed were`} rerun ${where}, and passed${run.flaky.length ? ` (flaky: ${run.flaky.slice(0, 3).join('; ')})` : ''}; the whole suite has not passed on it.`,
    )
  if (run.outcome === 'passed')
    return { sentence: `${command} passed ${where} in ${(run.durationMs / 1000).toFixed(1)} s.`, passedOnChange: true }
  if (run.outcome === 'failed') {
    const failed = run.summary?.failed.length
      ? `: ${run.summary.failed.slice(0, 3).join('; ')}${run.summary.failed.length > 3 ? ` and ${run.summary.failed.length - 3} more` : ''}`
      : ''
    const error = run.summary?.firstError ? ` First error: ${run.summary.firstError}` : ''
    return no(`${command} failed ${where}${failed}.${error}`)
  }
  return no(
    `${command} could not run ${where}: ${run.couldNotRun?.sentence ?? 'it did not finish.'} Nothing here says whether the tests pass.`,
  )
}
