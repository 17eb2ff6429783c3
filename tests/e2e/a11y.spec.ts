// Accessibility of every screen in browser mode: axe-core finds no serious or critical violation in
// light or dark, the main actions are reachable with Tab (after the skip link), and a screenshot of
// each screen in both themes lands in test-results/screenshots/a11y-<screen>-<theme>.png. One test per
// theme, each with its own backend, so the two run side by side.
import { rm } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { CONTENT_SECURITY_POLICY } from '../../electron/core/csp.ts'
import { buildRepo, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { callApi } from './support/backend-api.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

const SHOTS = 'test-results/screenshots'

let backend: BackendProcess
let home: string
let repo: RepoBuilder

test.describe.configure({ mode: 'parallel' })

test.beforeEach(async () => {
  home = await newHome()
  repo = await buildRepo()
  await repo.files({
    'README.md': '# Shop\n\nSells things.\n',
    'package.json': JSON.stringify({ name: 'shop', scripts: { test: 'node --test' } }, null, 2),
    'src/cart.ts':
      "import { price } from './price.ts'\n\nexport function total(items: number[]): number {\n  // TODO: round to cents\n  return items.reduce((sum, item) => sum + price(item), 0)\n}\n",
    'src/price.ts': 'export function price(cents: number): number {\n  return cents / 100\n}\n',
  })
  await repo.commit('Start the shop')
  backend = await startBackend(home)
})

test.afterEach(async () => {
  await backend?.stop()
  await repo?.cleanup()
  await rm(home, { recursive: true, force: true })
})

const api = <T>(name: string, input: unknown): Promise<T> => callApi<T>(backend, name, input)

async function screen(page: Page, link: string, heading: RegExp | string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

/** axe in the theme (no serious or critical violation), and a full-height screenshot. */
async function audit(page: Page, name: string, scheme: 'light' | 'dark'): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 820 }
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes
          .slice(0, 4)
          .map((node) => node.target.join(' '))
          .join('\n  ')}`,
    )
  expect(serious, `${name} in ${scheme}`).toEqual([])
  const height = await page.locator('.main').evaluate((main) => main.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.min(4000, Math.max(viewport.height, height)) })
  await page.screenshot({ path: `${SHOTS}/a11y-${name}-${scheme}.png` })
  await page.setViewportSize(viewport)
}

/** Tabs from the top of the page until `target` has focus; fails if it never does. */
async function reachByTab(page: Page, target: Locator, limit = 80): Promise<void> {
  const element = await target.elementHandle({ timeout: 10_000 })
  if (!element) throw new Error(`${String(target)} is not on the page.`)
  // Start from the top of the page: focus the body (runs in the page, hence the string).
  await page.evaluate('document.activeElement && document.activeElement.blur(); document.body.focus()')
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press('Tab')
    if (await element.evaluate((node) => node === node.ownerDocument.activeElement)) return
  }
  throw new Error(`Could not reach ${String(target)} with ${limit} presses of Tab.`)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen in ${scheme}: no serious axe violation, main actions reachable by keyboard, screenshots`, async ({ page }) => {
    test.setTimeout(180_000)
    await page.emulateMedia({ colorScheme: scheme })
    await everyScreen(page, scheme)
  })
}

async function everyScreen(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.goto(backend.pageUrl)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()

  // The page carries the same strict policy as electron/core/csp.ts (frame-ancestors only as a header).
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(meta).toBe(
    CONTENT_SECURITY_POLICY.split('; ')
      .filter((part) => !part.startsWith('frame-ancestors'))
      .join('; '),
  )

  // Today, first run: the skip link first, then the guide's first action.
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  const guide = page.getByRole('region', { name: 'Set up your weekly hour' })
  await audit(page, 'today-first-run', scheme)
  // The first action done with the keyboard alone: type the folder, Tab to Add, Enter.
  await reachByTab(page, guide.getByLabel('Folder'))
  await page.keyboard.type(repo.dir)
  await page.keyboard.press('Tab')
  await expect(guide.getByRole('button', { name: 'Add', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(guide.getByText('Offline tour ready')).toBeVisible()

  // Repositories with one repository.
  const [added] = await api<{ id: string; headCommit: string }[]>('repos.list', {})
  if (!added) throw new Error('The repository added by keyboard is not listed.')
  await screen(page, 'Repositories', 'Repositories')
  await expect(page.getByRole('list', { name: 'Repositories' }).getByRole('button').first()).toBeVisible()
  await reachByTab(page, page.locator('summary', { hasText: 'Add another repository' }))
  await reachByTab(page, page.getByRole('button', { name: 'Rescan' }))
  await reachByTab(page, page.getByRole('tab', { name: 'Small change' }))
  await audit(page, 'repositories', scheme)

  // A session: the steps of the hour.
  const { session } = await api<{ session: { id: string } }>('sessions.start', {
    repoId: added.id,
    commit: added.headCommit,
    offline: true,
  })
  await screen(page, 'Session', /Walk the codebase/)
  const steps = page.getByRole('navigation', { name: 'Steps of the hour' })
  await reachByTab(page, steps.getByRole('button', { name: /Explore/ }))
  await audit(page, 'session-explore', scheme)
  for (const [step, name] of [
    ['Diagram', 'session-diagram'],
    ['Small change', 'session-change'],
    ['Reflect', 'session-reflect'],
  ] as const) {
    await steps.getByRole('button', { name: new RegExp(step) }).click()
    await expect(steps.getByRole('button', { name: new RegExp(step) })).toHaveAttribute('aria-current', 'step')
    await audit(page, name, scheme)
  }

  // Finished: Today with a week behind it, the journal and its session, Insights, Settings.
  await api('sessions.updateStep', {
    id: session.id,
    step: 'reflect',
    payload: { markdown: 'Rounding lives in price.ts; ask why cents are numbers.' },
  })
  await api('sessions.finish', { id: session.id })
  await screen(page, 'Today', 'Today')
  await audit(page, 'today-with-a-week', scheme)
  await screen(page, 'Journal', 'Journal')
  const entry = page.getByRole('list', { name: 'Journal entries' }).getByRole('button').first()
  await reachByTab(page, entry)
  await audit(page, 'journal-list', scheme)
  await entry.click()
  await expect(page.getByText('Rounding lives in price.ts').first()).toBeVisible()
  await audit(page, 'journal-session', scheme)
  await screen(page, 'Insights', 'Insights')
  await audit(page, 'insights', scheme)
  await screen(page, 'Settings', 'Settings')
  await reachByTab(page, page.getByRole('button', { name: 'Save key' }))
  await audit(page, 'settings', scheme)
}
