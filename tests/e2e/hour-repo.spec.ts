// Choosing the hour's repository, in real Chromium against the real browser-mode backend: with four
// team repositories added, Today names the one this week's hour goes into (none visited yet: the first
// added), the leader picks another, and the hour opens in that one. Once the week is done, an extra
// hour is offered in the next repository of the rotation. Saves screenshots of Today's choice.
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { SessionView } from '../../shared/models/sessions.ts'
import { makeTempFolder, RepoBuilder } from '../fixtures/repo-builder.ts'
import { callApi } from './support/backend-api.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

const SHOTS = 'test-results/screenshots'
const TEAMS = ['payments-api', 'search-service', 'mobile-app', 'billing'] as const

let backend: BackendProcess
let home: string
let parent: string

test.beforeEach(async () => {
  home = await newHome()
  backend = await startBackend(home)
  parent = await makeTempFolder()
  await mkdir(SHOTS, { recursive: true })
})

test.afterEach(async ({ page }) => {
  await page.close()
  await backend.stop()
  await rm(home, { recursive: true, force: true })
  await rm(parent, { recursive: true, force: true })
})

test('Today names the hour’s repository among four, lets the leader pick another, and offers an extra hour', async ({ page }) => {
  test.setTimeout(120_000)
  const ids: Record<string, string> = {}
  for (const team of TEAMS) {
    const repo = new RepoBuilder(join(parent, team))
    await mkdir(repo.dir)
    await repo.git(['init', '-q', '-b', 'main'])
    await repo.files({ 'README.md': `# ${team}\n`, 'src/index.js': 'export const ok = true\n' })
    await repo.commit('Start')
    ids[team] = (await callApi<{ id: string }>(backend, 'repos.add', { path: repo.dir })).id
  }
  await page.goto(backend.pageUrl)
  const picker = page.getByLabel('This hour goes into')
  await expect(picker).toHaveValue(ids['payments-api']!)
  await expect(picker.locator('option')).toHaveText(TEAMS.map((team) => `${team} — not visited yet`))
  await expect(page.getByText('Not visited yet; the hours rotate between your teams.')).toBeVisible()
  await picker.selectOption({ label: 'mobile-app — not visited yet' })
  await expect(page.getByText('Your pick for this hour.')).toBeVisible()
  await picker.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/today-hour-repo-choice.png` })

  await page.getByRole('button', { name: 'Start this week’s hour' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Walk the codebase' })).toBeVisible()
  const today = await callApi<{ activeSession: { id: string } | null }>(backend, 'sessions.today', {})
  const started = await callApi<SessionView>(backend, 'sessions.get', { id: today.activeSession!.id })
  expect(started.session.repo).toMatchObject({ id: ids['mobile-app'], name: 'mobile-app' })

  // The week done (every step visited), Today offers an extra hour where the rotation goes next.
  for (const step of ['diagram', 'change', 'reflect'] as const)
    await callApi(backend, 'sessions.goToStep', { id: started.session.id, step })
  await callApi(backend, 'sessions.finish', { id: started.session.id })
  await page.getByRole('link', { name: 'Today' }).click()
  await expect(page.getByText('Done for this week.')).toBeVisible()
  await expect(page.getByText(/in\s+mobile-app/)).toBeVisible()
  await expect(page.getByLabel('An extra hour goes into')).toHaveValue(ids['payments-api']!)
  await expect(page.getByLabel('An extra hour goes into').locator('option:checked')).toHaveText('payments-api — not visited yet')
  await page.screenshot({ path: `${SHOTS}/today-extra-hour.png`, fullPage: true })
  await page.getByRole('button', { name: 'Take an extra hour' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Walk the codebase' })).toBeVisible()
  const extra = await callApi<{ activeSession: { id: string } | null; hoursThisWeek: number; outcome: string }>(
    backend,
    'sessions.today',
    {},
  )
  const second = await callApi<SessionView>(backend, 'sessions.get', { id: extra.activeSession!.id })
  expect(second.session.repo.id).toBe(ids['payments-api'])
  expect(extra).toMatchObject({ hoursThisWeek: 1, outcome: 'practised' })
})
