// Builds the "today" view from the programme, the sessions and the repositories at one instant.
// Pure: the service gathers the inputs; nothing here reads a clock or the disk.
import { curriculumWeekFor } from '../../../shared/curriculum/load-curriculum.ts'
import type { Curriculum } from '../../../shared/models/curriculum.ts'
import type { RepoChoice, Session, SessionNotice, SessionSummary, TodayView, TodayWeek } from '../../../shared/models/sessions.ts'
import type { Schedule, StepMinutes } from '../../../shared/models/settings.ts'
import { civilDateIn, mondayOf, nextOccurrence } from '../calendar/index.ts'
import { consistencyOf } from './consistency.ts'
import { allQuestions } from './open-questions.ts'
import { isPausedWeek, isPractised, outcomeOf, programmePosition, type ProgrammeState } from './programme.ts'
import { repoOfWeek, repoRotation, type ListedRepo } from './repo-rotation.ts'

export type { ListedRepo } from './repo-rotation.ts'

export interface TodayInput {
  readonly now: Date
  readonly schedule: Schedule
  readonly timeboxes: StepMinutes
  readonly programme: ProgrammeState
  readonly sessions: readonly Session[]
  readonly repos: readonly ListedRepo[]
  readonly curriculum: Curriculum
  readonly notices: readonly SessionNotice[]
}

export function currentWeekOf(now: Date, timeZone: string): string {
  return mondayOf(civilDateIn(now, timeZone))
}

/** A programme week's theme, and its repository: the one its hour is in, or the rotation's pick. */
export function todayWeek(
  curriculum: Curriculum,
  programmeWeek: number,
  rotation: readonly RepoChoice[],
  sessions: readonly Session[],
): TodayWeek {
  const week = curriculumWeekFor(curriculum, programmeWeek)
  const repo = repoOfWeek(programmeWeek, rotation, sessions)
  return {
    programmeWeek,
    weekNumber: week.number,
    cycle: Math.floor((programmeWeek - 1) / curriculum.weeks.length) + 1,
    id: week.id,
    theme: week.theme,
    goal: week.goal,
    whyItMatters: week.whyItMatters,
    repo: repo ? { id: repo.id, name: repo.name, path: repo.path } : null,
  }
}

export function summarise(session: Session): SessionSummary {
  return {
    id: session.id,
    programmeWeek: session.programmeWeek,
    weekNumber: session.weekNumber,
    theme: session.theme,
    repo: { id: session.repo.id, name: session.repo.name },
    status: session.status,
    currentStep: session.currentStep,
    paused: session.paused !== null,
    createdAt: session.createdAt,
    finishedAt: session.finishedAt,
  }
}

export function buildToday(input: TodayInput): TodayView {
  const weekOf = currentWeekOf(input.now, input.schedule.timeZone)
  const position = programmePosition(input.programme, weekOf)
  const consistency = consistencyOf(input.programme, input.sessions, input.curriculum, weekOf)
  const active = input.sessions.filter((session) => session.status === 'active').at(-1) ?? null
  const finishedWeeks = new Set(input.sessions.filter((s) => s.status === 'finished').map((s) => s.programmeWeek))
  const rotation = repoRotation(input.repos, input.sessions)
  const pastDue = consistency.weeks
    .filter((week) => week.outcome === 'missed' && !finishedWeeks.has(week.programmeWeek))
    .map((week) => todayWeek(input.curriculum, week.programmeWeek, rotation, input.sessions))
  const pause = input.programme.pauses.find((p) => p.from <= weekOf && (p.to === null || weekOf <= p.to))
  return {
    week: todayWeek(input.curriculum, position.programmeWeek, rotation, input.sessions),
    outcome: outcomeOf(input.programme, input.sessions, position.programmeWeek, position.programmeWeek).outcome,
    schedule: input.schedule,
    nextSlot: nextOccurrence(input.schedule, input.now).toISOString(),
    timeboxes: input.timeboxes,
    consistency,
    activeSession: active ? summarise(active) : null,
    pastDue,
    programme: {
      started: input.programme.startWeekOf !== null,
      startedWeekOf: input.programme.startWeekOf,
      paused: isPausedWeek(input.programme, weekOf),
      pausedThrough: pause?.to ?? null,
    },
    openQuestions: allQuestions(input.sessions, false).length,
    notices: input.notices,
    repoChoices: rotation,
    hoursThisWeek: input.sessions.filter((session) => session.programmeWeek === position.programmeWeek && isPractised(session)).length,
  }
}
