import { describe, expect, it } from 'vitest'
import { isoWeekOf as serviceIsoWeekOf } from '../../../../electron/services/journal/iso-week.ts'
import { isoWeekOf, weekMarksFrom } from '../../../../renderer/stores/week-marks.ts'

const week = (weekOf: string, outcome: 'practised' | 'skipped' | 'missed' | 'pending') => ({
  programmeWeek: 1,
  weekNumber: 1,
  theme: 't',
  weekOf,
  outcome,
  sessionId: null,
})

describe('weekMarksFrom', () => {
  it('agrees with the journal on ISO weeks, across year boundaries', () => {
    for (const day of ['2026-01-01', '2025-12-29', '2027-01-03', '2026-11-24', '2020-12-31', '2021-01-04']) {
      expect(isoWeekOf(day)).toBe(serviceIsoWeekOf(day))
    }
  })

  it('marks skipped programme weeks, and the weeks of a running pause', () => {
    const today = {
      consistency: { practised: 0, outOf: 0, skipped: 1, missed: 0, pausedWeeks: 0, summary: '', weeks: [week('2026-11-02', 'skipped'), week('2026-11-09', 'practised')] },
      programme: { started: true, startedWeekOf: '2026-09-07', paused: true, pausedThrough: '2026-12-07' },
    }
    expect(weekMarksFrom(today, '2026-11-24')).toEqual([
      { isoWeek: '2026-W45', status: 'skipped' },
      { isoWeek: '2026-W48', status: 'paused' },
      { isoWeek: '2026-W49', status: 'paused' },
      { isoWeek: '2026-W50', status: 'paused' },
    ])
  })
})
