import { describe, expect, it } from 'vitest'
import { manualTimers, settle } from '../../../fixtures/manual-timers.ts'
import type { SessionView } from '../../../../shared/models/sessions.ts'
import { createSessionReloader, isCurrentView } from '../../../../renderer/stores/session-sync.ts'

const fakeTimers = manualTimers

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('createSessionReloader', () => {
  it('turns a burst of changes into one load and shows its answer', async () => {
    const time = fakeTimers()
    const applied: number[] = []
    let loads = 0
    const reloader = createSessionReloader({
      delayMs: 100,
      timers: time.timers,
      busy: () => false,
      load: async () => ++loads,
      apply: (v) => applied.push(v),
    })
    reloader.request()
    reloader.request()
    reloader.request()
    expect(time.count()).toBe(1)
    time.fireAll()
    await settle()
    expect(applied).toEqual([1])
  })

  it('waits for the runner’s own action, then reloads once it has settled', async () => {
    const time = fakeTimers()
    const applied: string[] = []
    let busy = true
    const reloader = createSessionReloader({
      delayMs: 100,
      timers: time.timers,
      busy: () => busy,
      load: async () => 'fresh',
      apply: (v) => applied.push(v),
    })
    reloader.request()
    time.fireAll()
    await settle()
    expect(applied).toEqual([])
    reloader.settle()
    expect(time.count()).toBe(0)
    busy = false
    reloader.settle()
    time.fireAll()
    await settle()
    expect(applied).toEqual(['fresh'])
  })

  it('drops an answer that arrives while an action started meanwhile, and loads again after it', async () => {
    const time = fakeTimers()
    const applied: string[] = []
    let busy = false
    const first = deferred<string>()
    const answers = [first.promise, Promise.resolve('after')]
    const reloader = createSessionReloader({
      delayMs: 100,
      timers: time.timers,
      busy: () => busy,
      load: () => answers.shift()!,
      apply: (v) => applied.push(v),
    })
    reloader.request()
    time.fireAll()
    busy = true
    first.resolve('stale')
    await settle()
    expect(applied).toEqual([])
    busy = false
    reloader.settle()
    time.fireAll()
    await settle()
    expect(applied).toEqual(['after'])
  })

  it('runs one load at a time and one more for changes made during it', async () => {
    const time = fakeTimers()
    const applied: string[] = []
    const first = deferred<string>()
    const answers = [first.promise, Promise.resolve('second')]
    let loads = 0
    const reloader = createSessionReloader({
      delayMs: 100,
      timers: time.timers,
      busy: () => false,
      load: () => {
        loads += 1
        return answers.shift()!
      },
      apply: (v) => applied.push(v),
    })
    reloader.request()
    time.fireAll()
    reloader.request()
    time.fireAll()
    reloader.request()
    time.fireAll()
    expect(loads).toBe(1)
    first.resolve('first')
    await settle()
    time.fireAll()
    await settle()
    expect(loads).toBe(2)
    expect(applied).toEqual(['first', 'second'])
  })
})

describe('isCurrentView', () => {
  const view = (id: string, updatedAt: string) => ({ session: { id, updatedAt } }) as unknown as SessionView
  it('accepts the same or a later save of the open session, never an older one or another session', () => {
    const shown = view('s-1', '2026-02-03T09:00:01.000Z')
    expect(isCurrentView(shown, view('s-1', '2026-02-03T09:00:02.000Z'))).toBe(true)
    expect(isCurrentView(shown, view('s-1', '2026-02-03T09:00:01.000Z'))).toBe(true)
    expect(isCurrentView(shown, view('s-1', '2026-02-03T09:00:00.500Z'))).toBe(false)
    expect(isCurrentView(shown, view('s-2', '2026-02-03T09:00:05.000Z'))).toBe(false)
    expect(isCurrentView(null, view('s-1', '2026-02-03T09:00:05.000Z'))).toBe(false)
  })
})
