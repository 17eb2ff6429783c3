// The leader's checkout through the API (the real backend's dispatcher): after a change lands, Gemba
// knows which branch the clone is on and where "back" is, also after a restart; going back works
// without the change being open; deleting the Gemba branch keeps its commit under refs/gemba/kept/ so
// it can be restored, until the session's journal entry is written; and the session and the journal
// say what happened.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChangeDraftView, CheckoutView } from '../../../shared/models/change.ts'
import type { JournalSessionRecord } from '../../../shared/models/journal.ts'
import type { RepoView } from '../../../shared/models/repos.ts'
import type { FinishResult, SessionView } from '../../../shared/models/sessions.ts'
import { buildRepo, makeTempFolder, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

let test: TestBackend | undefined
let repo: RepoBuilder | undefined
let dataFolder: string | undefined

afterEach(async () => {
  await test?.cleanup()
  await repo?.cleanup()
  test = undefined
})

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await test!.backend.dispatcher.dispatch(name, input)
  if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), { data: result.error })
  return result.value as T
}

async function landAChange(): Promise<{ repoId: string; sessionId: string; draft: ChangeDraftView }> {
  repo = await buildRepo()
  await repo.git(['config', 'user.name', 'Leader Person'])
  await repo.git(['config', 'user.email', 'leader@example.com'])
  await repo.files({ 'src/greet.js': "export const greet = (name) => 'Helo, ' + name\n" })
  await repo.commit('Greeter')
  test = await makeTestBackend({}, dataFolder)
  const repoId = (await call<RepoView>('repos.add', { path: repo.dir })).id
  const sessionId = (await call<SessionView>('sessions.start', { repoId })).session.id
  const draft = await call<ChangeDraftView>('change.start', {
    repoId,
    sessionId,
    request: 'Fix the greeting',
    estimateMinutes: 10,
    mode: 'manual',
  })
  await repo.write('src/greet.js', "export const greet = (name) => 'Hello, ' + name\n")
  const applied = await call<ChangeDraftView>('change.apply', {
    draftId: draft.draftId,
    acceptedPaths: ['src/greet.js'],
    message: 'Fix the greeting',
  })
  return { repoId, sessionId, draft: applied }
}

