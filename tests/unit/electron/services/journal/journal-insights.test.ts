import { describe, expect, it } from 'vitest'
import { indexEntryOf } from '../../../../../electron/services/journal/index-entry.ts'
import { computeInsights } from '../../../../../electron/services/journal/journal-insights.ts'
import type { JournalSessionRecord } from '../../../../../shared/models/journal.ts'
import { buildSessionRecord } from './fixtures/build-session-record.ts'

const entry = (overrides: Partial<JournalSessionRecord>) => {
  const record = buildSessionRecord(overrides)
  return indexEntryOf(record, { fileName: `${record.id}.md`, mtimeMs: 0, size: 0 })
}
const web = { ...buildSessionRecord().repository, id: 'web', name: 'Web Shop' }

const entries = [
  entry({
    id: 'a',
    date: '2026-01-06',
    effort: { estimateMinutes: 10, actualMinutes: 30 },
    frictionTags: ['slow-tests'],
    questions: [{ id: 'q1', text: 'Why so slow?', status: 'open' }],
  }),
  entry({
    id: 'b',
    date: '2026-01-13',
    effort: { estimateMinutes: 20, actualMinutes: 40 },
    frictionTags: ['slow-tests', 'flaky-ci'],
    repository: web,
    questions: [{ id: 'q2', text: 'Who owns CI?', status: 'open' }],
  }),
  entry({
    id: 'c',
    date: '2026-04-14',
    effort: { estimateMinutes: 20, actualMinutes: 24 },
    frictionTags: ['slow-tests'],
    questions: [{ id: 'q1', text: 'Why so slow?', status: 'answered', answer: 'Docker' }],
  }),
  entry({ id: 'd', date: '2026-04-21', effort: { estimateMinutes: null, actualMinutes: 12 }, frictionTags: [], questions: [] }),
]
const options = {
  year: 2026,
  today: '2026-04-30',
  marks: [
    { isoWeek: '2026-W04', status: 'skipped' as const },
    { isoWeek: '2026-W05', status: 'paused' as const },
  ],
}

describe('computeInsights', () => {
  const insights = computeInsights(entries, options)

  it('maps weeks practised, skipped and paused onto the year, with future weeks apart', () => {
    const status = (week: string) => insights.heatmap.weeks.find((w) => w.isoWeek === week)?.status
    expect(insights.heatmap.weeks).toHaveLength(53)
    expect([
      status('2026-W02'),
      status('2026-W03'),
      status('2026-W04'),
      status('2026-W05'),
      status('2026-W06'),
      status('2026-W30'),
    ]).toEqual(['practised', 'practised', 'skipped', 'paused', 'none', 'future'])
    // Counted from the first hour of the programme (week 2), not from New Year.
    expect(insights.heatmap.summary).toBe('You practised 4 of the 17 weeks since your first hour in 2026 (1 skipped, 1 paused).')
    expect(computeInsights([entry({ id: 'z', date: '2025-12-01' }), ...entries], options).heatmap.summary).toBe(
      'You practised 4 of the 18 weeks so far in 2026 (1 skipped, 1 paused).',
    )
  })

  it('calibrates estimate against actual per change and per quarter', () => {
    expect(insights.calibration.points.map((p) => p.ratio)).toEqual([3, 2, 1.2])
    expect(insights.calibration.trend).toEqual([
      { period: '2026-Q1', medianRatio: 2.5, count: 2 },
      { period: '2026-Q2', medianRatio: 1.2, count: 1 },
    ])
    expect(insights.calibration.summary).toBe(
      'Changes took 2.0× your estimate (median of 3 changes): longer than you estimated. In 2026-Q2 it was 1.2×, against 2.5× in 2026-Q1: your estimates are getting closer.',
    )
  })

  it('counts friction by tag, month and repository', () => {
    expect(insights.friction.byTag).toEqual([
      { tag: 'slow-tests', count: 3 },
      { tag: 'flaky-ci', count: 1 },
    ])
    expect(insights.friction.overTime.map((p) => p.period)).toEqual(['2026-01', '2026-04'])
    expect(insights.friction.byRepository.map((r) => [r.repositoryName, r.counts])).toEqual([
      ['Payments API', [{ tag: 'slow-tests', count: 2 }]],
      [
        'Web Shop',
        [
          { tag: 'flaky-ci', count: 1 },
          { tag: 'slow-tests', count: 1 },
        ],
      ],
    ])
    expect(insights.friction.summary).toBe('The friction you tagged most is slow-tests (3 sessions), most often in Payments API (2).')
  })

  it('follows questions across sessions until they are answered', () => {
    expect(insights.questions.open).toBe(1)
    expect(insights.questions.answered).toBe(1)
    expect(insights.questions.openQuestions).toEqual([
      { id: 'q2', text: 'Who owns CI?', lastSeen: '2026-01-13', repositoryName: 'Web Shop' },
    ])
    expect(insights.questions.summary).toBe('1 question for tech leads is open and 1 answered.')
  })

  it('tracks the lines the leader wrote against the agent’s, week by week, from the changes that recorded them', () => {
    const base = buildSessionRecord().change!
    const handsOn = computeInsights(
      [
        entry({ id: 'h1', date: '2026-01-06', change: { ...base, authorship: { leaderLines: 2, agentLines: 18 } } }),
        entry({ id: 'h2', date: '2026-01-13', change: { ...base, authorship: { leaderLines: 6, agentLines: 14 } } }),
        entry({ id: 'h3', date: '2026-01-20', change: base }),
      ],
      options,
    ).handsOn
    expect(handsOn.weeks).toEqual([
      { isoWeek: '2026-W02', leaderLines: 2, agentLines: 18 },
      { isoWeek: '2026-W03', leaderLines: 6, agentLines: 14 },
    ])
    expect(handsOn.summary).toBe(
      'You wrote 8 of the 40 lines your changes added in 2026 (20%); the agent wrote the rest. In 2026-W03: you 6, the agent 14.',
    )
    expect(insights.handsOn).toMatchObject({ weeks: [], summary: 'No committed change has recorded who wrote its lines yet.' })
  })

  it('averages time per step against its timebox', () => {
    expect(insights.stepTime.steps.find((s) => s.step === 'change')).toEqual({
      step: 'change',
      totalMinutes: 112,
      averageMinutes: 28,
      averageTimeboxMinutes: 25,
      sessions: 4,
    })
    expect(insights.stepTime.summary).toBe(
      'On average: explore 18 min, diagram 9 min, change 28 min, reflect 11 min. The change step runs over its timebox most (by 3 min).',
    )
  })

  it('says so when there is nothing yet', () => {
    const empty = computeInsights([], options)
    expect([empty.calibration.summary, empty.friction.summary, empty.questions.summary, empty.stepTime.summary]).toEqual([
      'No change has both an estimate and an actual time yet.',
      'No friction tagged yet.',
      'No questions for tech leads yet.',
      'No step has been timed yet.',
    ])
  })
})
