import { describe, expect, it } from 'vitest'
import { isoWeekOf as serviceIsoWeekOf } from '../../../../electron/services/journal/iso-week.ts'
import { isoWeekOf, weekMarksFrom } from '../../../../renderer/stores/week-marks.ts'
import type { ProgrammeHistory } from '../../../../shared/models/sessions.ts'

const history = (overrides: Partial<ProgrammeHistory>): ProgrammeHistory => ({
  currentWeekOf: '2026-11-23',
  startedWeekOf: '2025-09-01',
  pauses: [],
  skippedWeeks: [],
  ...overrides,
})

describe('weekMarksFrom', () => {
  it('agrees with the journal on ISO weeks, across year boundaries', () => {
    for (const day of ['2026-01-01', '2025-12-29', '2027-01-03', '2026-11-24', '2020-12-31', '2021-01-04']) {
      expect(isoWeekOf(day)).toBe(serviceIsoWeekOf(day))
    }
  })

  it('marks every past pause, not only the running one, and skipped weeks older than the last 12', () => {
    const marks = weekMarksFrom(
      history({
        pauses: [
          { from: '2026-02-02', to: '2026-02-09' },
          { from: '2026-11-16', to: null },
        ],
        skippedWeeks: [{ programmeWeek: 9, weekOf: '2026-03-02' }],
      }),
      2026,
    )
    expect(marks).toEqual([
      { isoWeek: '2026-W06', status: 'paused' },
      { isoWeek: '2026-W07', status: 'paused' },
      { isoWeek: '2026-W10', status: 'skipped' },
      { isoWeek: '2026-W47', status: 'paused' },
      { isoWeek: '2026-W48', status: 'paused' },
    ])
  })

  it('shows the weeks a planned pause still has to run, and keeps to the years around the one shown', () => {
    const marks = weekMarksFrom(
      history({
        pauses: [
          { from: '2020-01-06', to: '2020-01-06' },
          { from: '2026-12-21', to: '2027-01-04' },
        ],
        skippedWeeks: [{ programmeWeek: 1, weekOf: '2022-05-02' }],
      }),
      2026,
    )
    expect(marks).toEqual([
      { isoWeek: '2026-W52', status: 'paused' },
      { isoWeek: '2026-W53', status: 'paused' },
      { isoWeek: '2027-W01', status: 'paused' },
    ])
  })

  it('a week both skipped and paused shows as paused', () => {
    const marks = weekMarksFrom(
      history({ pauses: [{ from: '2026-03-02', to: '2026-03-02' }], skippedWeeks: [{ programmeWeek: 9, weekOf: '2026-03-02' }] }),
      2026,
    )
    expect(marks).toEqual([{ isoWeek: '2026-W10', status: 'paused' }])
  })
})
