// A journal entry printed as the leader keeps it (Chromium's PDF, as Electron's printToPDF makes it),
// A4 and Letter, read back with poppler: an offline hour's entry with the repository's module map as
// its diagram, the tour as its walkthrough, and a change whose diff has a long line. The diff's code
// gets the page's width (its line numbers do not), and the module map fits its own page. And Claude's
// citation that the session marked "(unverified)" keeps the mark on paper.
import { mkdir, rm } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { journalFileName } from '../../electron/services/journal/journal-file-name.ts'
import { writeSessionFiles } from '../../electron/services/journal/journal-folder.ts'
import type { RepoTour } from '../../shared/models/repos.ts'
import { buildRepo, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { buildSessionRecord } from '../unit/electron/services/journal/fixtures/build-session-record.ts'
import { callApi } from './support/backend-api.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'
import { readPdfPages, type PdfPageWords } from './support/pdf-pages.ts'

const SHOTS = 'test-results/screenshots'
const LONG_LINE =
  '  if (amount < 0) throw new RangeError(`The amount ${amount} is negative; refunds go through refundPayment(), which records the reason and the approver`)'

const CAPTION = 'Folders of Payments and their imports'

let backend: BackendProcess
let home: string
let repo: RepoBuilder

/** A service of a dozen modules importing one another, the shape a module map is drawn from. */
async function service(): Promise<void> {
  const modules = ['http', 'billing', 'ledger', 'refunds', 'accounts', 'auth', 'audit', 'notify', 'reports', 'config', 'db', 'util']
  const files: Record<string, string> = {
    'package.json': '{ "name": "payments", "main": "src/http/server.ts" }\n',
    'README.md': '# Payments\n',
  }
  modules.forEach((name, index) => {
    const uses = modules.filter((_, other) => other > index && (other - index) % 3 === 1).slice(0, 3)
    files[`src/${name}/index.ts`] = [
      ...uses.map((used) => `import { ${used} } from '../${used}/index.ts'`),
      `export function ${name}(amount: number): number {`,
      ...uses.map((used) => `  amount = ${used}(amount)`),
      '  return amount',
      '}',
      '',
    ].join('\n')
  })
  files['src/http/server.ts'] = "import { http } from './index.ts'\nhttp(1)\n"
  await repo.files(files)
  await repo.commit('Start the payments service')
}

test.beforeAll(async () => {
  home = await newHome()
  repo = await buildRepo()
  await service()
  backend = await startBackend(home)
})

test.afterAll(async () => {
  await backend.stop()
  await repo.cleanup()
  await rm(home, { recursive: true, force: true })
})

/** The words of a page, in reading order, as one string. */
const pageText = (page: PdfPageWords): string => page.words.map((word) => word.text).join(' ')

test('an offline hour’s entry prints readably on A4 and Letter: the diff’s code spans the page, the module map fits one page', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const added = await callApi<{ id: string; headCommit: string }>(backend, 'repos.add', { path: repo.dir })
  const tour = await callApi<RepoTour>(backend, 'repos.tour', { id: added.id })
  expect(tour.mermaid).toContain('billing')
  await repo.write('src/ledger/index.ts', `export function ledger(amount: number): number {\n${LONG_LINE}\n  return amount\n}\n`)
  const diff = await repo.git(['diff'])
  const record = buildSessionRecord({
    offline: true,
    repository: { id: added.id, name: 'Payments', path: repo.dir, commit: added.headCommit },
    theme: { id: 'walk-the-codebase', title: 'Walk the codebase' },
    walkthrough: { source: 'offline', markdown: tour.markdown, citations: [] },
    diagram: { mermaid: tour.mermaid, caption: CAPTION },
    change: { ...buildSessionRecord().change!, diff, explanation: '' },
  })
  const folder = `${home}/journal`
  await mkdir(folder, { recursive: true })
  await writeSessionFiles(folder, journalFileName(record, new Set()), record)

  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Journal' }).click()
  await page.getByRole('button', { name: /Walk the codebase/ }).click()
  await expect(page.getByRole('region', { name: 'Architecture' }).locator('figure.diagram svg')).toBeVisible()
  await expect(page.getByRole('region', { name: 'The change' })).toContainText('refundPayment')

  // On screen, at the narrowest and a wide window: the long line scrolls inside the diff, the page itself never sideways.
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 })
    await page.getByRole('region', { name: 'The change' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/journal-entry-change-${width}.png` })
    const main = page.locator('#main')
    expect(await main.evaluate((element) => element.scrollWidth - element.clientWidth), `${width} px: no sideways scroll`).toBe(0)
  }

  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, preferCSSPageSize: false })
    const pages = await readPdfPages(pdf, { folder: SHOTS, prefix: `journal-print-${format.toLowerCase()}` })
    const texts = pages.map(pageText)

    // The diff: the long line's words span most of the text width, so it wraps once or twice, not every few words.
    const changeAt = texts.findIndex((text) => text.includes('refundPayment()'))
    expect(changeAt, `${format}: the change is printed`).toBeGreaterThanOrEqual(0)
    const change = pages[changeAt]!
    const first = change.words.find((word) => word.text === 'RangeError(`The')!
    const last = change.words.find((word) => word.text === 'approver`)')!
    const words = change.words.filter((word) => word.yMin >= first.yMin && word.yMax <= last.yMax)
    const lines = new Set(words.map((word) => Math.round(word.yMin)))
    expect(lines.size, `${format}: the long line takes at most 3 printed lines`).toBeLessThanOrEqual(3)
    const codeFrom = Math.min(...words.map((word) => word.xMin))
    const codeTo = Math.max(...words.map((word) => word.xMax))
    expect((codeTo - codeFrom) / change.width, `${format}: the code spans most of the page`).toBeGreaterThan(0.6)

    // The module map: the Architecture part on one page of its own, drawn across the page's width.
    const mapAt = texts.findIndex((text) => text.includes(CAPTION))
    expect(texts[mapAt], `${format}: the map is under its heading`).toContain('Architecture')
    expect(texts[mapAt + 1], `${format}: the change starts on the next page`).toContain('The change')
    const labels = pages[mapAt]!.words.filter((word) => /^src\/[a-z]+\/$/.test(word.text))
    expect(labels.length, `${format}: the map's folders are printed as text (${texts[mapAt]})`).toBeGreaterThanOrEqual(8)
    const mapFrom = Math.min(...labels.map((word) => word.xMin))
    const mapTo = Math.max(...labels.map((word) => word.xMax))
    expect((mapTo - mapFrom) / pages[mapAt]!.width, `${format}: the map spans most of the page`).toBeGreaterThan(0.6)
    for (const [index, words] of pages.entries()) {
      // Every page carries more than its running heading and page number.
      expect(words.words.length, `${format}: page ${index + 1} is not almost blank`).toBeGreaterThan(12)
    }
  }
})

test('a citation the session showed as "(unverified)" is printed so', async ({ page }) => {
  const record = buildSessionRecord({
    id: 'session-unverified',
    theme: { id: 'request-end-to-end', title: 'Follow one request end to end' },
    walkthrough: {
      source: 'ai',
      markdown: 'Requests enter at src/http/router.ts:12 and are checked in src/ledger/rules.ts:90 before posting.',
      citations: [
        { path: 'src/http/router.ts', line: 12 },
        { path: 'src/ledger/rules.ts', line: 90, mark: 'unverified' },
      ],
    },
  })
  const folder = `${home}/journal`
  await mkdir(folder, { recursive: true })
  await writeSessionFiles(folder, journalFileName(record, new Set()), record)
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Journal' }).click()
  await page.getByRole('button', { name: /Follow one request end to end/ }).click()
  await expect(page.getByRole('region', { name: 'Walkthrough' })).toContainText('src/ledger/rules.ts:90 (unverified)')
  const pages = await readPdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: false }))
  const text = pages.map(pageText).join(' ')
  expect(text).toContain('src/ledger/rules.ts:90 (unverified)')
  expect(text).not.toContain('src/http/router.ts:12 (unverified)')
})
