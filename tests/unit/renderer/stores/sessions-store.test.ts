import { describe, expect, it } from 'vitest'
import { createNavigationStore } from '../../../../renderer/stores/navigation-store.ts'
import { createReposStore } from '../../../../renderer/stores/repos-store.ts'
import { createSessionRunnerStore } from '../../../../renderer/stores/session-runner-store.ts'
import { createSessionsStore } from '../../../../renderer/stores/sessions-store.ts'
import { summarise } from '../../../../electron/services/sessions/today-view.ts'
import { failWith, fakeClient, type Handlers } from '../../../fixtures/fake-client.ts'
import { repoView, session, sessionView, todayView } from '../../../fixtures/renderer-views.ts'

function stores(handlers: Handlers) {
  const fake = fakeClient({ 'sessions.questions': () => [], 'repos.list': () => [repoView('r1')], ...handlers })
  let hash = '#/today'
  const navigation = createNavigationStore({ hash: () => hash, push: (next) => void (hash = next) })
  const repos = createReposStore(fake.client)
  const runner = createSessionRunnerStore(fake.client)
  const sessions = createSessionsStore(fake.client, { navigation, repos, runner })
  return { fake, navigation, runner, sessions }
}

describe('the sessions (Today) store', () => {
  it('starts this week’s hour at the repository’s HEAD, hands it to the runner and shows the Session screen', async () => {
    const started = sessionView()
    const { fake, navigation, runner, sessions } = stores({ 'sessions.today': () => todayView(), 'sessions.start': () => started })
    await sessions.getState().load()
    await sessions.getState().start()
    expect(fake.inputs('sessions.start')).toEqual([{ repoId: 'r1', commit: 'r1-head', offline: true }])
    expect(runner.getState().view).toBe(started)
    expect(navigation.getState().screen).toBe('session')
    expect(sessions.getState()).toMatchObject({ busy: null, actionError: null })
  })

  it('resumes the hour already under way instead of starting another', async () => {
    const active = session()
    const { fake, runner, sessions } = stores({ 'sessions.today': () => todayView([active]), 'sessions.get': () => sessionView(active) })
    await sessions.getState().load()
    expect(sessions.getState().today?.activeSession).toEqual(summarise(active))
    await sessions.getState().start()
    expect(fake.inputs('sessions.start')).toEqual([])
    expect(runner.getState().view?.session.id).toBe(active.id)
  })

  it('keeps a refused start beside the controls, and stays on Today', async () => {
    const { navigation, sessions } = stores({
      'sessions.today': () => todayView(),
      'sessions.start': () => failWith({ code: 'conflict', message: 'Your hour for week 1 is not finished yet.' }),
    })
    await sessions.getState().start()
    expect(sessions.getState().actionError?.message).toBe('Your hour for week 1 is not finished yet.')
    expect(navigation.getState().screen).toBe('today')
  })

  it('reloads when a session changes elsewhere, and shows the reminder when the hour starts', async () => {
    const { fake, sessions } = stores({ 'sessions.today': () => todayView() })
    fake.emit('sessions.changed', { sessionId: null })
    fake.emit('calendar.reminder', { weekNumber: 1, theme: 'Walk the codebase', startsAt: '2026-01-06T09:00:00.000Z' })
    await new Promise((resolve) => setImmediate(resolve))
    expect(fake.inputs('sessions.today')).toHaveLength(1)
    expect(sessions.getState().reminder).toEqual({ weekNumber: 1, theme: 'Walk the codebase', startsAt: '2026-01-06T09:00:00.000Z' })
  })
})
