// Repositories in real Chromium: add a repository the test builds, read its offline tour and module
// map (a box opens its part of the tour; a folder opens inside), see a clear message for a folder that
// is not a repository, and remove it again; a single-package library's map drawn on its modules and
// opened from the keyboard; pick one with browser mode's folder picker under a home folder of the
// test's own, and add it again by ~.
import { execFile } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { buildPaymentsRepo } from '../fixtures/payments-repo.ts'
import { buildRepo, makeTempFolder, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

let backend: BackendProcess
let home: string
let repo: RepoBuilder
let notRepo: string

test.beforeEach(async () => {
  home = await newHome()
  backend = await startBackend(home)
  repo = await buildPaymentsRepo()
  notRepo = await makeTempFolder()
})

test.afterEach(async () => {
  await backend.stop()
  await repo.cleanup()
  await rm(home, { recursive: true, force: true })
  await rm(notRepo, { recursive: true, force: true })
})

test('adds a repository and shows its offline tour and module diagram', async ({ page }) => {
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Repositories' }).click()
  await expect(page.getByRole('heading', { name: 'Add a team’s repository' })).toBeVisible()

  await page.getByLabel('Folder').fill(notRepo)
  await page.getByRole('button', { name: 'Add' }).click()
  await expect(page.getByRole('alert')).toContainText('is not inside a git repository')

  await page.getByLabel('Folder').fill(repo.dir)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  const card = page.getByRole('list', { name: 'Repositories' }).getByRole('button')
  await expect(card).toContainText('clean')
  await expect(card).toContainText('Start the payments service')

  await expect(page.locator('.computed-label')).toHaveText('Computed from the repository · no AI')
  await expect(page.getByRole('tabpanel')).toContainText('Takes card payments for the shop and settles them')
  await expect(page.getByRole('tabpanel')).toContainText('src/server.ts')

  await page.getByRole('tab', { name: 'Module diagram' }).click()
  const map = page.getByRole('region', { name: `Module map of ${repo.dir.split('/').at(-1)}` })
  await expect(map.locator('svg')).toBeVisible()
  const billing = map.getByRole('button', { name: /^src\/billing\/: 1 file/ })
  await expect(billing).toBeVisible()
  // Labels are at least 12 px at 100%.
  await expect(map.locator('.module-map__label').first()).toHaveCSS('font-size', '13px')
  await expect(map.locator('.module-map__detail').first()).toHaveCSS('font-size', '12px')
  await billing.click()
  const details = map.getByRole('complementary', { name: 'About src/billing/' })
  await expect(details).toContainText('1 file')
  await details.getByRole('button', { name: 'Read it in the tour' }).click()
  await expect(page.getByRole('heading', { name: 'src/billing/', level: 3 })).toBeFocused()
  await page.getByRole('tab', { name: 'Module diagram' }).click()
  await map.getByRole('button', { name: 'Zoom in' }).click()
  await expect(map.getByText('120%')).toBeVisible()

  await page.reload()
  await expect(card).toContainText('Start the payments service')

  await page.getByRole('button', { name: 'Remove…' }).click()
  await page.getByRole('button', { name: 'Remove from Gemba' }).click()
  await expect(page.getByRole('heading', { name: 'Add a team’s repository' })).toBeVisible()
})

test('draws a single-package library on its modules and opens every box from the keyboard', async ({ page }) => {
  // Shaped like a small Python HTTP library: src/<pkg>/ modules importing each other, files at the root.
  const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n')
  const names = [
    ...['client', 'models', 'sessions', 'adapters', 'utils', 'auth', 'cookies', 'hooks', 'status', 'compat'],
    ...['exceptions', 'help', 'certs', 'packages', 'api', 'encoding', 'proxies', 'retries', 'timeouts', 'structures'],
  ]
  const files: Record<string, string> = {
    'pyproject.toml': '[project]\nname = "tinyhttp"\ndescription = "A small HTTP library"\n',
    'README.md': '# tinyhttp\n\ntinyhttp is a small HTTP library for Python.\n',
    'src/tinyhttp/__init__.py': 'from .client import Client\nfrom .sessions import Session\n',
  }
  names.forEach((name, at) => {
    const next = names[at + 1]
    files[`src/tinyhttp/${name}.py`] =
      `${next ? `from .${next} import value_0\n` : ''}${lines(600 - at * 25, (i) => `value_${i} = ${i}`)}\n`
  })
  const library = await buildRepo()
  try {
    await library.files(files)
    await library.commit('init')
    await page.goto(backend.pageUrl)
    await page.getByRole('link', { name: 'Repositories' }).click()
    await page.getByLabel('Folder').fill(library.dir)
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(page.getByRole('tabpanel')).toContainText('tinyhttp is a small HTTP library for Python.')
    await page.getByRole('tab', { name: 'Module diagram' }).click()
    const map = page.getByRole('region', { name: `Module map of ${library.dir.split('/').at(-1)}` })
    // Its modules, not one box for the package beside one for the root files.
    const client = map.getByRole('button', { name: /^src\/tinyhttp\/client\.py: 1 file/ })
    await expect(client).toBeVisible()
    await expect(map.getByRole('button', { name: /^src\/tinyhttp\/: / })).toHaveCount(0)
    await expect(map.locator('.module-map__edge')).not.toHaveCount(0)
    // The keyboard reaches a box, shows where it is, and Enter or Space shows its part of the tour.
    await page.keyboard.press('Shift')
    await client.focus()
    await expect(client.locator('rect')).toHaveCSS('stroke-width', '3px')
    await page.keyboard.press('Space')
    await expect(map.getByRole('complementary', { name: 'About client.py' })).toContainText('A module of src/tinyhttp/')
    // The smaller modules are one box, which Enter opens onto each of them.
    const smaller = map.getByRole('button', { name: /smaller modules/ })
    await smaller.focus()
    await page.keyboard.press('Enter')
    await expect(map.getByRole('complementary', { name: /About \d+ smaller modules/ })).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(map.getByRole('navigation', { name: 'Where you are in the map' })).toContainText('smaller modules')
    await expect(map.getByRole('button', { name: /^src\/tinyhttp\/structures\.py: 1 file/ })).toBeVisible()
    await page.screenshot({ path: 'test-results/screenshots/repos-module-map-single-package.png' })
  } finally {
    await library.cleanup()
  }
})

test('picks a repository under the home folder with the folder picker, and says so when it is added again', async ({ page }) => {
  const leaderHome = await makeTempFolder()
  try {
    await mkdir(join(leaderHome, 'code'), { recursive: true })
    await promisify(execFile)('git', ['clone', '-q', repo.dir, join(leaderHome, 'code', 'payments')])
    await backend.stop()
    backend = await startBackend(home, { HOME: leaderHome })
    await page.goto(backend.pageUrl)
    await page.getByRole('link', { name: 'Repositories' }).click()
    await page.getByRole('button', { name: 'Browse…' }).click()
    const picker = page.getByRole('region', { name: 'Choose a folder' })
    await expect(picker.getByRole('list', { name: 'Folders in ~' })).toContainText('code/')
    await picker.getByRole('button', { name: 'code/', exact: true }).click()
    await expect(picker.getByRole('list', { name: 'Folders in ~/code' }).getByText('git repository')).toBeVisible()
    await page.screenshot({ path: 'test-results/screenshots/repos-folder-picker.png' })
    await picker.getByRole('button', { name: 'Add payments (~/code/payments)' }).first().click()
    const card = page.getByRole('list', { name: 'Repositories' }).getByRole('button')
    await expect(card).toContainText('payments')
    await expect(picker).toHaveCount(0)

    await page.locator('summary', { hasText: 'Add another repository' }).click()
    await page.getByLabel('Folder').fill('~/code/payments/')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'payments is already in your list' })).toBeVisible()
    await page.getByLabel('Folder').fill('code/payments/src')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'That folder is inside payments, which is already in your list.' }),
    ).toBeVisible()
    await expect(card).toHaveCount(1)
  } finally {
    await rm(leaderHome, { recursive: true, force: true })
  }
})
