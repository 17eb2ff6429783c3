import { describe, expect, it } from 'vitest'
import type { SessionTimer, StepTimer } from '../../../../shared/models/sessions.ts'
import { formatClock, liveTimer, wholeMinutes } from '../../../../renderer/stores/session-clock.ts'

const MIN = 60_000
const step = (elapsedMs: number, timeboxMinutes: number): StepTimer => ({
  elapsedMs,
  timeboxMs: timeboxMinutes * MIN,
  remainingMs: Math.max(0, timeboxMinutes * MIN - elapsedMs),
  overTime: elapsedMs > timeboxMinutes * MIN,
})

const snapshot = (overrides: Partial<SessionTimer> = {}): SessionTimer => ({
  at: '2026-01-09T14:20:00.000Z',
  currentStep: 'diagram',
  paused: false,
  runningSince: '2026-01-09T14:15:00.000Z',
  steps: { explore: step(15 * MIN, 15), diagram: step(5 * MIN, 10), change: step(0, 25), reflect: step(0, 10) },
  hour: step(20 * MIN, 60),
  ...overrides,
})

describe('liveTimer', () => {
  it('adds the time since the snapshot to the running step and the hour only', () => {
    const live = liveTimer(snapshot(), Date.parse('2026-01-09T14:26:00.000Z'))
    expect(live.steps.diagram.elapsedMs).toBe(11 * MIN)
    expect(live.steps.diagram.overTime).toBe(true)
    expect(live.steps.diagram.remainingMs).toBe(0)
    expect(live.steps.explore.elapsedMs).toBe(15 * MIN)
    expect(live.hour.elapsedMs).toBe(26 * MIN)
    expect(live.hour.remainingMs).toBe(34 * MIN)
    expect(live.running).toBe(true)
  })

  it('stands still while paused', () => {
    const live = liveTimer(snapshot({ paused: true, runningSince: null }), Date.parse('2026-01-09T15:00:00.000Z'))
    expect(live.steps.diagram.elapsedMs).toBe(5 * MIN)
    expect(live.hour.elapsedMs).toBe(20 * MIN)
    expect(live.running).toBe(false)
  })

  it('never runs backwards when the page clock is behind the snapshot', () => {
    const live = liveTimer(snapshot(), Date.parse('2026-01-09T14:19:00.000Z'))
    expect(live.steps.diagram.elapsedMs).toBe(5 * MIN)
  })
})

describe('formatClock', () => {
  it('shows minutes and seconds, and hours only when needed', () => {
    expect(formatClock(0)).toBe('0:00')
    expect(formatClock(65_000)).toBe('1:05')
    expect(formatClock(12 * MIN + 30_000)).toBe('12:30')
    expect(formatClock(62 * MIN + 3_000)).toBe('1:02:03')
    expect(formatClock(-5)).toBe('0:00')
  })

  it('rounds measured time to whole minutes', () => {
    expect(wholeMinutes(29_000)).toBe(0)
    expect(wholeMinutes(31_000)).toBe(1)
    expect(wholeMinutes(25 * MIN + 10_000)).toBe(25)
  })
})
