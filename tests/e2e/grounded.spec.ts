// The grounded coach in real Chromium against the real backend and the fake Anthropic server (its own
// process): citations Claude makes of the lines Gemba sent, checked and counted under the answer; the
// repository prefix read from the 1-hour cache after a ten-minute pause; the "what I already know"
// note from the journal, shown before it is sent and built on by the walkthrough; and a past session's
// citations re-anchored to today's code, the drift line saying how many moved, changed or vanished.
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { journalFileName } from '../../electron/services/journal/journal-file-name.ts'
import { writeSessionFiles } from '../../electron/services/journal/journal-folder.ts'
import type { JournalSessionRecord } from '../../shared/models/journal.ts'
import { buildRepo, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { buildSessionRecord } from '../unit/electron/services/journal/fixtures/build-session-record.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'
import { startFakeAnthropic, type FakeAnthropicProcess } from './support/fake-anthropic-process.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const shots = join(root, 'test-results', 'screenshots')
const KEY = 'sk-ant-test-e2e-1717171717171717171717'
const SERVER = "import { route } from './api/route.ts'\nexport function start() {\n  return route('/pay')\n}\n"

let fake: FakeAnthropicProcess | undefined
let backend: BackendProcess | undefined
let home: string
let repo: RepoBuilder
let firstCommit: string

test.beforeEach(async () => {
  home = await newHome()
  repo = await buildRepo()
  await repo.files({
    'README.md': '# Payments\n\nTakes card payments for the shop.\n',
    'package.json': JSON.stringify({ name: 'payments' }),
    'src/server.ts': SERVER,
    'src/api/route.ts': 'export function route(path: string) {\n  return path\n}\n',
  })
  firstCommit = await repo.commit('Start the payments service')
})

test.afterEach(async ({ page }) => {
  await page.close()
  await backend?.stop()
  fake?.stop()
  fake = undefined
  await repo.cleanup()
  await rm(home, { recursive: true, force: true })
})

async function start(withAi: boolean): Promise<void> {
  fake = withAi ? await startFakeAnthropic('coach', ['--cite', 'src/server.ts:3', '--delay', '5']) : undefined
  backend = await startBackend(home, fake ? { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url } : {})
}

/** Calls a channel of the backend the way a script would (browser mode's HTTP API). */
async function call<T>(channel: string, body: unknown): Promise<T> {
  const response = await fetch(`${backend!.url}/api/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${backend!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${channel}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

async function seedSession(record: JournalSessionRecord): Promise<void> {
  const folder = join(home, 'journal')
  await mkdir(folder, { recursive: true })
  await writeSessionFiles(folder, journalFileName(record, new Set()), record)
}

async function shoot(target: Locator, page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true })
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await target.screenshot({ path: join(shots, `${name}-${colorScheme}.png`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

const tokens = (text: string, label: RegExp): number => Number((label.exec(text)?.[1] ?? 'NaN').replaceAll(',', ''))

async function openCoach(page: Page): Promise<void> {
  await page.goto(backend!.pageUrl)
  await page.getByRole('link', { name: 'Repositories' }).click()
  await page.getByRole('list', { name: 'Repositories' }).getByRole('button').first().click()
  await page.getByRole('tab', { name: 'Ask Claude' }).click()
}

test('counts the citations of an answer checked against the commit, and reads the prefix from the 1-hour cache after a ten-minute pause', async ({
  page,
}) => {
  await start(true)
  await call('repos.add', { path: repo.dir })
  await openCoach(page)
  await page.getByRole('button', { name: 'Walk me through the codebase.' }).click()
  const answer = page.getByRole('article', { name: 'Question: Walk me through the codebase.' })
  const summary = answer.getByTestId('citation-summary')
  await expect(summary).toContainText(`2 of 2 citations checked against ${firstCommit.slice(0, 8)}`)
  await expect(answer.getByRole('button', { name: 'src/server.ts:1-4' })).toBeVisible()
  await shoot(answer, page, 'grounded-citations')
  await answer.getByRole('button', { name: 'src/server.ts:1-4' }).click()
  const viewer = page.getByRole('dialog', { name: /src\/server\.ts/ })
  await expect(viewer.locator('tr[aria-current="true"]')).toContainText("import { route } from './api/route.ts'")
  await viewer.getByRole('button', { name: 'Close' }).click()

  const first = (await answer.locator('.coach-usage').textContent()) ?? ''
  const kept = tokens(first, /\(([\d,]+) kept for an hour\)/)
  expect(kept).toBeGreaterThan(500)

  // The leader reads code for ten minutes: the 5-minute entries expire, the hour's prefix does not.
  await fetch(`${fake!.url}/_fake/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: 10 * 60_000 }),
  })
  await page.getByLabel('Ask a follow-up question').fill('And after a coffee?')
  await page.getByRole('button', { name: 'Ask', exact: true }).click()
  const followUp = page.getByRole('article', { name: 'Question: And after a coffee?' })
  await expect(followUp.locator('.coach-usage')).toBeVisible()
  const second = (await followUp.locator('.coach-usage').textContent()) ?? ''
  expect(tokens(second, /([\d,]+) cache read/)).toBeGreaterThanOrEqual(kept)
  expect(second).not.toContain('kept for an hour')
})

