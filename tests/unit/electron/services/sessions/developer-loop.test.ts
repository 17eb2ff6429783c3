// The developer loop is measured from what the session kept, never guessed: times count the hour's
// clock (a pause is left out), a run that could not run is not "the first test run", a flaky test is
// one that failed and passed with nothing changed, and a figure with nothing behind it is absent.
import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { DEFAULT_TIMEBOXES, type Session, type TestHistoryEntry } from '../../../../../shared/models/sessions.ts'
import { developerLoopOf, flakyTests, loopOutcomeOf } from '../../../../../electron/services/sessions/developer-loop.ts'
import { withChangeRecord } from '../../../../../electron/services/sessions/keep-record.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'

const at = (minute: number) => new Date(Date.parse('2026-03-02T09:00:00Z') + minute * 60_000)
const base = newSession({
  id: 'session-loop',
  programmeWeek: 4,
  week: defaultCurriculum().weeks[3]!,
  repo: { id: 'r', name: 'r', path: '/r', commit: 'abc' },
  timeboxes: DEFAULT_TIMEBOXES,
  offline: false,
  now: at(0),
})

/** A session whose change step ran 09:10-09:20, paused, then 09:30-09:50. */
function changing(): Session {
  const change = {
    ...base.steps.change,
    status: 'in_progress' as const,
    intervals: [
      { start: at(10).toISOString(), end: at(20).toISOString() },
      { start: at(30).toISOString(), end: at(50).toISOString() },
    ],
  }
  const explore = { ...base.steps.explore, intervals: [{ start: at(0).toISOString(), end: at(10).toISOString() }] }
  return { ...base, steps: { ...base.steps, explore, change } }
}

const run = (extra: Partial<NonNullable<Session['steps']['change']['payload']['testRun']>> & { outcome?: string }) => ({
  command: 'npm test',
  exitCode: 1,
  durationMs: 60_000,
  outputTail: '',
  commit: 'c1',
  onChange: true,
  ...extra,
})

describe('developerLoopOf', () => {
  it('counts the first real run from the change’s start on the hour’s clock, skipping a run that could not run', () => {
    let session = changing()
    // 09:15 a run that could not run (no tool), then 09:35 one that failed, 09:45 one that passed.
    session = withChangeRecord(session, { testRun: run({ exitCode: null, durationMs: 0, outcome: 'could_not_run' }) }, at(15))
    session = withChangeRecord(session, { testRun: run({ exitCode: 1, failed: ['cart > totals'], outcome: 'failed' }) }, at(35))
    session = withChangeRecord(session, { testRun: run({ exitCode: 0, outcome: 'passed', durationMs: 41_000 }) }, at(45))
    const loop = developerLoopOf(session, at(50))!
    // Started 09:34 (ended 09:35 after 60 s): 10 min before the pause + 4 min after it.
    expect(loop.firstTestRunMinutes).toBe(14)
    expect(loop.firstGreenMinutes).toBe(25)
    expect(loop).toMatchObject({ testRuns: 2, couldNotRun: 1, suiteSeconds: 41, flaky: ['cart > totals'] })
  })

  it('leaves out what was not measured: no runs, no setup, no agent means no loop at all', () => {
    expect(developerLoopOf(changing(), at(50))).toBeNull()
    const onlyFailed = withChangeRecord(changing(), { testRun: run({ exitCode: null, outcome: 'could_not_run' }) }, at(15))
    const loop = developerLoopOf(onlyFailed, at(50))!
    expect(loop).toEqual({ couldNotRun: 1 })
    expect('firstTestRunMinutes' in loop).toBe(false)
  })

  it('keeps each setup step, whether it worked, and the build’s time', () => {
    const session = withChangeRecord(
      changing(),
      {
        setupSteps: [
          { command: 'npm ci', exitCode: 0, durationMs: 83_000, outcome: 'passed' },
          { command: 'npm run build', exitCode: 0, durationMs: 12_400, outcome: 'passed' },
          { command: 'docker compose up -d db', exitCode: null, durationMs: 1_000, outcome: 'could_not_run' },
        ],
      },
      at(12),
    )
    const loop = developerLoopOf(session, at(50))!
    expect(loop.setup).toEqual([
      { command: 'npm ci', ok: true, seconds: 83 },
      { command: 'npm run build', ok: true, seconds: 12.4 },
      { command: 'docker compose up -d db', ok: false, seconds: 1 },
    ])
    expect(loop.buildSeconds).toBe(12.4)
  })

  it('splits the change step’s time between waiting on the agent and the leader’s own work', () => {
    const session = withChangeRecord(changing(), { agentWait: { start: at(11).toISOString(), end: at(17).toISOString() } }, at(17))
    expect(developerLoopOf(session, at(50))).toEqual({ agentWaitMinutes: 6, leaderWorkMinutes: 24 })
  })
})

