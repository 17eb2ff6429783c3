// The journal and insights in real Chromium: session files written into the journal folder with the
// journal's own writer (realistic files), then the list, filters, highlighted search, a session with
// its diagram, coloured diff and drift against a real repository, the reflection edit landing in
// the .md file, exports, the share summary, insights, and a malformed file reported, not deleted.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { journalFileName } from '../../electron/services/journal/journal-file-name.ts'
import { writeSessionFiles } from '../../electron/services/journal/journal-folder.ts'
import type { JournalSessionRecord } from '../../shared/models/journal.ts'
import { buildRepo, makeTempFolder, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { buildSessionRecord } from '../unit/electron/services/journal/fixtures/build-session-record.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

test.describe.configure({ mode: 'serial' })

let backend: BackendProcess
let home: string
let repo: RepoBuilder
let exportFolder: string
const fileNames = new Map<string, string>()
const BROKEN = '2026-01-05-week-01-broken.md'

function daysAgo(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

function session(id: string, days: number, overrides: Partial<JournalSessionRecord>): JournalSessionRecord {
  const date = daysAgo(days)
  return buildSessionRecord({ id, date, startedAt: `${date}T09:00:00Z`, finishedAt: `${date}T10:00:00Z`, ...overrides })
}

async function seedJournal(folder: string, sessionCommit: string): Promise<void> {
  await mkdir(folder, { recursive: true })
  const payments = { id: 'repo-payments', name: 'Payments API', path: repo.dir, commit: sessionCommit }
  const records = [
    session('s-recent', 3, { repository: payments }),
    session('s-web', 10, {
      theme: { id: 'tests-and-ci', title: 'The tests and CI' },
      repository: { id: 'repo-web', name: 'Web Shop', path: '/nowhere/web-shop', commit: 'a'.repeat(40) },
      frictionTags: ['flaky-ci'],
      effort: { estimateMinutes: 20, actualMinutes: 25 },
      walkthrough: {
        markdown: 'Checkout waits on a Kubernetes rollout before every deploy.',
        citations: [{ path: 'deploy/rollout.yaml' }],
      },
      reflection: 'Flaky checkout test blocks merges twice a week.',
      questions: [{ id: 'q-web', text: 'Who owns the checkout test?', status: 'open' }],
    }),
    session('s-search', 40, {
      theme: { id: 'data-model', title: 'The data model' },
      repository: { id: 'repo-search', name: 'Search Service', path: '/nowhere/search', commit: 'b'.repeat(40) },
      frictionTags: ['setup-pain'],
      effort: { estimateMinutes: 30, actualMinutes: 30 },
      reflection: 'Setting up the index locally took half the hour.',
    }),
    session('s-quarter', 94, {
      repository: payments,
      theme: { id: 'walk-the-codebase', title: 'Walk the codebase' },
      effort: { estimateMinutes: 10, actualMinutes: 35 },
    }),
  ]
  const taken = new Set<string>()
  for (const record of records) {
    const fileName = journalFileName(record, taken)
    taken.add(fileName)
    fileNames.set(record.id, fileName)
    await writeSessionFiles(folder, fileName, record)
  }
  await writeFile(join(folder, BROKEN), 'Just some notes, no front matter here.\n')
}

test.beforeAll(async () => {
  home = await newHome()
  repo = await buildRepo()
  const ledger = [
    '// Posts a payment to the ledger.',
    '',
    'import { routes } from "../http/router.ts"',
    '',
    'export const entries: number[] = []',
    '',
    'export function post(amount: number) {',
    '  entries.push(amount)',
    '}',
    '',
  ]
  await repo.files({
    'src/http/router.ts': 'export const routes = []\n',
    'src/ledger/post.ts': ledger.join('\n'),
    'README.md': '# Payments\n',
  })
  const first = await repo.commit('Start the payments service')
  await repo.write('src/http/router.ts', 'export const routes = ["/refund"]\n')
  await repo.commit('Add refunds')
  await seedJournal(join(home, 'journal'), first)
  exportFolder = await makeTempFolder()
  backend = await startBackend(home)
})

test.afterAll(async () => {
  await backend.stop()
  await repo.cleanup()
  await rm(home, { recursive: true, force: true })
  await rm(exportFolder, { recursive: true, force: true })
})

async function openJournal(page: Page): Promise<void> {
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Journal' }).click()
  await expect(page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem')).toHaveCount(4)
}

test('lists sessions newest first, filters them, and reports a malformed file without touching it', async ({ page }) => {
  await openJournal(page)
  const entries = page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem')
  await expect(entries.nth(0)).toContainText('Follow one request end to end')
  await expect(entries.nth(1)).toContainText('The tests and CI')
  await expect(entries.nth(3)).toContainText('Walk the codebase')

  const problems = page.getByRole('region', { name: 'Journal problems' })
  await expect(problems).toContainText('1 file in the journal folder could not be read')
  await problems.getByText('could not be read').click()
  await expect(problems).toContainText(BROKEN)
  expect(await readFile(join(home, 'journal', BROKEN), 'utf8')).toBe('Just some notes, no front matter here.\n')

  await page.getByLabel('Repository').selectOption({ label: 'Web Shop (1)' })
  await expect(entries).toHaveCount(1)
  await expect(entries.first()).toContainText('Web Shop')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.getByLabel('Friction').selectOption('slow-tests')
  await expect(entries).toHaveCount(2)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(entries).toHaveCount(4)
})

test('searches the full text and highlights the match', async ({ page }) => {
  await openJournal(page)
  await page.getByLabel('Search', { exact: true }).fill('kubernetes')
  const results = page.getByRole('list', { name: 'Matching sessions' }).getByRole('listitem')
  await expect(results).toHaveCount(1)
  await expect(results.first()).toContainText('Web Shop')
  await expect(results.first().locator('mark').first()).toHaveText(/kubernetes/i)
})

test('opens a session with its diagram, coloured diff and drift, and saves an edited reflection to its file', async ({ page }) => {
  await openJournal(page)
  await page.getByRole('list', { name: 'Journal entries' }).getByRole('button').first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Follow one request end to end' })).toBeVisible()
  await expect(page.locator('figure.diagram svg')).toBeVisible()
  await expect(page.locator('figure.diagram svg')).toContainText('ledger')
  const added = page.locator('.diff__line--add').first()
  await expect(added).toContainText('if (amount < 0)')
  await expect(added).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
  await expect(page.locator('.diff__line--ctx').first()).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
  // router.ts:12-40 was never in that one-line file: it cannot be followed; the other two stayed put.
  await expect(page.getByText('The 2 cited places that could be checked are where they were. 1 could not be checked.')).toBeVisible()
  await expect(page.getByLabel('Test output')).toContainText('Tests: 212 passed')
  await expect(page.getByText('A quarter ago in this repository:')).toBeVisible()

  await page.getByRole('button', { name: 'Edit reflection' }).click()
  await page.getByLabel(/Your reflection/).fill('The 41-second test run is the first thing I would fix.')
  await page.getByRole('button', { name: 'Save reflection' }).click()
  await expect(page.getByText(/^Saved to .* at /)).toBeVisible()
  const text = await readFile(join(home, 'journal', fileNames.get('s-recent') ?? ''), 'utf8')
  expect(text).toContain('The 41-second test run is the first thing I would fix.')
  expect(text).not.toContain('No staging environment.')

  await page.getByLabel('Export folder').fill(join(exportFolder, 'one'))
  await page.getByRole('button', { name: 'Export Markdown' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 files' })).toContainText(join(exportFolder, 'one'))
  expect((await readdir(join(exportFolder, 'one'))).sort()).toEqual([fileNames.get('s-recent'), 'index.md'].sort())
  expect(await readFile(join(exportFolder, 'one', fileNames.get('s-recent') ?? ''), 'utf8')).toContain('first thing I would fix')

  await page.getByRole('button', { name: /Walk the codebase/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Walk the codebase' })).toBeVisible()
  // The side bar's Journal item returns from an entry to the list.
  await page.getByRole('link', { name: 'Journal' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Journal' })).toBeFocused()
})

test('a citation opens the read-only file viewer at its line once the repository is listed, and is plain text when it is gone', async ({
  page,
}) => {
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Repositories' }).click()
  await page.getByLabel('Folder').fill(repo.dir)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Repositories' }).getByRole('button')).toContainText('Add refunds')

  await page.getByRole('link', { name: 'Journal' }).click()
  await page.getByRole('list', { name: 'Journal entries' }).getByRole('button').first().click()
  const walkthrough = page.getByRole('region', { name: 'Walkthrough' })
  await walkthrough.getByRole('button', { name: 'src/ledger/post.ts:7' }).click()
  const viewer = page.getByRole('dialog', { name: /src\/ledger\/post\.ts/ })
  await expect(viewer).toContainText('line 7')
  const target = viewer.locator('tr[aria-current="true"]')
  await expect(target).toHaveCount(1)
  await expect(target).toHaveClass(/file-viewer__line--target/)
  await expect(target.locator('.file-viewer__number')).toHaveText('7')
  await expect(target).toContainText('export function post(amount: number)')
  await expect(target).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: `test-results/screenshots/journal-citation-${colorScheme}.png` })
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await viewer.getByRole('button', { name: 'Close' }).click()
  await expect(viewer).toHaveCount(0)

  await page.getByRole('button', { name: '← All sessions' }).click()
  await page
    .getByRole('list', { name: 'Journal entries' })
    .getByRole('button', { name: /The tests and CI/ })
    .click()
  const gone = page.getByRole('region', { name: 'Walkthrough' })
  await expect(gone.getByRole('note')).toContainText('The repository is not in your list (it was at /nowhere/web-shop)')
  await expect(gone.getByText('deploy/rollout.yaml')).toBeVisible()
  await expect(gone.getByRole('button')).toHaveCount(0)
})

test('exports the sessions listed (a date range) as Markdown files', async ({ page }) => {
  await openJournal(page)
  await page.getByLabel('From').fill(daysAgo(50))
  await expect(page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem')).toHaveCount(3)
  await page.getByLabel('Export folder').fill(join(exportFolder, 'range'))
  await page.getByRole('button', { name: 'Export Markdown' }).click()
  await expect(page.getByText('Exported 4 files')).toBeVisible()
  const files = await readdir(join(exportFolder, 'range'))
  expect(files.sort()).toEqual([fileNames.get('s-recent'), fileNames.get('s-web'), fileNames.get('s-search'), 'index.md'].sort())
})

test('the share summary leaves reflections out unless included, and exports as Markdown', async ({ page }) => {
  await openJournal(page)
  await page.getByRole('button', { name: 'Share with tech leads' }).click()
  const preview = page.getByRole('article', { name: 'Summary preview' })
  await expect(preview).toContainText('Friction themes')
  await expect(preview).toContainText('Who owns the checkout test?')
  await expect(preview).toContainText('reflections left out')
  await expect(preview).not.toContainText('Flaky checkout test blocks merges')
  await page.getByLabel('Include my reflections').check()
  await expect(preview).toContainText('Flaky checkout test blocks merges')
  await page.getByLabel('Include my reflections').uncheck()
  await expect(preview).not.toContainText('Flaky checkout test blocks merges')

  await page.getByLabel('Export folder').fill(join(exportFolder, 'share'))
  await page.getByRole('button', { name: 'Export Markdown file' }).click()
  await expect(page.getByText('Exported 1 file')).toBeVisible()
  const [file] = await readdir(join(exportFolder, 'share'))
  const text = await readFile(join(exportFolder, 'share', file ?? ''), 'utf8')
  expect(text).toContain('## Open questions for tech leads')
  expect(text).not.toContain('Flaky checkout test blocks merges')
})

test('insights draw their charts with a summary beside each', async ({ page }) => {
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Insights' }).click()
  await expect(page.getByRole('img', { name: /Weeks practised in/ })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Estimate against actual minutes per change' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Friction tags per month' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Friction tags per repository' })).toBeVisible()
  await expect(page.getByRole('img', { name: /Questions for tech leads/ })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Average minutes per step against the timebox' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Effort calibration' })).toContainText('Changes took')
  await expect(page.getByRole('region', { name: 'Questions for tech leads' })).toContainText(/open and \d+ answered/)
  await expect(page.getByRole('region', { name: 'Time per step' })).toContainText('On average:')
  await expect(page.locator('circle.chart__point')).not.toHaveCount(0)
})

test('an empty journal guides to the first hour, and so do insights', async ({ page }) => {
  const emptyHome = await newHome()
  const empty = await startBackend(emptyHome)
  try {
    await page.goto(empty.pageUrl)
    await page.getByRole('link', { name: 'Journal' }).click()
    await expect(page.getByRole('heading', { name: 'No sessions yet' })).toBeVisible()
    await page.getByRole('link', { name: 'Insights' }).click()
    await expect(page.getByRole('heading', { name: 'Insights start with your first hour' })).toBeVisible()
  } finally {
    await empty.stop()
    await rm(emptyHome, { recursive: true, force: true })
  }
})

test('insights after one session say what that hour showed, and never invite to an hour already done', async ({ page }) => {
  const oneHome = await newHome()
  const date = daysAgo(0)
  const record = session('s-first', 0, {
    theme: { id: 'walk-the-codebase', title: 'Walk the codebase' },
    stepMinutes: { explore: 14, diagram: 9, change: 37, reflect: 8 },
    effort: { estimateMinutes: 20, actualMinutes: 37 },
    frictionTags: ['slow-tests', 'no-staging-env'],
    questions: [{ id: 'q-first', text: 'Why does the nightly settlement run by hand?', status: 'open' }],
    startedAt: `${date}T09:00:00Z`,
  })
  await mkdir(join(oneHome, 'journal'), { recursive: true })
  await writeSessionFiles(join(oneHome, 'journal'), journalFileName(record, new Set()), record)
  const one = await startBackend(oneHome)
  try {
    await page.goto(one.pageUrl)
    await page.getByRole('link', { name: 'Insights' }).click()
    const latest = page.getByRole('region', { name: 'What your first hour showed' })
    await expect(latest).toContainText('The hour took 68 of its 60 minutes; the small change ran 12 min over its 25-minute timebox.')
    await expect(latest).toContainText('The small change took 37 min against your 20 min estimate: 1.9× your estimate.')
    await expect(latest).toContainText('Friction you tagged: slow-tests, no-staging-env.')
    await expect(page.getByText('Trends start with your second hour')).toBeVisible()
    await expect(page.getByRole('button', { name: /this week’s hour/ })).toHaveCount(0)
    await fullShot(page, 'test-results/screenshots/insights-after-one-session.png')
  } finally {
    await one.stop()
    await rm(oneHome, { recursive: true, force: true })
  }
})

test('screenshots of the journal, a session, the summary and insights in light and dark', async ({ browser }) => {
  await screenshots(browser)
})

/** The page scrolls inside .main, so a full-page shot grows the viewport to the content first. */
async function fullShot(page: Page, path: string): Promise<void> {
  const height = await page.locator('.main').evaluate((node) => node.scrollHeight)
  await page.setViewportSize({ width: 1280, height: Math.min(4000, Math.max(900, height)) })
  await page.screenshot({ path })
  await page.setViewportSize({ width: 1280, height: 900 })
}

async function screenshots(browser: Browser): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await openJournal(page)
    await page.screenshot({ path: `test-results/screenshots/journal-${colorScheme}.png` })
    await page.getByLabel('Search', { exact: true }).fill('ledger')
    await expect(page.locator('mark').first()).toBeVisible()
    await page.screenshot({ path: `test-results/screenshots/journal-search-${colorScheme}.png` })
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await page.getByRole('list', { name: 'Journal entries' }).getByRole('button').first().click()
    await expect(page.locator('figure.diagram svg')).toBeVisible()
    await expect(page.getByText(/cited places? /)).toBeVisible()
    await fullShot(page, `test-results/screenshots/journal-session-${colorScheme}.png`)
    await page.getByRole('button', { name: '← All sessions' }).click()
    await page.getByRole('button', { name: 'Share with tech leads' }).click()
    await expect(page.getByRole('article', { name: 'Summary preview' })).toBeVisible()
    await fullShot(page, `test-results/screenshots/journal-summary-${colorScheme}.png`)
    await page.getByRole('button', { name: '← All sessions' }).click()
    await page.getByRole('button', { name: 'Quarter roll-up' }).click()
    await expect(page.locator('.rollup-summary')).toBeVisible()
    await fullShot(page, `test-results/screenshots/journal-rollup-${colorScheme}.png`)
    await page.getByRole('link', { name: 'Insights' }).click()
    await expect(page.getByRole('img', { name: /Weeks practised in/ })).toBeVisible()
    await fullShot(page, `test-results/screenshots/insights-${colorScheme}.png`)
    await context.close()
  }
}