test('shows what the coach already knows from the journal before anything is sent, honours the leader’s choice, and the walkthrough builds on it', async ({
  page,
}) => {
  await repo.write('src/server.ts', `${SERVER}export const port = 8080\n`)
  await repo.commit('Listen on a port')
  await start(true)
  const added = await call<{ id: string }>('repos.add', { path: repo.dir })
  await seedSession(
    buildSessionRecord({
      id: 'past-payments',
      date: '2026-11-17',
      repository: { id: added.id, name: 'payments', path: repo.dir, commit: firstCommit },
      walkthrough: {
        markdown: 'It starts in `src/server.ts:2`.',
        citations: [
          { path: 'src/server.ts', line: 2 },
          { path: 'src/api/route.ts', line: 1 },
        ],
      },
      change: null,
      reflection: 'Routing is simpler than I feared; the tests are what slow the team down.',
      questions: [{ id: 'q1', text: 'Who owns routing?', status: 'answered', answer: 'The platform team.' }],
    }),
  )
  await openCoach(page)
  const memory = page.getByRole('region', { name: 'What I already know' })
  const note = memory.getByLabel('The note the coach is sent')
  await expect(note).toContainText('Looked at: src/server.ts, src/api/route.ts')
  await expect(note).toContainText('Answered: “Who owns routing?” — “The platform team.”')
  await expect(note).toContainText('Their reflection: “Routing is simpler than I feared')
  await expect(note).toContainText('1 commit, the latest “Listen on a port”')
  await expect(memory).toContainText('From your 1 past session in this repository')
  await shoot(memory, page, 'grounded-memory')

  await memory.getByLabel('What the coach remembers').selectOption('without_reflections')
  await expect(note).toContainText('their reflections left out, as they chose')
  await expect(note).not.toContainText('simpler than I feared')
  await page.getByRole('button', { name: 'What will be sent' }).click()
  await expect(page.getByLabel('The text that will be sent')).toContainText('<what_i_already_know>')
  await page.getByRole('dialog', { name: 'What will be sent' }).getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Walk me through the codebase.' }).click()
  const answer = page.getByRole('article', { name: 'Question: Walk me through the codebase.' })
  await expect(answer).toContainText('Last time you looked at src/server.ts; since then 1 commit, the latest “Listen on a port”')
  // Once a conversation is open, its note is fixed: the choice applies to the next one.
  await expect(memory.getByLabel('What the coach remembers')).toHaveCount(0)
})

test('re-anchors a past session’s citations to today’s code: the drift line counts what moved, changed and vanished, and "open" goes where the code is now', async ({
  page,
}) => {
  const ledger = [
    '// Posts a payment to the ledger.',
    '',
    'export const entries: number[] = []',
    '',
    'export function post(amount: number) {',
    '  entries.push(amount)',
    '}',
    '',
    'export function refund(amount: number) {',
    '  entries.push(-amount)',
    '}',
    '',
  ]
  await repo.files({
    'src/ledger/post.ts': ledger.join('\n'),
    'src/http/router.ts': [
      '// Routes requests.',
      "import { post } from '../ledger/post.ts'",
      '',
      'export const routes = {',
      "  '/pay': post,",
      '}',
      '',
    ].join('\n'),
  })
  const sessionCommit = await repo.commit('A ledger and a router')
  await repo.write(
    'src/ledger/post.ts',
    [
      '// Posts a payment to the ledger.',
      '// Amounts are in cents.',
      '',
      'export const entries: number[] = []',
      '',
      'export function post(amount: number) {',
      '  entries.push(Math.round(amount))',
      '}',
      '',
    ].join('\n'),
  )
  await repo.git(['mv', 'src/http/router.ts', 'src/http/routes.ts'])
  await repo.commit('Cents, no refunds, routes.ts')
  await start(false)
  await call('repos.add', { path: repo.dir })
  const citations = [
    { path: 'src/ledger/post.ts', line: 3, label: 'the entries' },
    { path: 'src/ledger/post.ts', line: 5, endLine: 7, label: 'posting' },
    { path: 'src/ledger/post.ts', line: 9, endLine: 11, label: 'refunds' },
    { path: 'src/http/router.ts', line: 4, endLine: 6, label: 'the routes' },
  ]
  await seedSession(
    buildSessionRecord({
      id: 'past-ledger',
      repository: { id: 'repo-elsewhere', name: 'payments', path: repo.dir, commit: sessionCommit },
      walkthrough: { markdown: 'Payments post to the ledger at `src/ledger/post.ts:5`; routes live in `src/http/router.ts:4`.', citations },
    }),
  )
  await page.goto(backend!.pageUrl)
  await page.getByRole('link', { name: 'Journal' }).click()
  await page.getByRole('list', { name: 'Journal entries' }).getByRole('button').first().click()
  const drift = page.getByRole('status').filter({ hasText: 'cited places' })
  await expect(drift).toContainText('Of the 4 cited places, 2 moved, 1 changed and 1 vanished since this session.')
  await shoot(drift, page, 'grounded-drift')
  const walkthrough = page.getByRole('region', { name: 'Walkthrough' })
  await expect(walkthrough.getByText('moved to src/http/routes.ts:4')).toBeVisible()
  await expect(walkthrough.getByText('moved to src/ledger/post.ts:4')).toBeVisible()
  await expect(walkthrough.getByText('changed, now line 6')).toBeVisible()
  await expect(walkthrough.getByText('vanished')).toBeVisible()
  await shoot(walkthrough, page, 'grounded-drift-citations')

  await walkthrough.getByRole('button', { name: 'src/http/router.ts:4-6' }).click()
  const viewer = page.getByRole('dialog', { name: /src\/http\/routes\.ts/ })
  await expect(viewer.locator('tr[aria-current="true"]')).toContainText('export const routes = {')
  await viewer.getByRole('button', { name: 'Close' }).click()
  // An inline citation in the walkthrough follows the same anchor: post.ts:5-7 is now at 6.
  await walkthrough.locator('.coach-markdown').getByRole('button', { name: 'src/ledger/post.ts:5' }).click()
  await expect(page.getByRole('dialog', { name: /src\/ledger\/post\.ts/ }).locator('tr[aria-current="true"]')).toContainText(
    'export function post(amount: number)',
  )
})
