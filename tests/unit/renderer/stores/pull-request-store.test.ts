// The pull request in the store: what the change already did is shown without drafting; the text is
// drafted only on "Open a pull request…", pushed only on the press with the leader's edit, and a
// press that is stopped cancels its call and keeps the edit.
import { describe, expect, it } from 'vitest'
import { createPullRequestStore } from '../../../../renderer/stores/pull-request-store.ts'
import type { PullRequestDraft, PullRequestOpened } from '../../../../shared/models/change.ts'
import { deferred, fakeClient } from '../../../fixtures/fake-client.ts'

const BRANCH = 'gemba/2026-12-07-fix'
const DRAFT: PullRequestDraft = {
  branch: BRANCH,
  base: 'main',
  remote: { name: 'origin', url: 'https://github.com/acme/shop.git' },
  host: 'github',
  title: 'Fix the greeting',
  body: 'Drafted.',
  blocked: null,
  opened: null,
}
const OPENED: PullRequestOpened = {
  branch: BRANCH,
  remote: 'origin',
  status: 'pushed',
  commit: 'c'.repeat(40),
  host: 'github',
  url: 'https://github.com/acme/shop/compare/main...gemba/2026-12-07-fix?expand=1',
  textInUrl: true,
  opened: false,
  command: `git push origin ${BRANCH}`,
}

describe('the pull-request store', () => {
  it('drafts on edit, pushes only on the press with the leader’s text, and keeps the result', async () => {
    const fake = fakeClient({ 'change.pullRequestDraft': () => DRAFT, 'change.openPullRequest': () => OPENED })
    const store = createPullRequestStore(fake.client)
    await store.getState().show('draft-0001')
    expect(store.getState()).toMatchObject({ draft: DRAFT, editing: false, opened: null })
    await store.getState().edit()
    expect(store.getState()).toMatchObject({ editing: true, title: 'Fix the greeting', body: 'Drafted.' })
    expect(fake.inputs('change.openPullRequest')).toEqual([])
    store.getState().setBody('Mine.')
    await store.getState().open()
    expect(fake.inputs('change.openPullRequest')).toEqual([
      { draftId: 'draft-0001', branch: BRANCH, title: 'Fix the greeting', body: 'Mine.' },
    ])
    expect(store.getState()).toMatchObject({ opened: OPENED, editing: false, busy: null, error: null })
  })

  it('shows a push made earlier for the same change, and forgets it for another change', async () => {
    const fake = fakeClient({
      'change.pullRequestDraft': (input) => (input.draftId === 'draft-0001' ? { ...DRAFT, opened: OPENED } : DRAFT),
    })
    const store = createPullRequestStore(fake.client)
    await store.getState().show('draft-0001')
    expect(store.getState().opened).toEqual(OPENED)
    await store.getState().show('draft-0002')
    expect(store.getState().opened).toBeNull()
  })

  it('stops a push on Stop: the call is cancelled and the edit stays', async () => {
    const pushing = deferred<PullRequestOpened>()
    const fake = fakeClient({ 'change.pullRequestDraft': () => DRAFT, 'change.openPullRequest': () => pushing.promise })
    const store = createPullRequestStore(fake.client)
    await store.getState().show('draft-0001')
    await store.getState().edit()
    store.getState().setTitle('Edited')
    const pressed = store.getState().open()
    expect(store.getState().busy).toBe('pushing')
    store.getState().stop()
    await pressed
    expect(fake.calls.find((call) => call.name === 'change.openPullRequest')!.options.signal!.aborted).toBe(true)
    expect(store.getState()).toMatchObject({ busy: null, editing: true, title: 'Edited', opened: null, error: { code: 'cancelled' } })
  })
})
