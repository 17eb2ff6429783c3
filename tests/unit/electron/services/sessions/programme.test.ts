import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { DEFAULT_TIMEBOXES, STEP_KEYS, type Session } from '../../../../../shared/models/sessions.ts'
import { consistencyOf } from '../../../../../electron/services/sessions/consistency.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'
import {
  EMPTY_PROGRAMME,
  ensureStarted,
  pauseProgramme,
  programmeHistory,
  programmePosition,
  resumeProgramme,
  skipWeek,
  weekOfProgrammeWeek,
  type ProgrammeState,
} from '../../../../../electron/services/sessions/programme.ts'
import { addDays } from '../../../../../electron/services/calendar/zoned-time.ts'

const curriculum = defaultCurriculum()
const W1 = '2026-01-05' // a Monday
const week = (n: number) => addDays(W1, (n - 1) * 7)
const started: ProgrammeState = ensureStarted(EMPTY_PROGRAMME, W1)

function session(programmeWeek: number, finished: boolean, allDone = true): Session {
  const base = newSession({
    id: `session-w${String(programmeWeek).padStart(3, '0')}`,
    programmeWeek,
    week: curriculum.weeks[(programmeWeek - 1) % 12]!,
    repo: { id: 'r1', name: 'payments', path: '/p', commit: null },
    timeboxes: DEFAULT_TIMEBOXES,
    offline: true,
    now: new Date('2026-01-05T09:00:00Z'),
  })
  const steps = { ...base.steps }
  for (const step of STEP_KEYS) {
    ;(steps as Record<string, unknown>)[step] = { ...steps[step], status: allDone || step === 'explore' ? 'done' : 'in_progress' }
  }
  return { ...base, steps, status: finished ? 'finished' : 'active' }
}

describe('programme position', () => {
  it('counts calendar weeks from the start', () => {
    expect(programmePosition(started, W1)).toEqual({ programmeWeek: 1, paused: false })
    expect(programmePosition(started, week(4))).toEqual({ programmeWeek: 4, paused: false })
    expect(programmePosition(EMPTY_PROGRAMME, week(9))).toEqual({ programmeWeek: 1, paused: false })
  })

  it('stops the clock while paused, and carries on after', () => {
    // Paused in week 3 for two weeks (travel).
    const paused = pauseProgramme(started, week(3), 2, false)
    expect(programmePosition(paused, week(3))).toEqual({ programmeWeek: 3, paused: true })
    expect(programmePosition(paused, week(4))).toEqual({ programmeWeek: 3, paused: true })
    expect(programmePosition(paused, week(5))).toEqual({ programmeWeek: 3, paused: false })
    expect(programmePosition(paused, week(6))).toEqual({ programmeWeek: 4, paused: false })
    expect(weekOfProgrammeWeek(paused, 3, week(6))).toBe(week(5))
  })

  it('starts a pause next week when this week is already practised', () => {
    const paused = pauseProgramme(started, week(3), 1, true)
    expect(programmePosition(paused, week(3))).toEqual({ programmeWeek: 3, paused: false })
    expect(programmePosition(paused, week(4)).paused).toBe(true)
  })

  it('an open pause lasts until resumed; resuming never renumbers the past', () => {
    let state = pauseProgramme(started, week(2), null, false)
    expect(programmePosition(state, week(10))).toEqual({ programmeWeek: 2, paused: true })
    state = resumeProgramme(state, week(10))
    expect(programmePosition(state, week(10))).toEqual({ programmeWeek: 2, paused: false })
    expect(programmePosition(state, week(1))).toEqual({ programmeWeek: 1, paused: false })
    expect(programmePosition(state, week(11))).toEqual({ programmeWeek: 3, paused: false })
  })

  it('resuming in the week a pause began drops the pause', () => {
    const state = resumeProgramme(pauseProgramme(started, week(3), 4, false), week(3))
    expect(state.pauses).toEqual([])
  })
})

describe('consistency', () => {
  it('says how many of the last weeks were practised; the current week counts only once done', () => {
    const sessions = [session(1, true), session(2, true), session(4, true)]
    const result = consistencyOf(started, sessions, curriculum, week(5))
    expect(result).toMatchObject({ practised: 3, outOf: 4, missed: 1, skipped: 0 })
    expect(result.summary).toBe('3 of the last 4 weeks practised')
    expect(result.weeks.map((w) => w.outcome)).toEqual(['pending', 'practised', 'missed', 'practised', 'practised'])
  })

  it('does not count a week whose session finished with steps not done, or is still open', () => {
    const result = consistencyOf(started, [session(1, true, false), session(2, false)], curriculum, week(3))
    expect(result).toMatchObject({ practised: 0, outOf: 2, missed: 2 })
  })

  it('does not punish skipped or paused weeks', () => {
    let state = skipWeek(started, 2, new Date('2026-01-14T10:00:00Z'))
    state = pauseProgramme(state, week(4), 3, false)
    const result = consistencyOf(state, [session(1, true), session(3, true), session(4, true)], curriculum, week(8))
    // Programme weeks: 1 (wk1) 2 (wk2, skipped) 3 (wk3) — paused wk4-6 — 4 (wk7) 5 (wk8, current)
    expect(result).toMatchObject({ practised: 3, outOf: 3, skipped: 1, missed: 0, pausedWeeks: 3 })
    expect(result.summary).toBe('3 of the last 3 weeks practised (1 skipped, 3 paused)')
  })

  it('looks back 12 programme weeks only', () => {
    const sessions = Array.from({ length: 20 }, (_, index) => session(index + 1, index < 5))
    const result = consistencyOf(started, sessions, curriculum, week(21))
    expect(result.weeks).toHaveLength(12)
    expect(result).toMatchObject({ practised: 0, outOf: 11 })
  })

  it('names the curriculum week, also in the second round', () => {
    const result = consistencyOf(started, [], curriculum, week(14))
    expect(result.weeks[0]).toMatchObject({ programmeWeek: 14, weekNumber: 2, weekOf: week(14) })
  })

  it('has a calm message before the programme starts', () => {
    expect(consistencyOf(EMPTY_PROGRAMME, [], curriculum, W1)).toMatchObject({ outOf: 0, weeks: [] })
  })
})

describe('programme history', () => {
  it('keeps every past pause and every skip with the calendar week it fell in, beyond the last 12 weeks', () => {
    // Week 2 skipped; paused for two weeks in calendar weeks 3-4; resumed; paused again, open-ended, in calendar week 30.
    let state = skipWeek(started, 2, new Date('2026-01-14T09:00:00Z'))
    state = pauseProgramme(state, week(3), 2, false)
    state = resumeProgramme(state, week(5))
    state = pauseProgramme(state, week(30), null, false)
    state = skipWeek(state, 20, new Date('2026-06-01T09:00:00Z'))
    const history = programmeHistory(state, week(32))
    expect(history).toEqual({
      currentWeekOf: week(32),
      startedWeekOf: W1,
      pauses: [
        { from: week(3), to: week(4) },
        { from: week(30), to: null },
      ],
      // Programme week 20 fell two calendar weeks later: weeks 3 and 4 were paused.
      skippedWeeks: [
        { programmeWeek: 2, weekOf: week(2) },
        { programmeWeek: 20, weekOf: week(22) },
      ],
    })
  })

  it('is empty before the programme starts', () => {
    expect(programmeHistory(EMPTY_PROGRAMME, W1)).toEqual({ currentWeekOf: W1, startedWeekOf: null, pauses: [], skippedWeeks: [] })
  })
})
