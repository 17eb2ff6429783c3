import { describe, expect, it } from 'vitest'
import { manualTimers, settle } from '../../../fixtures/manual-timers.ts'
import { createAutosave, type AutosaveStatus } from '../../../../renderer/stores/session-autosave.ts'

const fakeTimers = manualTimers

describe('createAutosave', () => {
  it('sends only the latest value after the pause, and reports saving then saved', async () => {
    const time = fakeTimers()
    const saved: string[] = []
    const statuses: AutosaveStatus[] = []
    const autosave = createAutosave<'notes'>({
      delayMs: 500,
      timers: time.timers,
      save: async (_k, v) => void saved.push(v),
      onStatus: (s) => statuses.push(s),
    })
    autosave.change('notes', 'W')
    autosave.change('notes', 'Wal')
    autosave.change('notes', 'Walk')
    expect(time.count()).toBe(1)
    expect(autosave.unsaved('notes')).toBe('Walk')
    time.fireAll()
    await settle()
    expect(saved).toEqual(['Walk'])
    expect(statuses.at(-1)).toBe('saved')
    expect(autosave.unsaved('notes')).toBeUndefined()
  })

  it('flush sends at once, without waiting for the pause', async () => {
    const time = fakeTimers()
    const saved: string[] = []
    const autosave = createAutosave<'a' | 'b'>({
      delayMs: 500,
      timers: time.timers,
      save: async (k, v) => void saved.push(`${k}=${v}`),
      onStatus: () => {},
    })
    autosave.change('a', 'one')
    autosave.change('b', 'two')
    await autosave.flush()
    expect(saved.sort()).toEqual(['a=one', 'b=two'])
    expect(time.count()).toBe(0)
  })

  it('keeps one save per field in flight and sends what was typed meanwhile afterwards', async () => {
    const time = fakeTimers()
    const saved: string[] = []
    let release: () => void = () => {}
    const autosave = createAutosave<'draft'>({
      delayMs: 500,
      timers: time.timers,
      save: (_k, v) =>
        new Promise<void>((resolve) => {
          saved.push(v)
          release = resolve
        }),
      onStatus: () => {},
    })
    autosave.change('draft', 'first')
    const first = autosave.flush()
    autosave.change('draft', 'second')
    const second = autosave.flush()
    expect(saved).toEqual(['first'])
    release()
    await first
    await settle()
    expect(saved).toEqual(['first', 'second'])
    release()
    await second
  })

  it('keeps a value that failed to save, says so, and saves it on the next flush', async () => {
    const time = fakeTimers()
    let fail = true
    const saved: string[] = []
    const statuses: AutosaveStatus[] = []
    const autosave = createAutosave<'draft'>({
      delayMs: 500,
      timers: time.timers,
      save: async (_k, v) => {
        if (fail) throw new Error('backend gone')
        saved.push(v)
      },
      onStatus: (s) => statuses.push(s),
    })
    autosave.change('draft', 'keep me')
    await autosave.flush()
    expect(statuses.at(-1)).toBe('error')
    expect(autosave.unsaved('draft')).toBe('keep me')
    fail = false
    await autosave.flush()
    expect(saved).toEqual(['keep me'])
    expect(statuses.at(-1)).toBe('saved')
  })

  it('counts a value still on its way as unsaved, so a reload answering meanwhile cannot replace it', async () => {
    const time = fakeTimers()
    let finish: () => void = () => {}
    const autosave = createAutosave<'notes'>({
      delayMs: 500,
      timers: time.timers,
      save: () => new Promise<void>((resolve) => (finish = resolve)),
      onStatus: () => {},
    })
    autosave.change('notes', '')
    time.fireAll()
    await settle()
    expect(autosave.unsaved('notes')).toBe('')
    finish()
    await settle()
    expect(autosave.unsaved('notes')).toBeUndefined()
  })
})
