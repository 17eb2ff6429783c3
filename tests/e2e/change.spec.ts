// The small change in real Chromium against the real backend and the fake Anthropic server (its own
// process): pick a suggested task, review the agent's diff, apply it, see the new branch and commit in
// the repository the test built, run its tests (node --test) and read the explanation.
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { GREETER_FILES } from '../fixtures/fake-anthropic/small-change-script.ts'
import { buildRepo, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { startFakeAnthropic, type FakeAnthropicProcess } from './support/fake-anthropic-process.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const shots = join(root, 'test-results', 'screenshots')

let fake: FakeAnthropicProcess
let fakeUrl: string
let backend: BackendProcess
let home: string
let repo: RepoBuilder

async function startFake(): Promise<void> {
  fake = await startFakeAnthropic('small-change', ['--delay', '5'])
  fakeUrl = fake.url
}

async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.screenshot({ path: join(shots, `${name}-light.png`), fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: join(shots, `${name}-dark.png`), fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })
}

test.beforeEach(async () => {
  await startFake()
  home = await newHome()
  backend = await startBackend(home, { ANTHROPIC_API_KEY: 'sk-ant-e2e-5555555555555555555555', ANTHROPIC_BASE_URL: fakeUrl })
  repo = await buildRepo()
  await repo.files(GREETER_FILES)
  await repo.commit('Greeter with a test')
  await repo.git(['config', 'user.name', 'Leader Person'])
  await repo.git(['config', 'user.email', 'leader@example.com'])
})

test.afterEach(async ({ page }) => {
  // The page holds a long-running watch call open; closing it first lets the backend stop promptly.
  await page.close()
  await backend.stop()
  fake.stop()
  await repo.cleanup()
  await rm(home, { recursive: true, force: true })
})

test('picks a task, reviews the diff, applies it on a new branch, runs the tests and reads the explanation', async ({ page }) => {
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Repositories' }).click()
  await page.getByLabel('Folder').fill(repo.dir)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('tab', { name: 'Small change' }).click()

  await page.getByRole('button', { name: 'Suggest three tasks' }).click()
  const tasks = page.getByRole('list', { name: 'Suggested tasks' })
  await expect(tasks.getByRole('button')).toHaveCount(3)
  await tasks.getByRole('button', { name: /Fix the “Helo” typo/ }).click()
  await expect(page.getByLabel('What should change?')).toHaveValue('Fix the “Helo” typo in the greeting')
  await page.getByLabel('Your estimate (minutes)').fill('20')
  await screenshots(page, 'change-choose')
  await page.getByRole('button', { name: 'Start the change' }).click()

  await expect(page.getByRole('heading', { name: 'Proposed files' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'The agent’s plan' })).toBeVisible()
  const greet = page.getByRole('article', { name: 'src/greet.js' })
  await expect(greet.getByRole('region', { name: /^Changes to src\/greet\.js/ })).toContainText("return 'Hello, ' + name + '!'")
  await expect(greet.locator('.diff__line--del')).toContainText('Helo')
  await expect(page.getByRole('article', { name: 'test/greet-spelling.test.js' })).toContainText('spells hello correctly')
  expect((await repo.git(['status', '--porcelain'])).trim()).toBe('')
  await screenshots(page, 'change-review')

  await page.getByRole('button', { name: 'Draft the message' }).click()
  await expect(page.getByLabel('Commit message')).toHaveValue(/^Fix the spelling of the greeting/)
  await page.getByRole('button', { name: 'Apply 2 file(s) on a new branch' }).click()
  await expect(page.getByRole('heading', { name: /^Committed on gemba\/\d{4}-\d{2}-\d{2}-fix-the-helo-typo-in-the-greeting$/ })).toBeVisible()

  const branch = (await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()
  expect(branch).toMatch(/^gemba\//)
  expect(await repo.git(['log', '--format=%s|%an', '-2', branch])).toBe('Fix the spelling of the greeting|Leader Person\nGreeter with a test|Ada Lovelace\n')
  expect(await repo.git(['log', '--format=%s', '-1', 'main'])).toBe('Greeter with a test\n')
  await expect(page.locator('.change-command')).toHaveText(`git push -u origin ${branch}`)

  await page.getByLabel('Test command').fill('node --test')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.locator('.change-outcome')).toContainText('Passed · exit code 0')
  await expect(page.getByLabel('Test output')).toContainText('spells hello correctly')

  await page.getByRole('button', { name: 'Explain the change' }).click()
  await expect(page.getByRole('region', { name: /Explain it like/ }).or(page.locator('section[aria-labelledby="change-explain"]'))).toContainText('How we know')
  await screenshots(page, 'change-applied')
})
