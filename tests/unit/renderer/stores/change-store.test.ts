import { describe, expect, it } from 'vitest'
import { createChangeStore, reviewFiles } from '../../../../renderer/stores/change-store.ts'
import type { ChangeDraftView, TaskProposals, WorkingChanges } from '../../../../shared/models/change.ts'
import { deferred, fakeClient } from '../../../fixtures/fake-client.ts'
import { draftView, repoView } from '../../../fixtures/renderer-views.ts'
import { BridgeError } from '../../../../renderer/bridge.ts'
import { CLEAN_GIT_STATE } from '../../../../shared/models/git.ts'

const PROPOSALS: TaskProposals = { source: 'offline', note: 'No API key: computed from the scan alone, no AI.', tasks: [] }
const WORKING: WorkingChanges = {
  repoId: 'r1',
  branch: 'main',
  headCommit: 'abc',
  skipped: [],
  leftByRuns: [],
  files: [{ path: 'README.md', status: 'modified', additions: 1, deletions: 0, hunks: [], diff: '+x', hasLeaderMarker: false }],
}

function opened() {
  const fake = fakeClient({
    'change.testCommand': () => ({ command: 'npm test', source: 'detected', from: null }),
    'change.identity': () => null,
  })
  const store = createChangeStore(fake.client)
  store.getState().open('r1', '2026-01-06-w01-abc12')
  return { fake, store }
}

