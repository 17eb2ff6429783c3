// The shell in real Chromium against the real browser-mode backend: loading, navigation by mouse
// and keyboard, Settings end to end, and the API key never reaching the page.
import { rm } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'
import { startFakeAnthropic } from './support/fake-anthropic-process.ts'

const KEY = 'sk-ant-api03-e2eTESTkey-0123456789abcdefghijklmnopqrstuv-QRST'

let backend: BackendProcess
let home: string

test.beforeEach(async () => {
  home = await newHome()
  backend = await startBackend(home)
})

test.afterEach(async () => {
  await backend.stop()
  await rm(home, { recursive: true, force: true })
})

async function open(page: Page, screen = ''): Promise<void> {
  await page.goto(`${backend.pageUrl}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  if (screen) await page.getByRole('link', { name: screen }).click()
}

test('loads the shell and takes the token out of the address bar', async ({ page }) => {
  await open(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
  expect(page.url()).not.toContain('token=')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
})

test('navigates between every screen, by mouse and by keyboard', async ({ page }) => {
  await open(page)
  for (const name of ['Session', 'Repositories', 'Journal', 'Insights', 'Settings', 'Today']) {
    await page.getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByRole('link', { name })).toHaveAttribute('aria-current', 'page')
  }
  await page.keyboard.press('Control+6')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused()
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
})

test('an API key saved in Settings survives a backend restart and never reaches the page', async ({ page }) => {
  const bodies: string[] = []
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) bodies.push(await response.text().catch(() => ''))
  })
  await open(page, 'Settings')
  await expect(page.getByTestId('api-key-status')).toHaveText(/No key yet/)
  await expect(page.getByRole('link', { name: 'Create one in the Anthropic Console' })).toHaveAttribute(
    'href',
    'https://console.anthropic.com/settings/keys',
  )
  // Another provider's key is named as such before anything is saved or sent.
  await page.getByLabel('API key', { exact: true }).fill('sk-proj-abcdefghijklmnopqrstuvwxyz0123456789')
  await expect(page.getByRole('alert')).toHaveText('That looks like an OpenAI key. Anthropic API keys begin with sk-ant-.')
  await expect(page.getByRole('button', { name: 'Test this key' })).toBeDisabled()
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByTestId('api-key-status')).toHaveText(/No key yet/)
  await page.getByLabel('API key', { exact: true }).fill(KEY)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByTestId('api-key-status')).toHaveText('A key is saved, ending in …QRST.')
  await expect(page.getByLabel('Replace the key')).toHaveValue('')

  await backend.stop()
  backend = await startBackend(home)
  await open(page, 'Settings')
  await expect(page.getByTestId('api-key-status')).toHaveText('A key is saved, ending in …QRST.')

  const secretPart = KEY.slice(0, -4)
  expect(await page.content()).not.toContain(secretPart)
  expect(await page.locator('html').evaluate((element) => element.outerHTML)).not.toContain(secretPart)
  expect(await page.evaluate('JSON.stringify(sessionStorage) + JSON.stringify(localStorage)')).not.toContain(secretPart)
  expect(bodies.length).toBeGreaterThan(2)
  for (const body of bodies) expect(body).not.toContain(secretPart)
  expect(backend.output()).not.toContain(secretPart)
})

test('a key is tested with one Models API call: refused, then accepted', async ({ page }) => {
  const fake = await startFakeAnthropic('coach', ['--api-key', KEY])
  try {
    await backend.stop()
    backend = await startBackend(home, { ANTHROPIC_BASE_URL: fake.url })
    await open(page, 'Settings')
    await page.getByLabel('API key', { exact: true }).fill('sk-ant-api03-a-revoked-key-000000000000000000')
    await page.getByRole('button', { name: 'Test this key' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'refused the key' })).toContainText('console.anthropic.com/settings/keys')
    await page.getByLabel('API key', { exact: true }).fill(KEY)
    await page.getByRole('button', { name: 'Test this key' }).click()
    await expect(page.getByRole('status').filter({ hasText: /accepted the key: it can use \d+ models?\./ })).toBeVisible()
    await page.screenshot({ path: 'test-results/screenshots/settings-key-tested.png' })
  } finally {
    fake.stop()
  }
})

test('settings are validated, saved and still there after a reload', async ({ page }) => {
  await open(page, 'Settings')
  const schedule = page.getByRole('form', { name: 'Your weekly hour' })
  await schedule.getByLabel('Time zone').fill('Mars/Olympus_Mons')
  await schedule.getByRole('button', { name: 'Save' }).click()
  await expect(schedule.getByText(/Not a time zone/)).toBeVisible()

  await schedule.getByLabel('Time zone').fill('Europe/Paris')
  await schedule.getByLabel('Day').selectOption('tuesday')
  await schedule.getByLabel('Starts at').selectOption('08:30')
  await schedule.getByRole('button', { name: 'Save' }).click()
  await expect(schedule.getByRole('status')).toHaveText('Saved')

  // The journal folder: each refusal in a sentence, next to the field, and nothing saved.
  const journal = page.getByRole('form', { name: 'Journal and data' })
  await journal.getByLabel('Journal folder').fill('/etc')
  await journal.getByRole('button', { name: 'Save' }).click()
  await expect(
    journal.getByText('/etc is one of the operating system’s own folders; your journal belongs in a folder of your own.'),
  ).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/settings-journal-folder-refused.png', fullPage: true })
  await journal.getByLabel('Journal folder').fill(`${home}/no-such-folder`)
  await journal.getByRole('button', { name: 'Save' }).click()
  await expect(journal.getByText(`There is no folder at ${home}/no-such-folder.`)).toBeVisible()

  await page.reload()
  await expect(schedule.getByLabel('Day')).toHaveValue('tuesday')
  await expect(schedule.getByLabel('Starts at')).toHaveValue('08:30')
  await expect(schedule.getByLabel('Time zone')).toHaveValue('Europe/Paris')
  await expect(journal.getByLabel('Journal folder')).toHaveValue('')
})

test('a page opened without its token explains how to get in', async ({ page }) => {
  await page.goto(backend.url)
  await expect(page.getByRole('heading', { name: /can’t reach its backend/ })).toBeVisible()
  await expect(page.getByText('npm run web')).toBeVisible()
})

test('screenshots of the shell in light and dark', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 820 } })
    const page = await context.newPage()
    await open(page, 'Settings')
    await expect(page.getByTestId('api-key-status')).toBeVisible()
    await page.screenshot({ path: `test-results/screenshots/settings-${colorScheme}.png` })
    await page.getByRole('link', { name: 'Today' }).click()
    await page.screenshot({ path: `test-results/screenshots/today-${colorScheme}.png` })
    await context.close()
  }
})
