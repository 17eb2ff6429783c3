import { describe, expect, it } from 'vitest'
import { indexEntryOf } from '../../../../../electron/services/journal/index-entry.ts'
import { latestHour } from '../../../../../electron/services/journal/latest-hour.ts'
import type { JournalSessionRecord } from '../../../../../shared/models/journal.ts'
import { buildSessionRecord } from './fixtures/build-session-record.ts'

const entry = (overrides: Partial<JournalSessionRecord>) => {
  const record = buildSessionRecord(overrides)
  return indexEntryOf(record, { fileName: `${record.id}.md`, mtimeMs: 0, size: 0 })
}
const timeboxMinutes = { explore: 15, diagram: 10, change: 25, reflect: 10 }

describe('latestHour', () => {
  it('is nothing before the first session', () => {
    expect(latestHour([])).toBeNull()
  })

  it('says what the first hour showed: time against the timeboxes, estimate against actual, friction, open questions', () => {
    const first = entry({
      id: 'first',
      stepMinutes: { explore: 14, diagram: 8, change: 37, reflect: 6 },
      timeboxMinutes,
      effort: { estimateMinutes: 20, actualMinutes: 37 },
      frictionTags: ['slow-tests'],
      questions: [{ id: 'q', text: 'Why is deploy manual?', status: 'open' }],
    })
    const latest = latestHour([first])!
    expect(latest).toMatchObject({ id: 'first', totalMinutes: 65, totalTimeboxMinutes: 60, effort: { ratio: 1.85 } })
    expect(latest.findings).toEqual([
      'The hour took 65 of its 60 minutes; the small change ran 12 min over its 25-minute timebox.',
      'The small change took 37 min against your 20 min estimate: 1.9× your estimate. Each hour adds a point, so you can see whether your estimates get closer.',
      'The team’s tests passed.',
      'Friction you tagged: slow-tests.',
      '1 question for your tech lead is still open.',
    ])
  })

  it('compares the estimate with the hours before once there are some', () => {
    const older = entry({ id: 'older', date: '2026-01-06', effort: { estimateMinutes: 10, actualMinutes: 30 } })
    const newer = entry({
      id: 'newer',
      date: '2026-01-13',
      stepMinutes: { explore: 10, diagram: 8, change: 20, reflect: 6 },
      timeboxMinutes,
      effort: { estimateMinutes: 20, actualMinutes: 20 },
      frictionTags: [],
    })
    const latest = latestHour([newer, older])!
    expect(latest.findings[0]).toBe(
      'The hour took 44 of its 60 minutes; every step fit its timebox, and the small change took the most (20 min).',
    )
    expect(latest.findings[1]).toBe(
      'The small change took 20 min against your 20 min estimate: about what you estimated. Before this hour your changes took 3.0× your estimates (median).',
    )
    expect(latest.findings[2]).toBe('The team’s tests passed.')
    expect(latest.findings[3]).toBe('You tagged no friction this time.')
  })

  it('tells tests that could not run as something to set up, never as a failure', () => {
    const base = buildSessionRecord({})
    const stopped = entry({
      id: 'stopped',
      change: {
        ...base.change!,
        testRun: {
          command: 'pnpm test',
          exitCode: 127,
          durationMs: 40,
          outputTail: 'sh: 1: pnpm: not found',
          outcome: 'could_not_run',
          couldNotRun: { reason: 'tool_missing', sentence: 'pnpm is not installed.' },
        },
      },
    })
    const findings = latestHour([stopped])!.findings
    expect(findings).toContain(
      'The team’s tests could not run: pnpm is not installed. Getting them to run here is worth asking the team about.',
    )
    expect(findings.join(' ')).not.toMatch(/failed/)
    // An entry kept before outcomes were recorded: a run stopped before it finished could not run either.
    const older = entry({
      id: 'older',
      change: { ...base.change!, testRun: { command: 'npm test', exitCode: null, durationMs: 9_000, outputTail: '' } },
    })
    expect(latestHour([older])!.findings).toContain(
      'The team’s tests could not run: The run was stopped before it finished. Getting them to run here is worth asking the team about.',
    )
  })
})
