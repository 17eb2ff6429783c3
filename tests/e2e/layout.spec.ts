// The layout holds on a small laptop screen (1024×700) with long repository and branch names: every
// screen, each step of the hour, the journal and Insights, screenshotted at that size and checked for
// sideways scrolling, anything sticking out of the page column, and controls or headings that overlap.
import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test, type Page } from '@playwright/test'
import { buildPaymentsRepo } from '../fixtures/payments-repo.ts'
import { makeTempFolder, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { callApi } from './support/backend-api.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

const SHOTS = 'test-results/screenshots'
const LONG_NAME = 'payments-settlement-and-reconciliation-service-for-emea-and-apac-merchants'
const LONG_BRANCH = 'feature/FIN-20417-make-the-nightly-settlement-report-readable-for-the-finance-operations-team'

let backend: BackendProcess
let home: string
let source: RepoBuilder
let parent: string

test.beforeAll(async () => {
  home = await newHome()
  source = await buildPaymentsRepo()
  parent = await makeTempFolder()
  await mkdir(parent, { recursive: true })
  const git = promisify(execFile)
  await git('git', ['clone', '-q', source.dir, join(parent, LONG_NAME)])
  await git('git', ['checkout', '-q', '-b', LONG_BRANCH], { cwd: join(parent, LONG_NAME) })
  backend = await startBackend(home)
})

test.afterAll(async () => {
  await backend?.stop()
  await source?.cleanup()
  await rm(parent, { recursive: true, force: true })
  await rm(home, { recursive: true, force: true })
})

test.use({ viewport: { width: 1024, height: 700 } })

const api = <T>(name: string, input: unknown): Promise<T> => callApi<T>(backend, name, input)

/**
 * What is wrong with the layout as shown: the page or its column scrolling sideways, an element
 * reaching past the column (outside a box that scrolls on purpose), and controls, headings or labels
 * overlapping each other. Runs in the page (hence the string).
 */
const LAYOUT_PROBLEMS = `(() => {
  const problems = []
  const main = document.querySelector('.main')
  const column = main.getBoundingClientRect()
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('the page scrolls sideways (' + document.documentElement.scrollWidth + 'px)')
  if (main.scrollWidth > main.clientWidth + 1) problems.push('the page column scrolls sideways (' + main.scrollWidth + ' > ' + main.clientWidth + ')')
  const scrolls = (el) => { for (let node = el.parentElement; node && node !== main; node = node.parentElement) { const x = getComputedStyle(node).overflowX; if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true } return false }
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('svg, .visually-hidden, details:not([open]) > :not(summary)') }
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"'
  for (const el of main.querySelectorAll('*')) {
    if (!shown(el) || scrolls(el)) continue
    const r = el.getBoundingClientRect()
    if (r.right > column.right - main.offsetWidth + main.clientWidth + 1 || r.left < column.left - 1) problems.push('sticks out of the column: ' + name(el) + ' (' + Math.round(r.left) + '–' + Math.round(r.right) + ')')
  }
  const boxes = [...main.querySelectorAll('button, a, input, select, textarea, label, h1, h2, h3, .pill, .repo-card__name, .repo-card__commit, .session-header__eyebrow, .clock')].filter((el) => shown(el) && !scrolls(el))
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j]
    if (a.contains(b) || b.contains(a)) continue
    const p = a.getBoundingClientRect(), q = b.getBoundingClientRect()
    const x = Math.min(p.right, q.right) - Math.max(p.left, q.left), y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top)
    if (x > 2 && y > 2) problems.push('overlap: ' + name(a) + ' and ' + name(b))
  }
  return [...new Set(problems)].slice(0, 12)
})()`

/** The screen as shown at its width (1024×700 unless said), with no layout problem anywhere on it. */
async function check(page: Page, name: string, width = 1024): Promise<void> {
  await page.locator('.main').evaluate((main) => main.scrollTo({ top: 0 }))
  await page.screenshot({ path: `${SHOTS}/layout-${width}-${name}.png` })
  const problems = (await page.evaluate(LAYOUT_PROBLEMS)) as string[]
  expect(problems, `${name} at ${width} px`).toEqual([])
}

async function screen(page: Page, link: string, heading: RegExp | string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

test('the layout check finds what it looks for: sideways scrolling, a sticking-out element, overlapping controls', async ({ page }) => {
  await page.setContent(
    `<main class="main" style="width:600px;overflow:auto"><div style="width:900px">too wide</div><button style="position:absolute;left:10px;top:40px;width:120px">One</button><button style="position:absolute;left:60px;top:45px;width:120px">Two</button></main>`,
  )
  const problems = (await page.evaluate(LAYOUT_PROBLEMS)) as string[]
  expect(problems.some((problem) => problem.startsWith('the page column scrolls sideways'))).toBe(true)
  expect(problems.some((problem) => problem.startsWith('sticks out of the column: div'))).toBe(true)
  expect(problems).toContain('overlap: button "One" and button "Two"')
})

test('every screen holds at 1024×700 with long repository and branch names', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto(backend.pageUrl)
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
  await check(page, 'today-first-run')

  const guide = page.getByRole('region', { name: 'Set up your weekly hour' })
  await guide.getByLabel('Folder').fill(join(parent, LONG_NAME))
  await guide.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(guide.getByText('Offline tour ready')).toBeVisible()
  await check(page, 'today-with-a-repository')

  await screen(page, 'Repositories', 'Repositories')
  await expect(page.getByRole('list', { name: 'Repositories' })).toContainText(LONG_BRANCH)
  await check(page, 'repositories')
  await page.getByRole('tab', { name: 'Module diagram' }).click()
  await expect(page.locator('.module-map svg')).toBeVisible()
  await check(page, 'repositories-diagram')

  const [repo] = await api<{ id: string; headCommit: string }[]>('repos.list', {})
  const { session } = await api<{ session: { id: string } }>('sessions.start', {
    repoId: repo!.id,
    commit: repo!.headCommit,
    offline: true,
  })
  await screen(page, 'Session', /Walk the codebase/)
  await expect(page.getByText('Kept with the session for the journal: the offline tour.')).toBeVisible()
  await check(page, 'session-explore')
  const steps = page.getByRole('navigation', { name: 'Steps of the hour' })
  await steps.getByRole('button', { name: /Diagram/ }).click()
  await expect(page.locator('.module-map svg').first()).toBeVisible()
  await check(page, 'session-diagram')
  // The leader's estimate from the page; the change made by hand and committed by the change service,
  // which records it in the session (its branch named after the long request).
  await api('sessions.updateStep', { id: session.id, step: 'change', payload: { estimateMinutes: 20 } })
  const draft = await api<{ draftId: string }>('change.start', {
    repoId: repo!.id,
    sessionId: session.id,
    request: 'Say which amount was charged in the log line of the nightly settlement report for the finance operations team',
    estimateMinutes: 20,
    mode: 'manual',
  })
  await writeFile(
    join(parent, LONG_NAME, 'src/billing/charge.ts'),
    "import { log } from '../util/log.ts'\nexport function charge(amount: number) { log(`charge ${amount} to the merchant settlement account of the EMEA region`); return amount }\n",
  )
  await api('change.apply', { draftId: draft.draftId, acceptedPaths: ['src/billing/charge.ts'], message: 'Say which amount was charged' })
  await steps.getByRole('button', { name: /Small change/ }).click()
  await expect(page.getByLabel('Your estimate (minutes)')).toHaveValue('20')
  await check(page, 'session-change')
  await steps.getByRole('button', { name: /Reflect/ }).click()
  await expect(page.getByLabel('Reflection (Markdown)')).toBeVisible()
  await check(page, 'session-reflect')
  await page.getByRole('tab', { name: 'Side by side' }).click()
  await check(page, 'session-reflect-side-by-side')

  await api('sessions.updateStep', {
    id: session.id,
    step: 'reflect',
    payload: { markdown: '### What surprised me\n\nSettlement runs by hand every night.', frictionTags: ['slow-tests', 'deploy-pain'] },
  })
  await api('sessions.finish', { id: session.id })
  await screen(page, 'Today', 'Today')
  await check(page, 'today-week-done')
  await screen(page, 'Journal', 'Journal')
  await check(page, 'journal')
  await page.getByRole('list', { name: 'Journal entries' }).getByRole('button').first().click()
  await expect(page.getByText('Settlement runs by hand every night.')).toBeVisible()
  await check(page, 'journal-session')
  await screen(page, 'Insights', 'Insights')
  await check(page, 'insights')
  await screen(page, 'Settings', 'Settings')
  await check(page, 'settings')
})

test('the small change’s review holds at 1024, 1280 and 1440 px with one long changed line, light and dark', async ({ page }) => {
  test.setTimeout(120_000)
  const folder = join(parent, 'long-line')
  await promisify(execFile)('git', ['clone', '-q', source.dir, folder])
  await api('repos.add', { path: folder })
  await page.goto(backend.pageUrl)
  await screen(page, 'Repositories', 'Repositories')
  await page
    .getByRole('list', { name: 'Repositories' })
    .getByRole('button', { name: /long-line/ })
    .click()
  await page.getByRole('tab', { name: 'Small change' }).click()
  await page.getByLabel('What should change?').fill('Log every field of the charge in one line')
  await page.getByLabel('Your estimate (minutes)').fill('15')
  await page.getByLabel(/I’ll edit it myself/).check()
  await page.getByRole('button', { name: 'Start watching my edits' }).click()
  const fields = Array.from({ length: 40 }, (_, i) => `field${i}: charge.field${i}`).join(', ')
  await writeFile(
    join(folder, 'src/billing/charge.ts'),
    `import { log } from '../util/log.ts'\nexport function charge(amount: number) { log(JSON.stringify({ amount, ${fields} })); return amount }\n`,
  )
  await expect(page.getByRole('region', { name: /Changes to src\/billing\/charge\.ts/ })).toBeVisible()
  for (const width of [1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 800 })
    await check(page, 'change-review', width)
    if (width !== 1280) await screenshots(page, `change-review-${width}`)
  }
})

/** Light and dark, as tall as the screen's content (the shell scrolls inside .main, not the page). */
async function screenshots(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 }
  const height = await page.locator('.main').evaluate((main) => main.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.min(4000, Math.max(viewport.height, height)) })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png` })
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize(viewport)
}