describe('developerLoopOf: the change service’s own test record', () => {
  it('reads the test log when the session has one: its runs, its setup, its flaky marks, and a rerun is not the suite', () => {
    const session = changing()
    const log = {
      setup: [{ command: 'uv sync', outcome: 'passed', couldNotRun: null, exitCode: 0, durationMs: 31_000, at: at(12).toISOString() }],
      runs: [
        {
          command: 'pytest',
          outcome: 'failed',
          couldNotRun: null,
          exitCode: 1,
          durationMs: 120_000,
          at: at(36).toISOString(),
          failed: ['test_x'],
          rerun: false,
          flaky: [],
          onChange: true,
        },
        {
          command: 'pytest test_x',
          outcome: 'passed',
          couldNotRun: null,
          exitCode: 0,
          durationMs: 4_000,
          at: at(38).toISOString(),
          failed: [],
          rerun: true,
          flaky: ['test_x'],
          onChange: true,
        },
      ],
      flaky: ['test_x'],
    }
    const withLog = {
      ...session,
      steps: { ...session.steps, change: { ...session.steps.change, payload: { ...session.steps.change.payload, testLog: log } } },
    }
    const loop = developerLoopOf(withLog as Session, at(50))!
    expect(loop).toMatchObject({ firstTestRunMinutes: 14, firstGreenMinutes: 18, testRuns: 2, suiteSeconds: 120, flaky: ['test_x'] })
    expect(loop.setup).toEqual([{ command: 'uv sync', ok: true, seconds: 31 }])
  })
})

describe('flakyTests', () => {
  const entry = (extra: Partial<TestHistoryEntry>): TestHistoryEntry => ({
    at: at(1).toISOString(),
    command: 'npm test',
    exitCode: 1,
    durationMs: 1,
    commit: 'c1',
    onChange: true,
    failed: ['a'],
    ...extra,
  })
  it('is not flaky when the code changed between the failure and the pass', () => {
    expect(flakyTests([entry({}), entry({ exitCode: 0, commit: 'c2', failed: [] })])).toEqual([])
    expect(flakyTests([entry({ onChange: false }), entry({ exitCode: 0, onChange: false, failed: [] })])).toEqual([])
    expect(flakyTests([entry({}), entry({ exitCode: 0, failed: [] })])).toEqual(['a'])
  })
})

describe('loopOutcomeOf', () => {
  it('reads older runs: timed out and stopped could not run; otherwise the exit code decides', () => {
    expect(loopOutcomeOf({ outcome: 'timed_out', exitCode: null })).toBe('could_not_run')
    expect(loopOutcomeOf({ outcome: 'stopped', exitCode: null })).toBe('could_not_run')
    expect(loopOutcomeOf({ exitCode: 0 })).toBe('passed')
    expect(loopOutcomeOf({ exitCode: 2 })).toBe('failed')
    expect(loopOutcomeOf({ outcome: 'could_not_run', exitCode: 1 })).toBe('could_not_run')
  })
})
