import { describe, expect, it } from 'vitest'
import { createSessionRunnerStore } from '../../../../renderer/stores/session-runner-store.ts'
import type { ChannelInput } from '../../../../shared/api.ts'
import type { FinishResult, Session } from '../../../../shared/models/sessions.ts'
import { failWith, fakeClient } from '../../../fixtures/fake-client.ts'
import { manualTimers, settle } from '../../../fixtures/manual-timers.ts'
import { session, sessionView } from '../../../fixtures/renderer-views.ts'
import { withStepPayload } from '../../../fixtures/session-steps.ts'
import { withCoachWalkthrough, withOfflineRecord } from '../../../../electron/services/sessions/keep-record.ts'

const TOUR = { markdown: '# Offline tour', mermaid: 'flowchart TD\n  a --> b' }

/**
 * A backend that applies the leader's patches to one session and keeps picked records with the
 * sessions service's own builders (the offline tour being TOUR), bumping updatedAt as the service does.
 */
function backend(start: Session = session()) {
  let current = start
  let tick = 0
  const saved = (next: Session) => {
    current = { ...next, updatedAt: new Date(Date.parse(current.updatedAt) + ++tick * 1000).toISOString() }
    return sessionView(current)
  }
  const fake = fakeClient({
    'sessions.get': () => sessionView(current),
    'sessions.updateStep': (input: ChannelInput<'sessions.updateStep'>) =>
      saved(withStepPayload(current, input.step, (input.payload ?? {}) as object)),
    'sessions.keepRecord': (input: ChannelInput<'sessions.keepRecord'>) => {
      if (input.pick.kind === 'coach') return saved(withCoachWalkthrough(current))
      if (input.pick.kind === 'offline') return saved(withOfflineRecord(current, input.step, TOUR, input.pick.by) ?? current)
      throw new Error('no drawings in these tests')
    },
  })
  /** What another service records into the session (the small change, the coach). */
  const recordElsewhere = (next: (session: Session) => Session) => void saved(next(current))
  return { fake, current: () => current, recordElsewhere }
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
    const { fake, current, recordElsewhere } = backend()
    const clock = manualTimers()
    const store = createSessionRunnerStore(fake.client, { timers: clock.timers })
    await store.getState().open(current().id)
    recordElsewhere((value) => withStepPayload(value, 'change', { branch: 'gemba/2026-01-06-fix' }))
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
    expect(await store.getState().pickRecord('explore', 'offline')).toBe(true)
    expect(current().steps.explore.payload).toMatchObject({
      walkthrough: '# Offline tour',
      source: 'offline',
      choice: 'leader',
      citations: [],
    })
    expect(await store.getState().pickRecord('explore', 'coach')).toBe(true)
    expect(current().steps.explore.payload).toMatchObject({
      walkthrough: '### Q\n\nA',
      source: 'ai',
      choice: 'auto',
      citations: [{ path: 'src/a.ts', line: 2 }],
    })
    // Intents only: the page never sends the content it keeps.
    expect(fake.inputs('sessions.keepRecord').map(({ step, pick }) => ({ step, pick }))).toEqual([
      { step: 'explore', pick: { kind: 'offline', by: 'leader' } },
      { step: 'explore', pick: { kind: 'coach' } },
    ])
    expect(fake.inputs('sessions.updateStep')).toEqual([])
  })

  it('asks once to keep the offline tour when it is first shown, and not when the step keeps something', async () => {
    const { fake, current } = backend()
    const store = createSessionRunnerStore(fake.client, { timers: manualTimers().timers })
    await store.getState().open(current().id)
    store.getState().keepOffline('explore')
    store.getState().keepOffline('explore')
    await settle()
    expect(fake.inputs('sessions.keepRecord')).toEqual([{ id: current().id, step: 'explore', pick: { kind: 'offline', by: 'auto' } }])
    expect(current().steps.explore.payload).toMatchObject({ walkthrough: '# Offline tour', source: 'offline' })

    const drawn = backend(withStepPayload(session(), 'diagram', { mermaid: 'flowchart LR\n  x --> y', source: 'ai' }))
    const other = createSessionRunnerStore(drawn.fake.client, { timers: manualTimers().timers })
    await other.getState().open(drawn.current().id)
    other.getState().keepOffline('diagram')
    await settle()
    expect(drawn.fake.inputs('sessions.keepRecord')).toEqual([])
  })

  it('hands a drawing to the session as an intent, leaving out an SVG too large to keep', async () => {
    const { fake, current } = backend()
    fake.answer({ 'sessions.keepRecord': () => sessionView(current()) })
    const store = createSessionRunnerStore(fake.client, { timers: manualTimers().timers })
    await store.getState().open(current().id)
    const drawing = { threadId: 'thread-d', mermaid: 'flowchart LR\n  a --> b', svg: '<svg></svg>' }
    expect(await store.getState().keepDrawing(drawing, 'auto')).toBe(true)
    await store.getState().keepDrawing({ ...drawing, svg: `<svg>${'x'.repeat(2_000_001)}</svg>` }, 'leader')
    expect(fake.inputs('sessions.keepRecord').map(({ pick }) => pick)).toEqual([
      { kind: 'drawing', ...drawing, by: 'auto' },
      { kind: 'drawing', ...drawing, svg: '', by: 'leader' },
    ])
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
