import { describe, expect, it } from 'vitest'
import { createSessionRunnerStore } from '../../../../renderer/stores/session-runner-store.ts'
import type { ChannelInput } from '../../../../shared/api.ts'
import type { FinishResult, Session } from '../../../../shared/models/sessions.ts'
import { failWith, fakeClient } from '../../../fixtures/fake-client.ts'
import { manualTimers, settle } from '../../../fixtures/manual-timers.ts'
import { session, sessionView } from '../../../fixtures/renderer-views.ts'

/** A backend that applies plain payload patches to one session and bumps its updatedAt, as the service does. */
function backend(start: Session = session()) {
  let current = start
  let tick = 0
  const fake = fakeClient({
    'sessions.get': () => sessionView(current),
    'sessions.updateStep': (input: ChannelInput<'sessions.updateStep'>) => {
      const step = current.steps[input.step]
      const payload = { ...step.payload, ...(input.payload as object) }
      current = {
        ...current,
        updatedAt: new Date(Date.parse(current.updatedAt) + ++tick * 1000).toISOString(),
        steps: { ...current.steps, [input.step]: { ...step, payload } },
      }
      return sessionView(current)
    },
  })
  return { fake, current: () => current }
}

describe('the session runner store', () => {
  it('saves what the leader types after a pause, one save for a burst of keys', async () => {
    const { fake, current } = backend()
    const clock = manualTimers()
    const store = createSessionRunnerStore(fake.client, { timers: clock.timers })
    await store.getState().open(current().id)
    store.getState().type('explore.notes', 'Ledger')
    store.getState().type('explore.notes', 'Ledger writes twice')
    expect(store.getState().drafts['explore.notes']).toBe('Ledger writes twice')
    expect(fake.inputs('sessions.updateStep')).toEqual([])
    clock.fireAll()
    await settle()
    expect(fake.inputs('sessions.updateStep')).toEqual([{ id: current().id, step: 'explore', payload: { notes: 'Ledger writes twice' } }])
    expect(store.getState().saveStatus).toBe('saved')
    expect(current().steps.explore.payload.notes).toBe('Ledger writes twice')
  })

  it('follows saves made elsewhere (the small change records itself), without touching what is being typed', async () => {
    const { fake, current } = backend()
    const clock = manualTimers()
    const store = createSessionRunnerStore(fake.client, { timers: clock.timers })
    await store.getState().open(current().id)
    await fake.client.invoke('sessions.updateStep', { id: current().id, step: 'change', payload: { branch: 'gemba/2026-01-06-fix' } })
    fake.emit('sessions.changed', { sessionId: current().id })
    clock.fireAll()
    await settle()
    expect(store.getState().view?.session.steps.change.payload.branch).toBe('gemba/2026-01-06-fix')
  })

  it('shows a step change at once, and the saved view back when the save is refused', async () => {
    const { fake, current } = backend()
    const store = createSessionRunnerStore(fake.client, { timers: manualTimers().timers })
    await store.getState().open(current().id)
    fake.answer({
      'sessions.updateStep': () => failWith({ code: 'conflict', message: 'This session is finished; it can no longer change here.' }),
    })
    const saved = store.getState().updateStep('reflect', { frictionTags: ['slow-ci'] })
    expect(store.getState().view?.session.steps.reflect.payload.frictionTags).toEqual(['slow-ci'])
    expect(await saved).toBe(false)
    expect(store.getState().actionError?.code).toBe('conflict')
    expect(store.getState().view?.session.steps.reflect.payload.frictionTags).toEqual([])
  })

  it('keeps the leader’s pick of the offline tour, and goes back to Claude’s walkthrough as the session kept it', async () => {
    const start = session()
    const explore = {
      ...start.steps.explore,
      payload: {
        ...start.steps.explore.payload,
        walkthrough: '### Q\n\nA',
        source: 'ai' as const,
        coach: { markdown: '### Q\n\nA', citations: [{ path: 'src/a.ts', line: 2 }] },
      },
    }
    const { fake, current } = backend({ ...start, steps: { ...start.steps, explore } })
    const store = createSessionRunnerStore(fake.client, { timers: manualTimers().timers })
    await store.getState().open(current().id)
    expect(await store.getState().pickRecord('explore', 'offline', '# Offline tour')).toBe(true)
    expect(current().steps.explore.payload).toMatchObject({
      walkthrough: '# Offline tour',
      source: 'offline',
      choice: 'leader',
      citations: [],
    })
    expect(await store.getState().pickRecord('explore', 'coach', null)).toBe(true)
    expect(current().steps.explore.payload).toMatchObject({
      walkthrough: '### Q\n\nA',
      source: 'ai',
      choice: 'auto',
      citations: [{ path: 'src/a.ts', line: 2 }],
    })
  })

  it('finishes only once the latest text is saved', async () => {
    const { fake, current } = backend()
    const clock = manualTimers()
    const store = createSessionRunnerStore(fake.client, { timers: clock.timers })
    await store.getState().open(current().id)
    const result: FinishResult = {
      session: { ...current(), status: 'finished' },
      journalPath: '/journal/w01.md',
      journalPending: null,
      practised: true,
      notDone: [],
    }
    fake.answer({ 'sessions.finish': () => result })
    store.getState().type('reflect.markdown', 'What slows us down: CI.')
    await store.getState().finish()
    const names = fake.calls.map((call) => call.name)
    expect(names.indexOf('sessions.updateStep')).toBeLessThan(names.indexOf('sessions.finish'))
    expect(store.getState()).toMatchObject({ finished: result, view: null, finishing: false })
  })
})
