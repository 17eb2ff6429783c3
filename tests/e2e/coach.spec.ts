// The AI coach in real Chromium against the real backend and the fake Anthropic server (its own
// process, reached through ANTHROPIC_BASE_URL): the walkthrough streams in, citations are checked and
// open the file at the line, Cancel stops an answer, the diagram renders as SVG with linked nodes,
// errors show their message and next step, and without a key the offline tour is offered.
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { buildRepo, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { startFakeAnthropic, type FakeAnthropicProcess } from './support/fake-anthropic-process.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const shots = join(root, 'test-results', 'screenshots')
const KEY = 'sk-ant-test-e2e-7777777777777777777777'

let fake: FakeAnthropicProcess | undefined
let backend: BackendProcess | undefined
let home: string
let repo: RepoBuilder
async function startFake(script: string, extra: readonly string[] = []): Promise<string> {
  fake = await startFakeAnthropic(script, extra)
  return fake.url
}

async function start(script: string | null, extra: string[] = []): Promise<void> {
  const env: Record<string, string> = script ? { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: await startFake(script, extra) } : {}
  backend = await startBackend(home, env)
}

async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.screenshot({ path: join(shots, `${name}-light.png`), fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: join(shots, `${name}-dark.png`), fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })
}

async function openCoach(page: Page): Promise<void> {
  await page.goto(backend!.pageUrl)
  await page.getByRole('link', { name: 'Repositories' }).click()
  await page.getByLabel('Folder').fill(repo.dir)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('tab', { name: 'Ask Claude' }).click()
}

test.beforeEach(async () => {
  home = await newHome()
  repo = await buildRepo()
  await repo.files({
    'README.md': '# Payments\n\nTakes card payments for the shop.\n',
    'package.json': JSON.stringify({ name: 'payments', scripts: { test: 'node --test' } }),
    'src/server.ts': "import { route } from './api/route.ts'\nexport function start() {\n  return route('/pay')\n}\n",
    'src/api/route.ts': 'export function route(path: string) {\n  return path\n}\n',
    'src/ui/page.ts': "export const title = 'Pay'\n",
  })
  await repo.commit('Start the payments service')
})

test.afterEach(async ({ page }) => {
  await page.close()
  await backend?.stop()
  fake?.stop()
  fake = undefined
  await repo.cleanup()
  await rm(home, { recursive: true, force: true })
})