describe('the small-change store', () => {
  it('asks for tasks in its session', async () => {
    const { fake, store } = opened()
    fake.answer({ 'change.proposeTasks': () => PROPOSALS })
    await store.getState().propose()
    expect(fake.inputs('change.proposeTasks')).toEqual([{ repoId: 'r1', sessionId: '2026-01-06-w01-abc12' }])
    expect(store.getState()).toMatchObject({ proposals: PROPOSALS, busy: null })
  })

  it('reads the repository’s git state, and reads it again when a refusal came from git', async () => {
    const { fake, store } = opened()
    const blocker = {
      code: 'operation' as const,
      message: 'A rebase of main is in progress.',
      next: 'Finish it with `git rebase --continue`.',
    }
    const stateOf = (blockers: (typeof blocker)[]) => repoView('r1', { gitState: { ...CLEAN_GIT_STATE, blockers } })
    fake.answer({ 'repos.info': () => stateOf([blocker]) })
    await store.getState().recheck()
    expect(store.getState().repo?.gitState.blockers).toEqual([blocker])
    fake.answer({
      'change.start': () => draftView({ mode: 'manual' }),
      'change.apply': () => {
        throw new BridgeError({
          code: 'refused',
          message: 'Gemba did not land the change, and changed nothing: …',
          details: { gitBlockers: [blocker] },
        })
      },
    })
    store.getState().set({ request: 'Fix it', estimate: '5', message: 'Fix it' })
    await store.getState().start()
    const infoCalls = fake.inputs('repos.info').length
    await store.getState().apply()
    expect(store.getState().error?.details?.gitBlockers).toEqual([blocker])
    await expect.poll(() => fake.inputs('repos.info').length).toBe(infoCalls + 1)
    // "Check again" after finishing the rebase clears the refusal.
    fake.answer({ 'repos.info': () => stateOf([]) })
    await store.getState().recheck(true)
    expect(store.getState()).toMatchObject({ error: null, repo: { gitState: { blockers: [] } } })
  })

  it('follows the clone when it moves elsewhere (change.checkout): the repository and the draft are read again', async () => {
    const { fake, store } = opened()
    const applied = {
      branch: 'gemba/x',
      originalBranch: 'main',
      baseCommit: 'a',
      commit: 'b',
      files: [],
      push: { remote: null, pushCommand: null, compareUrl: null, host: null, addRemote: null },
      onGembaBranch: true,
      deleted: false,
      restorable: false,
    }
    fake.answer({
      'change.start': () => draftView({ applied }),
      'repos.info': () => repoView('r1'),
      'change.draft': () => draftView({ applied: { ...applied, onGembaBranch: false } }),
    })
    store.getState().set({ request: 'Fix it', estimate: '5' })
    await store.getState().start()
    fake.emit('change.checkout', { callId: 'other', repoId: 'r1' })
    await expect.poll(() => store.getState().draft?.applied?.onGembaBranch).toBe(false)
    fake.emit('change.checkout', { callId: 'other', repoId: 'another-repo' })
    expect(fake.inputs('change.draft')).toHaveLength(1)
  })

  it('checks the explanation’s citations against the change’s commit, and opens them in the viewer', async () => {
    const { fake, store } = opened()
    const applied = {
      branch: 'gemba/x',
      originalBranch: 'main',
      baseCommit: 'a',
      commit: 'c0ffee1',
      files: [],
      push: { remote: null, pushCommand: null, compareUrl: null, host: null, addRemote: null },
      onGembaBranch: true,
      deleted: false,
      restorable: false,
    }
    fake.answer({
      'change.start': () => draftView({ applied }),
      'change.explain': () => ({ source: 'ai', markdown: '`src/greet.js:3` now says Hello.' }),
      'ai.verifyCitations': (input) =>
        input.citations.map((citation) => ({
          path: citation.path,
          line: citation.line ?? null,
          status: 'verified' as const,
          kind: 'file' as const,
          lines: 4,
          checkedBy: 'range' as const,
        })),
    })
    store.getState().set({ request: 'Fix it', estimate: '5' })
    await store.getState().start()
    await store.getState().explain()
    expect(fake.inputs('ai.verifyCitations')).toEqual([{ repoId: 'r1', commit: 'c0ffee1', citations: [{ path: 'src/greet.js', line: 3 }] }])
    expect(store.getState()).toMatchObject({ explanationChecked: true, explanationChecks: { 'src/greet.js:3': { status: 'verified' } } })
    store.getState().openFile({ repoId: 'r1', path: 'src/greet.js', line: 3 })
    expect(store.getState().viewer).toEqual({ repoId: 'r1', path: 'src/greet.js', line: 3 })
  })

  it('streams its own call’s agent events only, including those arriving after the answer', async () => {
    const { fake, store } = opened()
    const answer = deferred<ChangeDraftView>()
    fake.answer({ 'change.start': () => answer.promise })
    store.getState().set({ request: 'Fix the typo', estimate: '10' })
    const starting = store.getState().start()
    const { callId } = store.getState()
    expect(fake.calls.at(-1)?.options.callId).toBe(callId)
    fake.emit('change.agent', { callId: callId!, draftId: 'draft-0001', kind: 'text', text: 'Reading greet.js. ' })
    fake.emit('change.agent', { callId: 'another-page', draftId: 'draft-9', kind: 'text', text: 'not ours' })
    fake.emit('change.agent', { callId: callId!, draftId: 'draft-0001', kind: 'refused', text: 'an edit outside the repository' })
    answer.resolve(draftView())
    await starting
    fake.emit('change.agent', { callId: callId!, draftId: 'draft-0001', kind: 'text', text: 'Done.' })
    expect(store.getState().streamed).toBe('Reading greet.js. Done.')
    expect(store.getState().activity).toEqual(['Refused: an edit outside the repository'])
    expect(store.getState()).toMatchObject({ draft: draftView(), busy: null, controller: null })
  })

  it('Stop aborts the call under way through the controller held in its state', async () => {
    const { fake, store } = opened()
    fake.answer({ 'change.start': () => new Promise<ChangeDraftView>(() => undefined) })
    store.getState().set({ request: 'Fix the typo', estimate: '10' })
    const starting = store.getState().start()
    expect(store.getState().busy).toBe('agent')
    store.getState().stop()
    await starting
    expect(fake.calls.at(-1)?.options.signal?.aborted).toBe(true)
    expect(store.getState()).toMatchObject({ busy: null, controller: null, error: { code: 'cancelled' }, draft: null })
  })

  it('two stores never share a call: stopping one leaves the other running', async () => {
    const one = opened()
    const two = opened()
    for (const { fake } of [one, two]) fake.answer({ 'change.explain': () => new Promise(() => undefined) })
    one.store.setState({ draft: draftView() })
    two.store.setState({ draft: draftView() })
    void one.store.getState().explain()
    void two.store.getState().explain()
    one.store.getState().stop()
    expect(one.fake.calls.at(-1)?.options.signal?.aborted).toBe(true)
    expect(two.fake.calls.at(-1)?.options.signal?.aborted).toBe(false)
    expect(two.store.getState().busy).toBe('explaining')
  })

  it('reviews by the one rule: the staged change, the working tree for the leader’s own edits, nothing once back on the original branch', () => {
    const applied = {
      branch: 'gemba/x',
      originalBranch: 'main',
      baseCommit: 'a',
      commit: 'b',
      files: [],
      push: { remote: null, pushCommand: null, compareUrl: null, host: null, addRemote: null },
      onGembaBranch: true,
      deleted: false,
      restorable: false,
    } as const
    expect(reviewFiles({ draft: draftView(), working: WORKING }).map((file) => file.path)).toEqual(['src/greet.js'])
    expect(reviewFiles({ draft: draftView({ mode: 'manual' }), working: WORKING })).toEqual(WORKING.files)
    expect(reviewFiles({ draft: draftView({ applied }), working: WORKING })).toEqual(WORKING.files)
    expect(reviewFiles({ draft: draftView({ applied: { ...applied, onGembaBranch: false } }), working: WORKING })).toEqual([])
  })

  it('applies only the files the leader kept', async () => {
    const { fake, store } = opened()
    const draft = draftView({
      files: [
        ...draftView().files,
        { path: 'test/greet.test.js', status: 'added', additions: 3, deletions: 0, hunks: [], diff: '+t', hasLeaderMarker: false },
      ],
    })
    store.setState({ draft, message: 'Fix the greeting' })
    store.getState().decide('test/greet.test.js', false)
    fake.answer({ 'change.apply': () => draftView() })
    await store.getState().apply()
    expect(fake.inputs('change.apply')).toEqual([{ draftId: 'draft-0001', acceptedPaths: ['src/greet.js'], message: 'Fix the greeting' }])
  })
})
