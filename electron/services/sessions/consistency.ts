// "Weeks practised out of the last 12": computed from the programme state and the sessions alone.
// Skipped and paused weeks never count against the leader; the current week counts only once done.
import type { Curriculum } from '../../../shared/models/curriculum.ts'
import type { Consistency, Session, WeekRecord } from '../../../shared/models/sessions.ts'
import { curriculumWeekFor } from '../../../shared/curriculum/load-curriculum.ts'
import { addDays, daysBetween } from '../calendar/index.ts'
import { CONSISTENCY_WINDOW, isPausedWeek, outcomeOf, programmePosition, weekOfProgrammeWeek, type ProgrammeState } from './programme.ts'

export function consistencyOf(
  state: ProgrammeState,
  sessions: readonly Session[],
  curriculum: Curriculum,
  currentWeekOf: string,
): Consistency {
  if (state.startWeekOf === null) {
    return {
      practised: 0,
      outOf: 0,
      skipped: 0,
      missed: 0,
      pausedWeeks: 0,
      weeks: [],
      summary: 'Your first week starts when you start your first hour.',
    }
  }
  const position = programmePosition(state, currentWeekOf)
  // While paused, the "current" week has not begun: the window ends with the last week that did.
  const last = position.paused ? position.programmeWeek - 1 : position.programmeWeek
  const first = Math.max(1, last - CONSISTENCY_WINDOW + 1)
  const weeks: WeekRecord[] = []
  for (let programmeWeek = last; programmeWeek >= first; programmeWeek -= 1) {
    const week = curriculumWeekFor(curriculum, programmeWeek)
    const { outcome, sessionId } = outcomeOf(state, sessions, programmeWeek, position.programmeWeek)
    weeks.push({
      programmeWeek,
      weekNumber: week.number,
      theme: week.theme,
      weekOf: weekOfProgrammeWeek(state, programmeWeek, currentWeekOf) ?? currentWeekOf,
      outcome,
      sessionId,
    })
  }
  const count = (outcome: WeekRecord['outcome']) => weeks.filter((week) => week.outcome === outcome).length
  const practised = count('practised')
  const skipped = count('skipped')
  const missed = count('missed')
  const oldest = weeks.at(-1)?.weekOf ?? currentWeekOf
  let pausedWeeks = 0
  for (let index = 0; index <= Math.floor(daysBetween(oldest, currentWeekOf) / 7); index += 1) {
    if (isPausedWeek(state, addDays(oldest, index * 7))) pausedWeeks += 1
  }
  const outOf = practised + missed
  return { practised, outOf, skipped, missed, pausedWeeks, weeks, summary: summarise(practised, outOf, skipped, pausedWeeks) }
}

function summarise(practised: number, outOf: number, skipped: number, pausedWeeks: number): string {
  const extras = [skipped > 0 ? `${skipped} skipped` : null, pausedWeeks > 0 ? `${pausedWeeks} paused` : null].filter(
    (part) => part !== null,
  )
  const head = outOf === 0 ? 'No weeks to count yet' : `${practised} of the last ${outOf} ${outOf === 1 ? 'week' : 'weeks'} practised`
  return extras.length > 0 ? `${head} (${extras.join(', ')})` : head
}