test('streams a grounded walkthrough, checks its citations and opens one at its line; draws the diagram', async ({ page }) => {
  await start('coach', ['--cite', 'src/server.ts:3,src/invented.ts:4', '--delay', '40'])
  await openCoach(page)
  await expect(page.getByTestId('next-call-estimate')).toContainText('tokens')
  await page.getByRole('button', { name: 'What will be sent' }).click()
  await expect(page.getByTestId('token-source')).toContainText('Gemba’s estimate')
  await expect(page.getByLabel('The text that will be sent')).toContainText('<search_result source="src/server.ts@')
  await page.getByRole('button', { name: 'Count exactly with Anthropic' }).click()
  await expect(page.getByRole('dialog', { name: 'What will be sent' }).getByRole('status')).toContainText(
    'Counted by Anthropic’s token counter.',
  )
  await expect(page.getByTestId('token-source')).toContainText('counted by Anthropic')
  await page.getByRole('dialog', { name: 'What will be sent' }).getByRole('button', { name: 'Close' }).click()
  await screenshots(page, 'coach-explore-start')

  await page.getByRole('button', { name: 'Walk me through the codebase.' }).click()
  const answer = page.getByRole('article', { name: 'Question: Walk me through the codebase.' })
  // Progressive: the first section is on the page while the answer is still streaming.
  await expect(answer.getByRole('heading', { name: 'What this system does' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible()
  await expect(answer.getByRole('heading', { name: 'What to ask your tech lead' })).toHaveCount(0)
  await expect(answer.getByRole('heading', { name: 'What to ask your tech lead' })).toBeVisible()
  await expect(answer).toContainText('cache write')

  await expect(answer.getByRole('button', { name: 'src/server.ts:3' })).toBeVisible()
  await expect(answer.locator('.cite--unverified')).toContainText('src/invented.ts:4 (unverified)')
  // Claude cited lines Gemba sent (the server's opening block): checked word for word, counted with the rest.
  await expect(answer.getByRole('button', { name: 'src/server.ts:1-4' })).toHaveAttribute('title', /checked word for word/)
  await expect(answer.getByTestId('citation-summary')).toContainText(
    /2 of 3 citations checked against [0-9a-f]{8} · 1 unchecked, marked in the text/,
  )
  await expect(page.getByLabel('Usage this session')).toContainText(/This session so far: (about \$|less than a cent)/)
  await screenshots(page, 'coach-explore')

  await answer.getByRole('button', { name: 'src/server.ts:3' }).click()
  const viewer = page.getByRole('dialog', { name: /src\/server\.ts/ })
  await expect(viewer.locator('tr[aria-current="true"]')).toContainText("return route('/pay')")
  await expect(viewer.locator('tr[aria-current="true"] .hljs-string')).toBeVisible()
  await expect(viewer.getByRole('link', { name: 'Open in VS Code' })).toHaveAttribute('href', /^vscode:\/\/file\/.*src\/server\.ts:3$/)
  await screenshots(page, 'coach-viewer')
  await viewer.getByRole('button', { name: 'Close' }).click()

  await page.getByLabel('Ask a follow-up question').fill('Where should I start reading?')
  await page.getByRole('button', { name: 'Ask', exact: true }).click()
  const followUp = page.getByRole('article', { name: 'Question: Where should I start reading?' })
  await expect(followUp).toContainText(/\d[\d.k]* cache read/)
  await expect(page.getByTestId('next-call-estimate')).toContainText('from the cache')
  await page.getByText('What was sent', { exact: true }).click()
  await expect(page.getByRole('list', { name: 'Requests sent' }).getByRole('listitem')).toHaveCount(2)

  await page.getByRole('tab', { name: 'Architecture diagram' }).click()
  await page.getByRole('button', { name: 'Draw the architecture' }).click()
  await expect(page.locator('figure.coach-diagram__figure svg')).toBeVisible()
  const node = page.getByRole('link', { name: 'Open src/api' })
  await expect(node).toBeVisible()
  await screenshots(page, 'coach-diagram')
  await node.click()
  await expect(page.getByRole('list', { name: 'Contents of src/api' })).toContainText('route.ts')
})

test('what will be sent shows a secret redacted in place, the line kept, and lists the redaction', async ({ page }) => {
  const value = 'Zk8Qw3Rt6Yu9' + 'Lp2Xc7Vb4Nm1'
  await repo.write('src/config.ts', `export const region = 'eu-west-1'\nexport const paymentApiKey = '${value}'\n`)
  await repo.commit('Configure payments')
  await start('coach')
  await openCoach(page)
  await expect(page.getByTestId('next-call-estimate')).toContainText('1 lines redacted')
  await page.getByRole('button', { name: 'What will be sent' }).click()
  const dialog = page.getByRole('dialog', { name: 'What will be sent' })
  await expect(dialog).toContainText('Redacted lines: src/config.ts:2 (secret-assignment)')
  const sent = page.getByLabel('The text that will be sent')
  await expect(sent).toContainText("export const paymentApiKey = '[redacted by Gemba: secret-assignment]'")
  await expect(sent).not.toContainText(value)
  // Scroll the sent text to the redacted line, for the screenshot.
  await sent.evaluate((pre) => {
    const text = pre.textContent ?? ''
    pre.scrollTop = (pre.scrollHeight * text.indexOf('paymentApiKey')) / text.length - 120
  })
  await screenshots(page, 'coach-what-will-be-sent-redacted')
})

test('Cancel stops a streaming answer and keeps what arrived', async ({ page }) => {
  await start('slow', ['--delay', '100'])
  await openCoach(page)
  await page.getByRole('button', { name: 'Walk me through the codebase.' }).click()
  const answer = page.getByRole('article', { name: 'Question: Walk me through the codebase.' })
  await expect(answer.getByRole('heading', { name: 'What this system does' }).first()).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(answer.getByRole('status').filter({ hasText: 'Stopped' })).toBeVisible()
  await expect(answer.getByRole('button', { name: 'Ask again' })).toBeVisible()
  await expect(answer.getByRole('heading', { name: 'What this system does' }).first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0)
})

test('a refused key shows its message and next step', async ({ page }) => {
  await start('error-401')
  await openCoach(page)
  await page.getByRole('button', { name: 'Walk me through the codebase.' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Anthropic did not accept the API key.')
  await expect(alert).toContainText('Check the key in Settings')
  await screenshots(page, 'coach-error')
})

test('a rate limit shows a countdown before Retry', async ({ page }) => {
  await start('error-429')
  await openCoach(page)
  await page.getByRole('button', { name: 'Walk me through the codebase.' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('rate limit')
  await expect(alert).toContainText(/You can retry in \d+ seconds/)
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeDisabled()
})

test('without a key the coach offers the offline tour and diagram, clearly labelled', async ({ page }) => {
  await start(null)
  await openCoach(page)
  await expect(page.getByText('No API key yet.')).toBeVisible()
  const tour = page.getByRole('region', { name: 'Offline tour' })
  await expect(tour.getByText('Computed from the repository · no AI')).toBeVisible()
  await expect(tour).toContainText('Where to start reading')
  await screenshots(page, 'coach-offline')
  await page.getByRole('tab', { name: 'Architecture diagram' }).click()
  await expect(page.getByRole('region', { name: 'Offline module diagram' }).locator('.module-map svg')).toBeVisible()
})

test('a diagram that does not parse is repaired once with the parser’s error', async ({ page }) => {
  await start('diagram-repair', ['--delay', '5'])
  await openCoach(page)
  await page.getByRole('tab', { name: 'Architecture diagram' }).click()
  await page.getByRole('button', { name: 'Draw the architecture' }).click()
  await expect(page.locator('figure.coach-diagram__figure svg')).toBeVisible()
  await page.getByText(/^Conversation \(2 requests\)/).click()
  await expect(page.getByRole('article', { name: 'Repair request' })).toBeVisible()
})

test('when the repair fails too, the offline module diagram is shown with the reason', async ({ page }) => {
  await start('diagram-broken', ['--delay', '5'])
  await openCoach(page)
  await page.getByRole('tab', { name: 'Architecture diagram' }).click()
  await page.getByRole('button', { name: 'Draw the architecture' }).click()
  const fallback = page.getByRole('region', { name: 'Offline module diagram' })
  await expect(fallback).toContainText('did not parse')
  await expect(fallback.getByText('Computed from the repository · no AI')).toBeVisible()
  await expect(fallback.locator('.module-map svg')).toBeVisible()
  await screenshots(page, 'coach-diagram-fallback')
})

test('an overloaded API offers Retry after Gemba’s own retries, and Settings lists the models', async ({ page }) => {
  await start('error-529')
  await openCoach(page)
  await page.getByRole('button', { name: 'Walk me through the codebase.' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('overloaded', { timeout: 20_000 })
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeEnabled()
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByTestId('model-list-status')).toContainText('models offered at this endpoint')
})
