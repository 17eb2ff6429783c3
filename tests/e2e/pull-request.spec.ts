// "Open a pull request" in real Chromium against the real backend (browser mode) and the fake
// Anthropic server: a change lands on its Gemba branch; the repository's remote is a GitHub address
// that git rewrites (url.<path>.insteadOf) to a bare repository on this machine, so the leader's own
// git really pushes and nothing leaves the machine. The drafted description is edited, one press
// pushes only the Gemba branch, and the page links to GitHub's new pull request with the text in its
// address. A second remote state (a hook that says no) shows the failure as one sentence.
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { GREETER_FILES } from '../fixtures/fake-anthropic/small-change-script.ts'
import { buildRepo, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { startFakeAnthropic, type FakeAnthropicProcess } from './support/fake-anthropic-process.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const shots = join(root, 'test-results', 'screenshots')
const GITHUB = 'https://github.com/acme/greeter.git'

let fake: FakeAnthropicProcess
let backend: BackendProcess
let home: string
let repo: RepoBuilder
let bare: RepoBuilder

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true })
  const viewport = page.viewportSize() ?? { width: 1280, height: 820 }
  const height = await page.locator('.main').evaluate((main) => main.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.min(4000, Math.max(viewport.height, height)) })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.locator('.change-applied').screenshot({ path: join(shots, `${name}-${scheme}.png`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize(viewport)
}

test.beforeEach(async () => {
  fake = await startFakeAnthropic('small-change', ['--delay', '5'])
  home = await newHome()
  backend = await startBackend(home, { ANTHROPIC_API_KEY: 'sk-ant-e2e-5555555555555555555555', ANTHROPIC_BASE_URL: fake.url })
  bare = await buildRepo({ bare: true })
  repo = await buildRepo()
  await repo.files(GREETER_FILES)
  await repo.commit('Greeter with a test')
  await repo.git(['config', 'user.name', 'Leader Person'])
  await repo.git(['config', 'user.email', 'leader@example.com'])
  await repo.git(['remote', 'add', 'origin', GITHUB])
  await repo.git(['config', `url.${bare.dir}.insteadOf`, GITHUB])
  await repo.git(['push', '-q', 'origin', 'main'])
  await repo.git(['branch', 'private-work'])
})

test.afterEach(async ({ page }) => {
  await page.close()
  await backend.stop()
  fake.stop()
  await repo.cleanup()
  await bare.cleanup()
  await rm(home, { recursive: true, force: true })
})

async function landTheChange(page: Page): Promise<string> {
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Repositories' }).click()
  await page.getByLabel('Folder').fill(repo.dir)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('tab', { name: 'Small change' }).click()
  await page.getByRole('button', { name: 'Suggest three tasks' }).click()
  await page
    .getByRole('list', { name: 'Suggested tasks' })
    .getByRole('button', { name: /Fix the “Helo” typo/ })
    .click()
  await page.getByLabel('Your estimate (minutes)').fill('20')
  await page.getByRole('button', { name: 'Start the change' }).click()
  await expect(page.getByRole('heading', { name: 'Proposed files' })).toBeVisible()
  await page.getByRole('button', { name: 'Draft the message' }).click()
  await expect(page.getByLabel('Commit message')).toHaveValue(/^Fix the spelling of the greeting/)
  await page.getByRole('button', { name: 'Apply 2 files on a new branch' }).click()
  const heading = page.getByRole('heading', { name: /^Committed on gemba\// })
  await expect(heading).toBeVisible()
  return (await heading.textContent())!.replace('Committed on ', '').trim()
}

test('pushes only the Gemba branch on the press and links to GitHub’s new pull request', async ({ page }) => {
  const branch = await landTheChange(page)
  const refsBefore = await bare.git(['for-each-ref', '--format=%(refname)'])
  await expect(page.getByText('Nothing has been pushed.', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Open a pull request…' }).click()
  await expect(page.getByLabel('Title')).toHaveValue(/^Fix the spelling of the greeting/)
  await expect(page.getByLabel('Description')).toHaveValue(/## Tests/)
  await expect(page.getByLabel('Description')).toHaveValue(/Made in a Gemba hour/)
  expect(await bare.git(['for-each-ref', '--format=%(refname)'])).toBe(refsBefore)
  await page.getByLabel('Title').fill('Fix the spelling of the greeting')
  await screenshot(page, 'pull-request-edit')

  await page.getByRole('button', { name: 'Push and open the pull request' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Pushed' })).toContainText(`Pushed ${branch} to origin`)
  const link = page.getByRole('link', { name: 'Open the new pull request on GitHub' })
  const href = new URL((await link.getAttribute('href'))!)
  expect(`${href.origin}${href.pathname}`).toBe(`https://github.com/acme/greeter/compare/main...${branch}`)
  expect(href.searchParams.get('title')).toBe('Fix the spelling of the greeting')
  expect(href.searchParams.get('body')).toMatch(/Made in a Gemba hour/)
  // Exactly the Gemba branch arrived: not private-work.
  expect((await bare.git(['for-each-ref', '--format=%(refname)'])).trim().split('\n').sort()).toEqual(
    [...refsBefore.trim().split('\n'), `refs/heads/${branch}`].sort(),
  )
  // Pushed is pushed: Gemba no longer offers to delete the branch.
  await expect(page.getByRole('button', { name: 'Delete the Gemba branch…' })).toHaveCount(0)
  await screenshot(page, 'pull-request-pushed')
})

test('says in one sentence that a hook on the server said no, and pushes nothing', async ({ page }) => {
  const branch = await landTheChange(page)
  const hook = join(bare.dir, 'hooks', 'pre-receive')
  await writeFile(hook, '#!/bin/sh\necho "push refused: every commit needs a ticket id" >&2\nexit 1\n')
  await chmod(hook, 0o755)
  const refsBefore = await bare.git(['for-each-ref'])
  await page.getByRole('button', { name: 'Open a pull request…' }).click()
  await page.getByRole('button', { name: 'Push and open the pull request' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(`origin refused ${branch}: a check on the server (a hook) said no, so nothing was pushed.`)
  await expect(alert).toContainText('The server said: “push refused: every commit needs a ticket id”')
  await expect(page.getByLabel('Description')).toBeVisible()
  expect(await bare.git(['for-each-ref'])).toBe(refsBefore)
  await screenshot(page, 'pull-request-refused')
})
