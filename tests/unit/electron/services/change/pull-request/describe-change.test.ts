// The pull request's text drafted from the hour: the commit's subject as the title, what changed and
// why, the files, the tests only as measured on the change, the explanation, and who wrote what.
import { describe, expect, it } from 'vitest'
import { describeChange, type HourOfChange } from '../../../../../../electron/services/change/pull-request/describe-change.ts'
import type { AppliedChange, TestRunResult } from '../../../../../../shared/models/change.ts'

const applied: AppliedChange = {
  branch: 'gemba/2026-12-07-fix',
  originalBranch: 'main',
  baseCommit: 'b'.repeat(40),
  commit: 'c'.repeat(40),
  files: ['src/greet.js'],
  push: { remote: 'origin', pushCommand: 'git push -u origin gemba/2026-12-07-fix', compareUrl: null, host: null, addRemote: null },
  onGembaBranch: true,
  deleted: false,
  restorable: false,
}
const passed: TestRunResult = {
  command: 'npm test',
  branch: applied.branch,
  exitCode: 0,
  durationMs: 2_340,
  outcome: 'passed',
  outputTail: '',
  commit: applied.commit,
  onChange: true,
  summary: null,
  couldNotRun: null,
  rerunOf: null,
  flaky: [],
  rerun: null,
}
const hour: HourOfChange = {
  request: 'Fix the typo in the greeting',
  commitMessage: 'Fix the greeting\n\nIt said "Helo"; a test pins "Hello".',
  applied,
  files: [{ path: 'src/greet.js', status: 'modified', additions: 1, deletions: 1 }],
  lastTestRun: passed,
  explanation: 'The greeting lives in `src/greet.js`.',
  authorship: { leaderLines: 2, agentLines: 7 },
}

describe('describeChange', () => {
  it('drafts the title and description from the hour', () => {
    const { title, body } = describeChange(hour)
    expect(title).toBe('Fix the greeting')
    expect(body).toBe(
      [
        '## What changed and why',
        '',
        'It said "Helo"; a test pins "Hello".',
        '',
        'Asked for in the hour:',
        '',
        '> Fix the typo in the greeting',
        '',
        '- `src/greet.js` (modified, +1 −1)',
        '',
        '## Tests',
        '',
        '`npm test` passed on this change (commit cccccccccc) in 2.3 s.',
        '',
        '## Explanation',
        '',
        'The greeting lives in `src/greet.js`.',
        '',
        '---',
        "Made in a Gemba hour: an engineering leader's weekly hands-on hour in the team's code. The leader wrote 2 lines; Claude, as an AI pair, drafted 7 lines, which the leader reviewed before committing.",
      ].join('\n'),
    )
  })

  it('never says the tests pass when they ran on other code, and falls back on the request for a title', () => {
    const { title, body } = describeChange({
      ...hour,
      commitMessage: null,
      explanation: null,
      lastTestRun: { ...passed, commit: 'd'.repeat(40) },
      authorship: { leaderLines: 5, agentLines: 0 },
    })
    expect(title).toBe('Fix the typo in the greeting')
    expect(body).toContain('`npm test` last ran on other code')
    expect(body).not.toContain('passed on this change')
    expect(body).not.toContain('## Explanation')
    expect(body).toMatch(/The leader wrote every line\.$/)
  })

  it('keeps a long subject and a long file list short', () => {
    const many = Array.from({ length: 45 }, (_, index) => ({ path: `f${index}.js`, status: 'added' as const, additions: 1, deletions: 0 }))
    const { title, body } = describeChange({ ...hour, commitMessage: 'x'.repeat(300), files: many })
    expect(title).toHaveLength(120)
    expect(title.endsWith('…')).toBe(true)
    expect(body).toContain('- and 15 more files')
  })
})
