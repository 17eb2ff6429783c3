import { describe, expect, it } from 'vitest'
import { buildMemoryNote, changedFiles } from '../../../../../../electron/services/ai/memory/memory-note.ts'
import { buildSessionRecord } from '../../journal/fixtures/build-session-record.ts'

const session = buildSessionRecord({
  questions: [
    { id: 'q1', text: 'Who owns the ledger?', status: 'answered', answer: 'The payments team, Maria leads it.' },
    { id: 'q2', text: 'Why no staging?', status: 'open' },
  ],
  reflection: 'The ledger is clearer than I thought.\nTests take 41 seconds.',
})

describe('buildMemoryNote', () => {
  it('says what the leader looked at, changed, had answered and reflected, then what changed since', () => {
    const note = buildMemoryNote(
      {
        sessions: [session],
        since: {
          fromCommit: 'a'.repeat(40),
          toCommit: 'b'.repeat(40),
          commits: [{ oid: 'c', date: '2026-11-30', subject: 'Add refunds' }],
          truncated: false,
          changedPaths: ['src/http/router.ts'],
        },
      },
      { includeReflections: true },
    )!
    expect(note.split('\n')[0]).toBe('<what_i_already_know>')
    expect(note).toContain('- 2026-11-24, week 3, “Follow one request end to end”, at commit 3f2a9c1d8e7b:')
    expect(note).toContain('  - Looked at: src/http/router.ts, src/ledger/post.ts, README.md')
    expect(note).toContain(
      '  - Changed: src/validate.ts (“Reject negative amounts with a clear error” on gemba/reject-negative-amounts; the tests passed)',
    )
    expect(note).toContain('  - Answered: “Who owns the ledger?” — “The payments team, Maria leads it.”')
    expect(note).toContain('  - Still open: “Why no staging?”')
    expect(note).toContain('  - Their reflection: “The ledger is clearer than I thought. Tests take 41 seconds.”')
    expect(note).toContain(
      'Since the last session (aaaaaaaaaaaa → bbbbbbbbbbbb): 1 commit, the latest “Add refunds” (2026-11-30). Of the files above, these changed: src/http/router.ts.',
    )
    expect(note.length).toBeLessThan(2_500)
  })

  it('never tells Claude that tests which could not run did not pass', () => {
    const couldNot = buildSessionRecord({})
    const record = {
      ...couldNot,
      change: {
        ...couldNot.change!,
        testRun: {
          command: 'pytest',
          exitCode: 2,
          durationMs: 900,
          outputTail: '',
          outcome: 'could_not_run' as const,
          couldNotRun: {
            reason: 'outside_repository' as const,
            sentence: 'The tests would import the installed copy of the package, not the repository’s code.',
          },
        },
      },
    }
    const note = buildMemoryNote({ sessions: [record], since: null }, { includeReflections: false })!
    expect(note).toContain(
      '; the tests could not run there (The tests would import the installed copy of the package, not the repository’s code), so nothing is known of them)',
    )
    expect(note).not.toMatch(/did not pass|failed/)
    const failed = {
      ...record,
      change: { ...record.change, testRun: { ...record.change.testRun, outcome: 'failed' as const, couldNotRun: null } },
    }
    expect(buildMemoryNote({ sessions: [failed], since: null }, { includeReflections: false })).toContain('; the tests failed)')
  })

  it('leaves the reflections out when the leader says so, and says nothing without a past session', () => {
    const note = buildMemoryNote({ sessions: [session], since: null }, { includeReflections: false })!
    expect(note).not.toContain('clearer than I thought')
    expect(note).toContain('their reflections left out, as they chose')
    expect(buildMemoryNote({ sessions: [], since: null }, { includeReflections: true })).toBeNull()
  })

  it('reads the files a change touched from its diff', () => {
    expect(changedFiles(session)).toEqual(['src/validate.ts'])
  })
})
