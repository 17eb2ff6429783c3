// The pull request on the leader's press, in Chromium: the drafted text is edited first, one press
// pushes and links to the page, a failure is its sentence with the leader's text kept.
import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { AppliedChange, PullRequestDraft, PullRequestOpened } from '../../../../../shared/models/change.ts'
import { PullRequestPanel } from '../../../../../renderer/views/change/PullRequestPanel.tsx'
import { BridgeError } from '../../../../../renderer/bridge.ts'
import { deferred } from '../../../../fixtures/fake-client.ts'
import { renderView } from '../../../../fixtures/render-view.tsx'

const BRANCH = 'gemba/2026-12-07-fix-the-greeting'
const APPLIED: AppliedChange = {
  branch: BRANCH,
  originalBranch: 'main',
  baseCommit: 'b'.repeat(40),
  commit: 'c0ffee1234567890c0ffee1234567890c0ffee12',
  files: ['src/greet.js'],
  push: {
    remote: 'origin',
    pushCommand: `git push -u origin ${BRANCH}`,
    compareUrl: `https://github.com/acme/shop/compare/main...${BRANCH}?expand=1`,
    host: 'github',
    addRemote: null,
  },
  onGembaBranch: true,
  deleted: false,
  restorable: false,
}
const DRAFT: PullRequestDraft = {
  branch: BRANCH,
  base: 'main',
  remote: { name: 'origin', url: 'https://github.com/acme/shop.git' },
  host: 'github',
  title: 'Fix the greeting',
  body: '## What changed and why\n\nThe greeting said "Helo".\n\n---\nMade in a Gemba hour.',
  blocked: null,
  opened: null,
}
const OPENED: PullRequestOpened = {
  branch: BRANCH,
  remote: 'origin',
  status: 'pushed',
  commit: APPLIED.commit,
  host: 'github',
  url: `https://github.com/acme/shop/compare/main...${BRANCH}?expand=1&title=Fix&body=x`,
  textInUrl: true,
  opened: false,
  command: `git push origin ${BRANCH}`,
}

function panel(applied: AppliedChange = APPLIED, drafted: PullRequestDraft = DRAFT) {
  const pushed = deferred<PullRequestOpened>()
  const view = renderView(() => <PullRequestPanel draftId="draft-0001" applied={applied} />, {
    handlers: {
      'change.pullRequestDraft': () => drafted,
      'change.openPullRequest': () => pushed.promise,
    },
  })
  return { ...view, pushed }
}

describe('PullRequestPanel', () => {
  it('pushes nothing until pressed; the press pushes the branch with the edited text and links to the new pull request', async () => {
    const { fake, pushed } = panel()
    await page.getByRole('button', { name: 'Open a pull request…' }).click()
    await expect.element(page.getByLabelText('Title')).toHaveValue('Fix the greeting')
    await expect.element(page.getByLabelText('Description')).toHaveValue(DRAFT.body)
    expect(fake.inputs('change.openPullRequest')).toEqual([])
    await page.getByLabelText('Title').fill('Fix the greeting’s typo')
    await page.getByRole('button', { name: 'Push and open the pull request' }).click()
    await expect.element(page.getByRole('status').filter({ hasText: 'Pushing' })).toBeVisible()
    expect(fake.inputs('change.openPullRequest')).toEqual([
      { draftId: 'draft-0001', branch: BRANCH, title: 'Fix the greeting’s typo', body: DRAFT.body },
    ])
    pushed.resolve(OPENED)
    await expect.element(page.getByRole('status')).toMatchTextContent(`Pushed ${BRANCH} to origin at c0ffee1234.`)
    const link = page.getByRole('link', { name: 'Open the new pull request on GitHub' })
    await expect.element(link).toHaveAttribute('href', OPENED.url)
    await expect.element(link).toHaveAttribute('target', '_blank')
    await expect.element(page.getByLabelText('Description')).not.toBeInTheDocument()
  })

  it('shows a failed push as its one sentence and keeps the leader’s text', async () => {
    const { pushed } = panel()
    await page.getByRole('button', { name: 'Open a pull request…' }).click()
    await page.getByLabelText('Description').fill('My own words.')
    await page.getByRole('button', { name: 'Push and open the pull request' }).click()
    pushed.reject(new BridgeError({ code: 'auth_failed', message: 'origin did not accept your credentials, so nothing was pushed.' }))
    await expect.element(page.getByRole('alert')).toMatchTextContent(/origin did not accept your credentials, so nothing was pushed\./)
    await expect.element(page.getByLabelText('Description')).toHaveValue('My own words.')
    await expect.element(page.getByRole('link')).not.toBeInTheDocument()
  })

  it('copies the description, and says so until it is edited again', async () => {
    panel()
    await page.getByRole('button', { name: 'Open a pull request…' }).click()
    await page.getByLabelText('Description').fill('Copied words.')
    await page.getByRole('button', { name: 'Copy the description' }).click()
    // The page may write the clipboard, not read it back: "Copied" is what the leader sees.
    await expect.element(page.getByRole('button', { name: 'Copied' })).toBeVisible()
    await page.getByLabelText('Description').fill('Edited again.')
    await expect.element(page.getByRole('button', { name: 'Copy the description' })).toBeVisible()
  })

  it('offers to push again once the leader commits past what was pushed', async () => {
    panel({ ...APPLIED, commit: 'd'.repeat(40) }, { ...DRAFT, opened: OPENED })
    await expect.element(page.getByRole('status')).toMatchTextContent(`Pushed ${BRANCH} to origin at c0ffee1234.`)
    await expect.element(page.getByText('Your newer commit dddddddddd is not pushed yet.', { exact: false })).toBeVisible()
    await page.getByRole('button', { name: 'Push the newer commit…' }).click()
    await expect.element(page.getByLabelText('Title')).toHaveValue('Fix the greeting')
  })

  it('without a remote, says how to add one and offers no push', async () => {
    const { fake } = panel({
      ...APPLIED,
      push: { remote: null, pushCommand: null, compareUrl: null, host: null, addRemote: 'git remote add origin <URL>' },
    })
    await expect.element(page.getByText('This repository has no remote yet', { exact: false })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Open a pull request…' })).not.toBeInTheDocument()
    expect(fake.inputs('change.openPullRequest')).toEqual([])
  })
})
