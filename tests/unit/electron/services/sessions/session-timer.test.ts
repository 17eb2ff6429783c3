import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { sessionSchema, DEFAULT_TIMEBOXES, type Session } from '../../../../../shared/models/sessions.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'
import {
  goToStep,
  pause,
  recoverInterrupted,
  resume,
  sessionTimer,
  stopClock,
} from '../../../../../electron/services/sessions/session-timer.ts'

const MIN = 60_000
/** A fake clock: minutes after 09:00 UTC on a Tuesday. */
const t = (minutes: number) => new Date(Date.UTC(2026, 2, 3, 9, 0, 0) + minutes * MIN)

function fresh(): Session {
  const week = defaultCurriculum().weeks[0]!
  return newSession({
    id: 'session-0001',
    programmeWeek: 1,
    week,
    repo: { id: 'r1', name: 'payments', path: '/code/payments', commit: null },
    timeboxes: DEFAULT_TIMEBOXES,
    offline: true,
    now: t(0),
  })
}

describe('session timer', () => {
  it('is a valid session that starts timing explore at once', () => {
    const session = fresh()
    expect(sessionSchema.safeParse(session).success).toBe(true)
    const timer = sessionTimer(session, t(5))
    expect(timer.steps.explore.elapsedMs).toBe(5 * MIN)
    expect(timer.steps.explore.remainingMs).toBe(10 * MIN)
    expect(timer.hour).toMatchObject({ elapsedMs: 5 * MIN, timeboxMs: 60 * MIN, remainingMs: 55 * MIN })
    expect(timer.runningSince).toBe(t(0).toISOString())
  })

  it('flags over time without moving on', () => {
    const session = fresh()
    expect(sessionTimer(session, t(15)).steps.explore.overTime).toBe(false)
    const late = sessionTimer(session, t(16))
    expect(late.steps.explore.overTime).toBe(true)
    expect(late.steps.explore.remainingMs).toBe(0)
    expect(late.currentStep).toBe('explore')
  })

  it('attributes time to the step that was current, with free navigation back and forth', () => {
    let session = fresh()
    session = goToStep(session, 'change', t(10))
    session = goToStep(session, 'explore', t(30))
    session = goToStep(session, 'diagram', t(33))
    const timer = sessionTimer(session, t(40))
    expect(timer.steps.explore.elapsedMs).toBe(13 * MIN)
    expect(timer.steps.change.elapsedMs).toBe(20 * MIN)
    expect(timer.steps.diagram.elapsedMs).toBe(7 * MIN)
    expect(timer.steps.reflect.elapsedMs).toBe(0)
    expect(timer.hour.elapsedMs).toBe(40 * MIN)
    expect(session.steps.change.status).toBe('in_progress')
    expect(session.steps.reflect.status).toBe('not_started')
  })

  it('does not count paused time, and resumes on the current step', () => {
    let session = pause(fresh(), t(5))
    expect(sessionTimer(session, t(50)).hour.elapsedMs).toBe(5 * MIN)
    expect(sessionTimer(session, t(50)).paused).toBe(true)
    expect(sessionTimer(session, t(50)).runningSince).toBeNull()
    session = resume(session, t(50))
    expect(sessionTimer(session, t(52)).steps.explore.elapsedMs).toBe(7 * MIN)
  })

  it('navigating while paused keeps the clock stopped', () => {
    let session = pause(fresh(), t(5))
    session = goToStep(session, 'reflect', t(6))
    expect(sessionTimer(session, t(30)).hour.elapsedMs).toBe(5 * MIN)
    session = resume(session, t(30))
    expect(sessionTimer(session, t(31)).steps.reflect.elapsedMs).toBe(1 * MIN)
  })

  it('pausing twice or resuming a running session changes nothing', () => {
    const once = pause(fresh(), t(5))
    expect(pause(once, t(9))).toBe(once)
    const running = fresh()
    expect(resume(running, t(3))).toBe(running)
  })

  it('after a crash, counts time only until the session was last seen', () => {
    const session = goToStep(fresh(), 'reflect', t(40))
    const recovered = recoverInterrupted(session, t(47), t(600))
    expect(recovered.paused).toEqual({ since: t(47).toISOString(), reason: 'interrupted' })
    expect(sessionTimer(recovered, t(600)).steps.reflect.elapsedMs).toBe(7 * MIN)
    expect(sessionTimer(recovered, t(600)).hour.elapsedMs).toBe(47 * MIN)
  })

  it('never ends an interval before it started', () => {
    const session = goToStep(fresh(), 'diagram', t(10))
    const stopped = stopClock(session, t(2))
    expect(sessionTimer(stopped, t(20)).steps.diagram.elapsedMs).toBe(0)
  })

  it('uses the session’s own timeboxes', () => {
    const session = fresh()
    const custom: Session = { ...session, steps: { ...session.steps, explore: { ...session.steps.explore, timeboxMinutes: 30 } } }
    expect(sessionTimer(custom, t(20)).steps.explore.overTime).toBe(false)
    expect(sessionTimer(custom, t(20)).hour.timeboxMs).toBe(75 * MIN)
  })
})
