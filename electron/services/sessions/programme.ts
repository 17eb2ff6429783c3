// The programme calendar, pure: which programme week a calendar week is (pauses stop the clock),
// skips and pauses, which weeks were practised, and consistency over the last 12. Weeks are
// calendar weeks (Monday first) in the leader's time zone, named by their Monday (YYYY-MM-DD).
import { z } from 'zod'
import type { ProgrammeHistory, ProgrammePause, Session, WeekOutcome } from '../../../shared/models/sessions.ts'
import { STEP_KEYS } from '../../../shared/models/sessions.ts'
import { addDays, daysBetween } from '../calendar/index.ts'

const civil = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
export const programmeStateSchema = z.object({
  schemaVersion: z.literal(1),
  /** Monday of programme week 1; null until the first session starts. */
  startWeekOf: civil.nullable(),
  skips: z.array(z.object({ programmeWeek: z.number().int().min(1), at: z.string() })),
  pauses: z.array(z.object({ from: civil, to: civil.nullable() })),
})
export type ProgrammeState = z.infer<typeof programmeStateSchema>

export const EMPTY_PROGRAMME: ProgrammeState = { schemaVersion: 1, startWeekOf: null, skips: [], pauses: [] }
export const CONSISTENCY_WINDOW = 12
/** Bounds every walk over weeks (about 20 years). */
const MAX_WEEKS = 1_100

export function isPausedWeek(state: ProgrammeState, weekOf: string): boolean {
  return state.pauses.some((pause) => pause.from <= weekOf && (pause.to === null || weekOf <= pause.to))
}

export interface ProgrammePosition {
  /** The programme week of this calendar week; while paused, the one that comes next. */
  readonly programmeWeek: number
  readonly paused: boolean
}

export function programmePosition(state: ProgrammeState, weekOf: string): ProgrammePosition {
  if (state.startWeekOf === null || weekOf < state.startWeekOf) return { programmeWeek: 1, paused: isPausedWeek(state, weekOf) }
  let active = 0
  const weeks = Math.min(MAX_WEEKS, Math.floor(daysBetween(state.startWeekOf, weekOf) / 7))
  for (let index = 0; index <= weeks; index += 1) {
    if (!isPausedWeek(state, addDays(state.startWeekOf, index * 7))) active += 1
  }
  const paused = isPausedWeek(state, weekOf)
  return { programmeWeek: paused ? active + 1 : active, paused }
}

/** The Monday of the calendar week a programme week fell in (null when it has not happened yet). */
export function weekOfProgrammeWeek(state: ProgrammeState, programmeWeek: number, currentWeekOf: string): string | null {
  if (state.startWeekOf === null) return programmeWeek === 1 ? currentWeekOf : null
  let active = 0
  for (let index = 0; index < MAX_WEEKS; index += 1) {
    const weekOf = addDays(state.startWeekOf, index * 7)
    if (weekOf > currentWeekOf) return null
    if (isPausedWeek(state, weekOf)) continue
    active += 1
    if (active === programmeWeek) return weekOf
  }
  return null
}

/** Starts the programme in the current week if it has not started. */
export function ensureStarted(state: ProgrammeState, currentWeekOf: string): ProgrammeState {
  return state.startWeekOf === null ? { ...state, startWeekOf: currentWeekOf } : state
}

/**
 * Pauses from this week (or from next week when this week is already practised) for `weeks`
 * weeks, or until resumed. Never reaches back: past weeks keep their programme numbers.
 */
export function pauseProgramme(
  state: ProgrammeState,
  currentWeekOf: string,
  weeks: number | null,
  practisedThisWeek: boolean,
): ProgrammeState {
  const from = practisedThisWeek ? addDays(currentWeekOf, 7) : currentWeekOf
  const to = weeks === null ? null : addDays(from, (weeks - 1) * 7)
  const kept = state.pauses.filter((pause) => pause.to !== null && pause.to < from)
  const running = state.pauses.find((pause) => pause.from < from && (pause.to === null || pause.to >= from))
  const start = running ? running.from : from
  return { ...state, pauses: [...kept, { from: start, to }] }
}

/** Ends a pause: this week counts again (and pauses planned for later are dropped). */
export function resumeProgramme(state: ProgrammeState, currentWeekOf: string): ProgrammeState {
  const pauses: ProgrammePause[] = []
  for (const pause of state.pauses) {
    if (pause.to !== null && pause.to < currentWeekOf) pauses.push(pause)
    else if (pause.from < currentWeekOf) pauses.push({ from: pause.from, to: addDays(currentWeekOf, -7) })
  }
  return { ...state, pauses }
}

export function skipWeek(state: ProgrammeState, programmeWeek: number, at: Date): ProgrammeState {
  if (state.skips.some((skip) => skip.programmeWeek === programmeWeek)) return state
  return { ...state, skips: [...state.skips, { programmeWeek, at: at.toISOString() }] }
}

export function unskipWeek(state: ProgrammeState, programmeWeek: number): ProgrammeState {
  return { ...state, skips: state.skips.filter((skip) => skip.programmeWeek !== programmeWeek) }
}

/** A week counts as practised only when its session finished with every step done in the app. */
export function isPractised(session: Session): boolean {
  return session.status === 'finished' && STEP_KEYS.every((step) => session.steps[step].status === 'done')
}

export function outcomeOf(
  state: ProgrammeState,
  sessions: readonly Session[],
  programmeWeek: number,
  currentProgrammeWeek: number,
): { outcome: WeekOutcome; sessionId: string | null } {
  const mine = sessions.filter((session) => session.programmeWeek === programmeWeek)
  const practised = mine.find(isPractised)
  if (practised) return { outcome: 'practised', sessionId: practised.id }
  const latest = mine.filter((session) => session.status !== 'abandoned').at(-1) ?? null
  if (state.skips.some((skip) => skip.programmeWeek === programmeWeek)) return { outcome: 'skipped', sessionId: latest?.id ?? null }
  if (programmeWeek >= currentProgrammeWeek) return { outcome: 'pending', sessionId: latest?.id ?? null }
  return { outcome: 'missed', sessionId: latest?.id ?? null }
}

/** Every pause and skipped week (with the calendar week it fell in), for charts beyond the last 12. */
export function programmeHistory(state: ProgrammeState, currentWeekOf: string): ProgrammeHistory {
  const skippedWeeks = state.skips
    .map((skip) => ({ programmeWeek: skip.programmeWeek, weekOf: weekOfProgrammeWeek(state, skip.programmeWeek, currentWeekOf) }))
    .filter((skip): skip is { programmeWeek: number; weekOf: string } => skip.weekOf !== null)
    .sort((a, b) => a.programmeWeek - b.programmeWeek)
  const pauses = [...state.pauses].sort((a, b) => a.from.localeCompare(b.from)).map((pause) => ({ from: pause.from, to: pause.to }))
  return { currentWeekOf, startedWeekOf: state.startWeekOf, pauses, skippedWeeks }
}
