import { describe, expect, it } from 'vitest'
import { createReposStore } from '../../../../renderer/stores/repos-store.ts'
import type { RepoTour } from '../../../../shared/models/repos.ts'
import { settle } from '../../../fixtures/manual-timers.ts'
import { deferred, failWith, fakeClient } from '../../../fixtures/fake-client.ts'
import { repoView } from '../../../fixtures/renderer-views.ts'

const TOUR: RepoTour = {
  markdown: '# payments',
  mermaid: 'flowchart TD\n  a --> b',
  moduleGraph: { folders: [], links: [] },
  moduleSections: {},
  computedFrom: 'repository',
  headCommit: 'r1-head',
  shortfall: null,
}

describe('the repositories store', () => {
  it('lists the repositories and selects the first; adding one selects it and loads its tour', async () => {
    const fake = fakeClient({
      'repos.list': () => [repoView('r1'), repoView('r2')],
      'repos.add': () => ({ ...repoView('r3'), notice: null }),
      'repos.tour': () => TOUR,
    })
    const store = createReposStore(fake.client)
    await store.getState().load()
    expect(store.getState()).toMatchObject({ loaded: true, selectedId: 'r1' })
    expect(await store.getState().add('/code/r3')).toBe(true)
    await settle()
    expect(store.getState().repos.map((repo) => repo.id)).toEqual(['r1', 'r2', 'r3'])
    expect(store.getState().selectedId).toBe('r3')
    expect(store.getState().tours.r3).toMatchObject({ status: 'ready', tour: TOUR, controller: null })
  })

  it('says what adding a repository already in the list did, without adding it twice', async () => {
    const notice = { code: 'already_added' as const, message: 'r1 is already in your list (/code/r1). Nothing changed.' }
    const fake = fakeClient({
      'repos.list': () => [repoView('r1')],
      'repos.add': () => ({ ...repoView('r1'), notice }),
      'repos.tour': () => TOUR,
    })
    const store = createReposStore(fake.client)
    await store.getState().load()
    expect(await store.getState().add('~/code/r1/')).toBe(true)
    expect(store.getState().repos.map((repo) => repo.id)).toEqual(['r1'])
    expect(store.getState()).toMatchObject({ selectedId: 'r1', addNotice: notice })
  })

  it('opens the folder picker at the home folder with suggestions, and browses down', async () => {
    const home = {
      path: '/home/ada',
      parent: null,
      home: '/home/ada',
      folders: [{ name: 'code', path: '/home/ada/code', repository: false }],
      truncated: false,
    }
    const code = {
      ...home,
      path: '/home/ada/code',
      parent: '/home/ada',
      folders: [{ name: 'payments', path: '/home/ada/code/payments', repository: true }],
    }
    const suggestions = { home: '/home/ada', recent: [], found: [{ name: 'payments', path: '/home/ada/code/payments', repository: true }] }
    const fake = fakeClient({
      'repos.folders': (input: { path?: string }) => (input.path ? code : home),
      'repos.suggestions': () => suggestions,
    })
    const store = createReposStore(fake.client)
    await store.getState().openPicker()
    expect(store.getState().picker).toMatchObject({ listing: home, suggestions, loading: false })
    await store.getState().browse('/home/ada/code')
    expect(store.getState().picker?.listing).toEqual(code)
    store.getState().closePicker()
    expect(store.getState().picker).toBeNull()
  })

  it('keeps a refused folder as the form’s error', async () => {
    const store = createReposStore(
      fakeClient({ 'repos.add': () => failWith({ code: 'not_a_repository', message: 'That folder is not a git repository.' }) }).client,
    )
    expect(await store.getState().add('/tmp')).toBe(false)
    expect(store.getState()).toMatchObject({ adding: false, addError: { message: 'That folder is not a git repository.' } })
  })

  it('follows its own scan’s progress by call id, and Cancel aborts that call (held in the tour’s state)', async () => {
    const answer = deferred<RepoTour>()
    const fake = fakeClient({ 'repos.tour': () => answer.promise })
    const store = createReposStore(fake.client)
    const loading = store.getState().loadTour('r1')
    const { callId, controller } = store.getState().tours.r1!
    expect(controller).toBeInstanceOf(AbortController)
    fake.emit('repos.scanProgress', { callId: 'someone-else', repoId: 'r1', phase: 'files', done: 1, total: 9 })
    fake.emit('repos.scanProgress', { callId: callId!, repoId: 'r1', phase: 'parse', done: 3, total: 9 })
    expect(store.getState().tours.r1?.progress).toEqual({ phase: 'parse', done: 3, total: 9 })
    store.getState().cancelTour('r1')
    await loading
    expect(fake.calls[0]?.options.signal?.aborted).toBe(true)
    expect(store.getState().tours.r1).toMatchObject({ status: 'cancelled', controller: null })
  })

  it('a newer tour request replaces the one under way, which can no longer overwrite it', async () => {
    const first = deferred<RepoTour>()
    const fake = fakeClient({ 'repos.tour': () => first.promise })
    const store = createReposStore(fake.client)
    const old = store.getState().loadTour('r1')
    fake.answer({ 'repos.tour': () => TOUR })
    await store.getState().loadTour('r1', false)
    await old
    expect(fake.calls[0]?.options.signal?.aborted).toBe(true)
    expect(store.getState().tours.r1).toMatchObject({ status: 'ready', tour: TOUR })
  })
})