const currentBranch = async () => (await repo!.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()

describe('where the clone is, and the way back', () => {
  it('is known after landing and after a restart, and the way back needs no open change', async () => {
    dataFolder = await makeTempFolder()
    const { repoId, sessionId, draft } = await landAChange()
    const branch = draft.applied!.branch
    expect(await currentBranch()).toBe(branch)
    expect(await call<CheckoutView[]>('change.checkouts', {})).toEqual([
      expect.objectContaining({ repoId, branch, gembaBranch: branch, returnTo: 'main', onGembaBranch: true, sessionId }),
    ])
    expect((await call<SessionView>('sessions.get', { id: sessionId })).session.steps.change.payload).toMatchObject({
      branch,
      originalBranch: 'main',
      returned: false,
      branchDeleted: false,
      authorship: { leaderLines: 1, agentLines: 0 },
    })

    // Gemba restarts: the draft is gone, the way back is not.
    await test!.cleanup()
    test = await makeTestBackend({}, dataFolder)
    const [after] = await call<CheckoutView[]>('change.checkouts', {})
    expect(after).toMatchObject({ repoId, onGembaBranch: true, returnTo: 'main' })
    const back = await call<CheckoutView>('change.returnTo', { repoId })
    expect(back).toMatchObject({ branch: 'main', onGembaBranch: false })
    expect(await currentBranch()).toBe('main')
    expect(await repo!.git(['status', '--porcelain'])).toBe('')
    expect(await readFile(join(repo!.dir, 'src/greet.js'), 'utf8')).toContain('Helo')
    expect((await call<SessionView>('sessions.get', { id: sessionId })).session.steps.change.payload.returned).toBe(true)
    // Going back twice is harmless; the branch stays for review.
    expect(await call<CheckoutView>('change.returnTo', { repoId })).toMatchObject({ branch: 'main' })
    expect(await repo!.git(['branch', '--list', branch])).toContain(branch)
    await rm(dataFolder, { recursive: true, force: true })
    dataFolder = undefined
  })

  it('deletes the branch keeping its commit, restores it, deletes it again, and lets go only once the journal entry is written', async () => {
    const { sessionId, draft } = await landAChange()
    const branch = draft.applied!.branch
    const commit = draft.applied!.commit
    const deleted = await call<ChangeDraftView>('change.discardBranch', { draftId: draft.draftId })
    expect(deleted.applied).toMatchObject({ deleted: true, restorable: true, onGembaBranch: false })
    expect(await currentBranch()).toBe('main')
    expect(await repo!.git(['branch', '--list', branch])).toBe('')
    expect((await repo!.git(['rev-parse', `refs/gemba/kept/${branch}`])).trim()).toBe(commit)
    expect(await call<CheckoutView[]>('change.checkouts', {})).toEqual([])
    expect((await call<SessionView>('sessions.get', { id: sessionId })).session.steps.change.payload.branchDeleted).toBe(true)

    const restored = await call<ChangeDraftView>('change.restoreBranch', { draftId: draft.draftId })
    expect(restored.applied).toMatchObject({ deleted: false, restorable: false })
    expect((await repo!.git(['rev-parse', branch])).trim()).toBe(commit)
    expect(await repo!.git(['for-each-ref', 'refs/gemba/'])).toBe('')
    expect((await call<SessionView>('sessions.get', { id: sessionId })).session.steps.change.payload.branchDeleted).toBe(false)

    await call('change.discardBranch', { draftId: draft.draftId })
    expect(await repo!.git(['for-each-ref', '--format=%(refname)', 'refs/gemba/'])).toBe(`refs/gemba/kept/${branch}\n`)
    const finished = await call<FinishResult>('sessions.finish', { id: sessionId })
    expect(await repo!.git(['for-each-ref', 'refs/gemba/'])).toBe('')
    const { record } = await call<{ record: JournalSessionRecord }>('journal.get', { id: finished.session.id })
    expect(record.change).toMatchObject({ branch, commit, branchDeleted: true, originalBranch: 'main' })
    const markdown = await readFile(finished.journalPath!, 'utf8')
    expect(markdown).toContain(`**Branch:** \`${branch}\``)
    expect(markdown).toContain('_The branch was deleted during the session; Gemba kept its commit until this entry was written')
  })
})

describe('every sentence the journal writes about git is true as it is written', () => {
  /** Finishes the session and answers the journal's Markdown and its change record. */
  async function finishAndRead(sessionId: string): Promise<{ markdown: string; change: JournalSessionRecord['change'] }> {
    const finished = await call<FinishResult>('sessions.finish', { id: sessionId })
    const { record } = await call<{ record: JournalSessionRecord }>('journal.get', { id: finished.session.id })
    return { markdown: await readFile(finished.journalPath!, 'utf8'), change: record.change }
  }

  it('apply: the clone is on the Gemba branch, and the entry says so', async () => {
    const { sessionId, draft } = await landAChange()
    const { branch, commit } = draft.applied!
    const { markdown, change } = await finishAndRead(sessionId)
    expect(change).toMatchObject({ branch, commit, returned: false, branchDeleted: false, cloneOn: branch, branchTip: commit })
    expect(markdown).toContain(`_The clone was left on \`${branch}\`; it was on \`main\` before (\`git switch main\` goes back)._`)
  })

  it('return: the clone went back, through Gemba or by hand in git', async () => {
    const { repoId, sessionId, draft } = await landAChange()
    await call('change.returnTo', { repoId })
    expect((await call<SessionView>('sessions.get', { id: sessionId })).session.steps.change.payload).toMatchObject({
      returned: true,
      cloneOn: 'main',
    })
    // Back on the Gemba branch by hand, then to main by hand again: the entry reads git, not the last action.
    await repo!.git(['switch', '-q', draft.applied!.branch])
    await repo!.git(['switch', '-q', 'main'])
    const { markdown, change } = await finishAndRead(sessionId)
    expect(change).toMatchObject({ returned: true, cloneOn: 'main' })
    expect(markdown).toContain('_The clone went back to `main` afterwards; the branch stays for review._')
    expect(markdown).not.toContain('was left on')
  })

  it('a switch in git after the last action: the entry says where the clone is', async () => {
    const { sessionId, draft } = await landAChange()
    await repo!.git(['switch', '-q', '-c', 'elsewhere', 'main'])
    const { markdown, change } = await finishAndRead(sessionId)
    expect(change).toMatchObject({ returned: false, cloneOn: 'elsewhere', branchDeleted: false })
    expect(markdown).toContain(`_The clone is on \`elsewhere\` (it was on \`main\` before the change); the branch stays for review._`)
    expect(markdown).not.toContain(`left on \`${draft.applied!.branch}\``)
  })

  it('discard: the branch is gone, the entry names the commit that brings it back', async () => {
    const { sessionId, draft } = await landAChange()
    await call('change.discardBranch', { draftId: draft.draftId })
    const { markdown, change } = await finishAndRead(sessionId)
    expect(change).toMatchObject({ branchDeleted: true, returned: true, cloneOn: 'main' })
    expect(markdown).toContain(`\`git branch ${draft.applied!.branch} ${draft.applied!.commit.slice(0, 12)}\` brings it back`)
  })

  it('restore after a delete, with the clone on main: never "left on" the Gemba branch', async () => {
    const { sessionId, draft } = await landAChange()
    const { branch } = draft.applied!
    await call('change.discardBranch', { draftId: draft.draftId })
    await call('change.restoreBranch', { draftId: draft.draftId })
    expect(await currentBranch()).toBe('main')
    expect((await call<SessionView>('sessions.get', { id: sessionId })).session.steps.change.payload).toMatchObject({
      branchDeleted: false,
      returned: true,
      cloneOn: 'main',
    })
    const { markdown, change } = await finishAndRead(sessionId)
    expect(change).toMatchObject({ branchDeleted: false, returned: true, cloneOn: 'main' })
    expect(markdown).not.toContain('was left on')
    expect(markdown).toContain('_The clone went back to `main` afterwards; the branch stays for review._')
    expect(await repo!.git(['branch', '--list', branch])).toContain(branch)
  })

  it('a commit made by hand on the Gemba branch: the entry gives its tip, and the tip is what a delete keeps', async () => {
    const { sessionId, draft } = await landAChange()
    const { branch, commit } = draft.applied!
    await repo!.write('src/greet.js', "export const greet = (name) => 'Hello, ' + name + '!'\n")
    await repo!.git(['commit', '-qam', 'Exclaim'])
    const tip = (await repo!.git(['rev-parse', 'HEAD'])).trim()
    const first = await finishAndRead(sessionId)
    expect(first.change).toMatchObject({ commit, branchTip: tip, cloneOn: branch })
    expect(first.markdown).toContain(`The branch has moved on since: its tip is \`${tip.slice(0, 12)}\` (committed in git).`)

    // Another hour: the hand commit, then the branch deleted through Gemba.
    await test!.cleanup()
    await repo!.cleanup()
    const again = await landAChange()
    await repo!.write('src/greet.js', "export const greet = (name) => 'Hello, ' + name + '!'\n")
    await repo!.git(['commit', '-qam', 'Exclaim'])
    const handTip = (await repo!.git(['rev-parse', 'HEAD'])).trim()
    await call('change.discardBranch', { draftId: again.draft.draftId })
    const second = await finishAndRead(again.sessionId)
    expect(second.markdown).toContain(`\`git branch ${again.draft.applied!.branch} ${handTip.slice(0, 12)}\` brings it back`)
  })
})
