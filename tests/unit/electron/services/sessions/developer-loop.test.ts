// The developer loop is measured from what the session kept, never guessed: times count the hour's
// clock (a pause is left out), a run that could not run is not "the first test run", a rerun of a few
// tests is not the suite, and a figure with nothing behind it is absent.
import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import type { TestLog, TestLogRun } from '../../../../../shared/models/change.ts'
import { DEFAULT_TIMEBOXES, type Session } from '../../../../../shared/models/sessions.ts'
import { developerLoopOf, loopOutcomeOf } from '../../../../../electron/services/sessions/developer-loop.ts'
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

const run = (minute: number, extra: Partial<TestLogRun>): TestLogRun => ({
  command: 'npm test',
  outcome: 'failed',
  couldNotRun: null,
  exitCode: 1,
  durationMs: 60_000,
  at: at(minute).toISOString(),
  failed: [],
  rerun: false,
  flaky: [],
  onChange: true,
  ...extra,
})
const logged = (session: Session, testLog: Partial<TestLog>) =>
  withChangeRecord(session, { testLog: { setup: [], runs: [], flaky: [], ...testLog } })

describe('developerLoopOf', () => {
  it('counts the first real run from the change’s start on the hour’s clock, skipping a run that could not run', () => {
    const session = logged(changing(), {
      runs: [
        run(15, {
          outcome: 'could_not_run',
          exitCode: null,
          durationMs: 0,
          couldNotRun: { reason: 'tool_missing', sentence: 'pnpm is not installed.' },
        }),
        run(34, { failed: ['cart > totals'] }),
        run(37, { outcome: 'passed', exitCode: 0, durationMs: 4_000, rerun: true, flaky: ['cart > totals'] }),
        run(44, { outcome: 'passed', exitCode: 0, durationMs: 41_000 }),
      ],
      flaky: ['cart > totals'],
    })
    const loop = developerLoopOf(session, at(50))!
    // Started 09:34: 10 min before the pause and 4 after it. First green: the rerun, ended 09:37:04.
    expect(loop.firstTestRunMinutes).toBe(14)
    expect(loop.firstGreenMinutes).toBe(17.1)
    // The suite is the latest whole run, never the rerun of one test.
    expect(loop).toMatchObject({ testRuns: 3, couldNotRun: 1, suiteSeconds: 41, flaky: ['cart > totals'] })
  })

  it('leaves out what was not measured: no runs, no setup, no agent means no loop at all', () => {
    expect(developerLoopOf(changing(), at(50))).toBeNull()
    const onlyCouldNot = logged(changing(), { runs: [run(15, { outcome: 'could_not_run', exitCode: null })] })
    expect(developerLoopOf(onlyCouldNot, at(50))).toEqual({ couldNotRun: 1 })
  })

  it('keeps each setup step, whether it worked, and the build’s time', () => {
    const step = (command: string, outcome: 'passed' | 'failed' | 'could_not_run', durationMs: number) => ({
      command,
      outcome,
      couldNotRun: null,
      exitCode: outcome === 'passed' ? 0 : 1,
      durationMs,
      at: at(12).toISOString(),
    })
    const session = logged(changing(), {
      setup: [
        step('npm ci', 'passed', 83_000),
        step('npm run build', 'passed', 12_400),
        step('docker compose up -d db', 'could_not_run', 1_000),
      ],
    })
    const loop = developerLoopOf(session, at(50))!
    expect(loop.setup).toEqual([
      { command: 'npm ci', ok: true, seconds: 83 },
      { command: 'npm run build', ok: true, seconds: 12.4 },
      { command: 'docker compose up -d db', ok: false, seconds: 1 },
    ])
    expect(loop.buildSeconds).toBe(12.4)
  })

  it('splits the change step’s time between waiting on the agent and the leader’s own work', () => {
    const session = withChangeRecord(changing(), { agentWait: { start: at(11).toISOString(), end: at(17).toISOString() } })
    expect(developerLoopOf(session, at(50))).toEqual({ agentWaitMinutes: 6, leaderWorkMinutes: 24 })
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
