// The weekly hour in real Chromium against the real browser-mode backend, offline: the first-run
// guide, starting this week's hour on a repository the test builds, all four steps (the offline tour
// and diagram kept with the session, a change made by hand and committed on a gemba/ branch), the
// backend killed mid-reflection and started again on the same data (the draft is intact), finishing,
// and the session in the journal. Saves light and dark screenshots of Today and of each step.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { GREETER_FILES } from '../fixtures/fake-anthropic/small-change-script.ts'
import { buildPaymentsRepo } from '../fixtures/payments-repo.ts'
import { type RepoBuilder } from '../fixtures/repo-builder.ts'
import { startFakeAnthropic, type FakeAnthropicProcess } from './support/fake-anthropic-process.ts'
import { lookAtPdf } from './support/pdf-pages.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

const SHOTS = 'test-results/screenshots'

let backend: BackendProcess
let home: string
let repo: RepoBuilder
let fake: FakeAnthropicProcess | undefined

async function startFake(script: string, extra: readonly string[] = []): Promise<string> {
  fake = await startFakeAnthropic(script, extra)
  return fake.url
}

test.beforeEach(async () => {
  home = await newHome()
  backend = await startBackend(home)
  repo = await buildPaymentsRepo()
  await repo.git(['config', 'user.name', 'Leader Person'])
  await repo.git(['config', 'user.email', 'leader@example.com'])
  await mkdir(SHOTS, { recursive: true })
})

test.afterEach(async ({ page }) => {
  // The page may hold a long-running watch call open; closing it first lets the backend stop promptly.
  await page.close()
  await backend.stop()
  fake?.stop()
  fake = undefined
  await repo.cleanup()
  await rm(home, { recursive: true, force: true })
})

/** Light and dark, as tall as the screen's content (the shell scrolls inside .main, not the page). */
async function shoot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 820 }
  const height = await page.locator('.main').evaluate((main) => main.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.min(4000, Math.max(viewport.height, height)) })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png` })
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize(viewport)
}

interface JournalEntry {
  readonly offline: boolean
  readonly walkthrough: { markdown: string } | null
  readonly notes?: { explore?: string; diagram?: string }
  readonly diagram: { mermaid: string; svg?: string } | null
  readonly change: {
    request: string
    branch: string
    diff: string
    explanation: string
    manual: boolean
    originalBranch?: string | null
    authorship?: { leaderLines: number; agentLines: number } | null
  } | null
  readonly usage: { inputTokens: number; cachedInputTokens: number; cacheWriteTokens: number; outputTokens: number; costUsd: number }
  readonly transcript?: { step: string; role: string; text: string }[]
  readonly sent?: { step: string; contextFiles: { path: string; bytes: number }[] }[]
}

async function journalEntry(id: string): Promise<JournalEntry> {
  const response = await fetch(`${backend.url}/api/journal.get`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id }),
  })
  expect(response.ok).toBe(true)
  return ((await response.json()) as { record: JournalEntry }).record
}

/** The output tokens the open coach conversation shows for itself. */
async function outputTokensShown(page: Page): Promise<number> {
  const text = await page
    .getByLabel('Usage this session')
    .locator('div')
    .filter({ hasText: /^Output/ })
    .locator('dd')
    .textContent()
  return Number(text)
}

async function allSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
}

/** The first-run guide's shortest path: add the test's repository, wait for its tour, start the hour. */
async function addRepoAndStartTheHour(page: Page): Promise<void> {
  const guide = page.getByRole('region', { name: 'Set up your weekly hour' })
  await guide.getByLabel('Folder').fill(repo.dir)
  await guide.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(guide.getByText('Offline tour ready')).toBeVisible()
  await guide.getByRole('button', { name: 'Start this week’s hour' }).click()
}

test('a whole weekly hour offline, surviving a backend crash mid-reflection', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto(backend.pageUrl)

  // First run: a guide, never an empty dashboard.
  const guide = page.getByRole('region', { name: 'Set up your weekly hour' })
  await expect(guide).toBeVisible()
  await expect(guide.getByRole('heading', { level: 3, name: /Add a team’s repository/ })).toBeVisible()
  await expect(guide.getByRole('heading', { name: /Pick your weekly slot/ })).toBeVisible()
  await expect(guide.getByRole('heading', { name: /Optional: add an API key/ })).toBeVisible()
  await expect(guide.getByText('Add a repository above to start.')).toBeVisible()
  // Times read the same everywhere, in the page's locale (Chromium here: en-US).
  const slotTime = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 3, 14, 0)),
  )
  await expect(guide).toContainText(`Fridays at ${slotTime} for 60 minutes`)
  await guide.getByRole('button', { name: 'Change the slot' }).click()
  await expect(guide.getByLabel('Starts at').locator('option:checked')).toHaveText(slotTime)
  await guide.getByRole('button', { name: 'Close' }).click()
  // Each step of the guide is ticked once done: keeping the slot ticks the second.
  await expect(guide.getByLabel('Step 2', { exact: true })).toBeVisible()
  await guide.getByRole('button', { name: 'Keep this slot' }).click()
  await expect(guide.getByLabel('Step 2, done')).toBeVisible()
  await shoot(page, 'today-first-run')

  await addRepoAndStartTheHour(page)

  // Explore: the week's prompts verbatim, the offline tour (no key) labelled as such and kept with
  // the session, and notes.
  await expect(page.getByRole('heading', { level: 1, name: 'Walk the codebase' })).toBeVisible()
  const steps = page.getByRole('navigation', { name: 'Steps of the hour' })
  await expect(steps.getByRole('button', { name: /Explore/ })).toHaveAttribute('aria-current', 'step')
  await expect(page.getByText('Walk me through the codebase.', { exact: true })).toBeVisible()
  await expect(page.getByText('No API key yet.')).toBeVisible()
  const tour = page.getByRole('region', { name: 'Offline tour' })
  await expect(tour.getByText('Computed from the repository · no AI')).toBeVisible()
  await expect(tour).toContainText('Takes card payments for the shop')
  await expect(page.getByText('Kept with the session for the journal: the offline tour.')).toBeVisible()
  // Code is read in the app without a key: a file the tour names opens in the read-only viewer.
  await tour.getByRole('button', { name: 'src/billing/charge.ts' }).first().click()
  const viewer = page.getByRole('dialog', { name: 'src/billing/charge.ts' })
  await expect(viewer.getByText("log('charge'); return amount")).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/session-explore-offline-viewer.png` })
  await viewer.getByRole('button', { name: 'Close' }).click()
  await expect(viewer).toBeHidden()
  await page.getByLabel('Your notes').fill('Billing sits under src/billing; the server only wires it.')
  await allSaved(page)
  await shoot(page, 'session-explore')

  // Today now shows this week's hour with one button to resume it.
  await page.getByRole('link', { name: 'Today' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Walk the codebase' })).toBeVisible()
  await expect(page.getByText('Week 1 of 12')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Consistency' })).toBeVisible()
  await shoot(page, 'today-week')
  await page.getByRole('button', { name: 'Resume this week’s hour' }).click()
  await expect(page.getByLabel('Your notes')).toHaveValue('Billing sits under src/billing; the server only wires it.')

  // Diagram: the offline module diagram, kept with the session. Next (at the bottom of the step)
  // opens the diagram step at its top, its title focused.
  await page.getByRole('button', { name: 'Next: Diagram' }).scrollIntoViewIfNeeded()
  expect(await page.locator('.main').evaluate((main) => main.scrollTop)).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Next: Diagram' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Diagram' })).toBeFocused()
  expect(await page.locator('.main').evaluate((main) => main.scrollTop)).toBe(0)
  await expect(page.getByRole('region', { name: 'Offline module diagram' }).locator('.module-map svg')).toBeVisible()
  await expect(page.getByText('Kept with the session for the journal: the module diagram computed from the repository.')).toBeVisible()
  await page.getByLabel('Your notes on the architecture').fill('Three modules; util is shared.')
  await allSaved(page)
  await shoot(page, 'session-diagram')

  // Small change: the estimate first (asked once), then the change by hand: Gemba watches the
  // working tree, shows the diff and commits it on a gemba/ branch; actual time from the timer.
  await page.getByRole('button', { name: 'Next: Small change' }).click()
  await expect(page.getByLabel('What should change?')).toHaveCount(0)
  await page.getByLabel('Your estimate (minutes)').fill('20')
  await page.getByLabel('Your estimate (minutes)').press('Enter')
  await expect(page.getByText('Your estimate: 20 min, written down above.')).toBeVisible()
  await expect(page.getByLabel('Your estimate (minutes)')).toHaveCount(1)
  await shoot(page, 'session-change-choose')
  await page.getByLabel('What should change?').fill('Make the charge log line say which amount was charged.')
  // Without a key the leader's own edits are already chosen.
  await expect(page.getByRole('radio', { name: /I’ll edit it myself/ })).toBeChecked()
  await page.getByRole('button', { name: 'Start watching my edits' }).click()
  await expect(page.getByText('your estimate 20 min · you edit by hand')).toBeVisible()
  await writeFile(
    join(repo.dir, 'src/billing/charge.ts'),
    "import { log } from '../util/log.ts'\nexport function charge(amount: number) { log(`charge ${amount}`); return amount }\n",
  )
  const edited = page.getByRole('article', { name: 'src/billing/charge.ts' })
  await expect(edited.locator('.diff__line--add')).toContainText('log(`charge ${amount}`)')
  await page.getByLabel('Commit message').fill('Say which amount was charged in the log')
  await page.getByRole('button', { name: 'Apply 1 file on a new branch' }).click()
  await expect(page.getByRole('heading', { name: /^Committed on gemba\/\d{4}-\d{2}-\d{2}-make-the-charge-log/ })).toBeVisible()
  const branch = (await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()
  expect(branch).toMatch(/^gemba\//)
  expect(await repo.git(['log', '--format=%s|%an', '-2', branch])).toBe(
    'Say which amount was charged in the log|Leader Person\nStart the payments service|Ada Lovelace\n',
  )
  expect(await repo.git(['log', '--format=%s', '-1', 'main'])).toBe('Start the payments service\n')
  // The change saves itself to the session; the runner's view follows (sessions.changed).
  const commit = (await repo.git(['rev-parse', 'HEAD'])).trim()
  await expect(
    page.getByText(
      `Kept with the session for the journal: the change committed as ${commit.slice(0, 10)} on ${branch}, you wrote 1 line, the agent 0.`,
    ),
  ).toBeVisible()
  // The session says where the clone is now, and the way back (it stays after the step).
  const banner = page.getByRole('region', { name: /^Where your clone of .+ is$/ })
  await expect(banner).toContainText(`is on ${branch}`)
  await expect(banner.getByRole('button', { name: 'Return to main' })).toBeVisible()
  await page.getByRole('button', { name: 'Explain the change' }).click()
  await expect(page.getByText('From the diff alone · no AI')).toBeVisible()
  await expect(
    page.getByText(
      `Kept with the session for the journal: the change committed as ${commit.slice(0, 10)} on ${branch}, you wrote 1 line, the agent 0, explained.`,
    ),
  ).toBeVisible()
  await expect(page.locator('section[aria-labelledby="change-explain"]')).toContainText(
    'The team’s tests have not been run on this change, so nothing here says they pass.',
  )
  await expect(page.getByText(/Measured by the timer: \d+ min/)).toBeVisible()
  await shoot(page, 'session-change')

  // Reflect: a draft of the guided prompts for the leader's own words (no artefacts, no diagram
  // source); a prompt chip puts the caret under its heading; tags and a question for the tech lead.
  await page.getByRole('button', { name: 'Next: Reflect' }).click()
  const draft = page.getByLabel('Reflection (Markdown)')
  await expect(draft).toHaveValue(/^### What surprised me\n/)
  await expect(draft).not.toHaveValue(/mermaid|flowchart|Billing sits under/)
  const reflection = 'The deploy path surprised me: nothing runs on merge.'
  const prompts = page.getByRole('group', { name: 'Prompts to answer' })
  await prompts.getByRole('button', { name: 'What surprised me: write under it' }).click()
  await page.keyboard.type(reflection)
  await expect(prompts.getByRole('button', { name: 'What surprised me (answered): write under it' })).toBeVisible()
  await page.getByRole('checkbox', { name: 'Slow tests' }).check()
  await page.getByLabel('Your own').fill('No staging env')
  await page.getByRole('button', { name: 'Add tag' }).click()
  await expect(page.getByRole('checkbox', { name: 'no-staging-env' })).toBeChecked()
  await page.getByLabel('A new question').fill('Why does the nightly settlement run by hand?')
  await page.getByRole('button', { name: 'Add question' }).click()
  await expect(page.getByText('Why does the nightly settlement run by hand?')).toBeVisible()
  // The preview is the journal's own rendering: unanswered prompts left out, effort and friction below.
  await page.getByRole('tab', { name: 'Preview' }).click()
  const preview = page.getByRole('region', { name: 'Reflection as the journal will show it' })
  await expect(preview).toContainText(reflection)
  await expect(preview.getByRole('heading', { name: 'Where AI could help this team most' })).toHaveCount(0)
  await expect(preview).toContainText('20 min estimated')
  await page.getByRole('tab', { name: 'Write' }).click()
  await allSaved(page)
  await shoot(page, 'session-reflect')

  // The backend dies mid-reflection and starts again on the same data: nothing is lost.
  await backend.stop('SIGKILL')
  backend = await startBackend(home)
  await page.goto(backend.pageUrl)
  await page.getByRole('button', { name: 'Resume this week’s hour' }).click()
  await expect(page.getByText('Welcome back. Gemba stopped during your hour')).toBeVisible()
  await expect(page.getByLabel('Reflection (Markdown)')).toHaveValue(new RegExp(reflection))
  await expect(page.getByRole('checkbox', { name: 'Slow tests' })).toBeChecked()
  await expect(page.getByText('Why does the nightly settlement run by hand?')).toBeVisible()
  await page.getByRole('button', { name: 'Resume', exact: true }).first().click()
  await expect(page.getByText('Welcome back. Gemba stopped during your hour')).toHaveCount(0)

  // Finish: the journal entry, where it went, and a way to the Journal screen.
  await page.getByRole('button', { name: 'Finish and write the journal entry' }).click()
  await expect(page.getByRole('heading', { name: 'Week 1 is done: Walk the codebase' })).toBeVisible()
  await expect(page.getByText('All four steps were done here')).toBeVisible()
  await expect(page.locator('.finished code')).toContainText('.md')
  await shoot(page, 'session-finished')

  const response = await fetch(`${backend.url}/api/journal.list`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' },
    body: '{}',
  })
  const list = (await response.json()) as {
    entries: { id: string; theme: { title: string }; frictionTags: string[]; effort: { estimateMinutes: number | null } }[]
  }
  expect(list.entries).toHaveLength(1)
  expect(list.entries[0]?.theme.title).toBe('Walk the codebase')
  expect(list.entries[0]?.frictionTags).toEqual(expect.arrayContaining(['slow-tests', 'no-staging-env']))
  expect(list.entries[0]?.effort.estimateMinutes).toBe(20)
  const entry = await journalEntry(list.entries[0]!.id)
  expect(entry.walkthrough?.markdown).toContain('Takes card payments for the shop')
  expect(entry.notes).toEqual({
    explore: 'Billing sits under src/billing; the server only wires it.',
    diagram: 'Three modules; util is shared.',
  })
  expect(entry.diagram?.mermaid).toMatch(/^(flowchart|graph)/)
  expect(entry.change).toMatchObject({
    request: 'Make the charge log line say which amount was charged.',
    branch,
    manual: true,
    originalBranch: 'main',
    authorship: { leaderLines: 1, agentLines: 0 },
  })
  expect(entry.change?.diff).toContain('+export function charge(amount: number) { log(`charge ${amount}`); return amount }')
  expect(entry.change?.explanation).not.toBe('')
  expect(entry.offline).toBe(true)

  // The journal file reads like a page to share: the leader's reflection first, then the artefacts,
  // each section once, the diagram a fenced Mermaid block and nowhere else, every step's notes kept.
  const file = await readFile((await page.locator('.finished code').textContent()) ?? '', 'utf8')
  const body = file.slice(file.indexOf('\n---\n', 4) + 5)
  expect([...body.matchAll(/^## (.+)$/gm)].map((match) => match[1])).toEqual([
    'Reflection',
    'Questions for the tech lead',
    'Walkthrough',
    'Architecture',
    'The change',
  ])
  expect(body).toMatch(
    /## Reflection\n\n<!-- gemba:reflection -->\n### What surprised me\n\nThe deploy path surprised me: nothing runs on merge\./,
  )
  expect(body).toContain('**Estimate against actual:** 20 min estimated')
  expect(body).toContain('**Friction:** `slow-tests`, `no-staging-env`')
  expect(body).toContain('- [ ] Why does the nightly settlement run by hand?')
  expect(body).toContain('Billing sits under src/billing; the server only wires it.')
  expect(body).toContain('Three modules; util is shared.')
  expect(body.match(/```mermaid/g)).toHaveLength(1)
  expect(body.slice(body.indexOf('## Architecture'), body.indexOf('## The change'))).toContain('```mermaid')
  expect(body).toContain('+export function charge(amount: number) { log(`charge ${amount}`); return amount }')
  expect(body).not.toContain('None yet')

  // The journal's search finds every step's work, down to the diagram's notes.
  const search = await fetch(`${backend.url}/api/journal.search`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: 'util shared' }),
  })
  expect(((await search.json()) as { hits: { entry: { id: string } }[] }).hits.map((hit) => hit.entry.id)).toEqual([list.entries[0]!.id])

  // The journal view shows the same page in the same order, the diagram drawn, never as source.
  // "Open the journal" opens the entry just written, focus on its title.
  await page.getByRole('button', { name: 'Open the journal' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Walk the codebase' })).toBeFocused()
  const review = page.locator('.session-review')
  await expect(review.getByRole('heading', { level: 2 })).toHaveText([
    'Reflection',
    'Questions for tech leads',
    'Walkthrough',
    'Architecture',
    'The change',
    'Export this session',
  ])
  await expect(review.getByRole('region', { name: 'Architecture' }).locator('figure.diagram svg')).toBeVisible()
  await expect(review.getByRole('region', { name: 'Architecture' })).toContainText('Three modules; util is shared.')
  await expect(review.getByRole('region', { name: 'Walkthrough' })).toContainText('Billing sits under src/billing')
  await expect(review.locator('pre, code, p').filter({ hasText: /flowchart|-->/ })).toHaveCount(0)
  await shoot(page, 'journal-entry')

  // Print and PDF, A4 and Letter: the entry fills the page between its margins, sections start on
  // new pages, and each page is headed with the session.
  for (const format of ['A4', 'Letter'] as const) {
    const look = await lookAtPdf(await page.pdf({ format, preferCSSPageSize: false }))
    await writeFile(`${SHOTS}/journal-entry-pdf-${format.toLowerCase()}-page1.png`, look.png)
    expect(look.inkTo - look.inkFrom, `${format}: the text spans most of the page width`).toBeGreaterThan(0.75)
    expect(look.inkFrom, `${format}: a left margin`).toBeGreaterThan(0.05)
    expect(1 - look.inkTo, `${format}: a right margin`).toBeGreaterThan(0.05)
    expect(look.pages).toBeLessThanOrEqual(6)
    for (const text of look.text) expect(text).toContain('Week 1 · Walk the codebase')
    expect(look.text[0]).toContain('What surprised me')
  }

  // Insights after one session: what this hour showed, and nothing inviting to an hour already done.
  await page.getByRole('link', { name: 'Insights' }).click()
  const latest = page.getByRole('region', { name: 'What your first hour showed' })
  await expect(latest).toContainText('You estimated the small change at 20 min')
  await expect(latest).toContainText('Friction you tagged: slow-tests, no-staging-env.')
  await expect(latest.getByRole('img', { name: 'Minutes per step in this hour against each timebox' })).toBeVisible()
  await expect(page.getByRole('button', { name: /this week’s hour/ })).toHaveCount(0)

  // Back on Today the week counts as practised, and the question carries forward; the clone is still
  // on the Gemba branch, and Today says so, with the way back.
  await page.getByRole('link', { name: 'Today' }).click()
  await expect(page.getByText('Done for this week.')).toBeVisible()
  await banner.getByRole('button', { name: 'Return to main' }).click()
  await expect(banner).toHaveCount(0)
  expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('main')
  await expect(page.getByText('1 of the last 1 week practised')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Questions for your tech lead' })).toContainText(
    'Why does the nightly settlement run by hand?',
  )
})

test('a gentle notice when a step’s time is up, never a forced move', async ({ page }) => {
  await page.clock.install()
  await page.goto(backend.pageUrl)
  await addRepoAndStartTheHour(page)
  // Focus follows the hour started: on its title, not left on the page body.
  await expect(page.getByRole('heading', { level: 1, name: 'Walk the codebase' })).toBeFocused()
  await expect(page.getByText(/minutes for Explore are up/)).toHaveCount(0)
  await page.clock.fastForward('16:00')
  await expect(page.getByText('Your 15 minutes for Explore are up. Move on when you are ready; nothing moves by itself.')).toBeVisible()
  await expect(page.getByRole('timer', { name: /This step/ })).toHaveText(/^1[6-7]:\d\d$/)
  const steps = page.getByRole('navigation', { name: 'Steps of the hour' })
  await expect(steps.getByRole('button', { name: /Explore/ })).toHaveAttribute('aria-current', 'step')
})

test('pausing stops the timers; the programme pauses for travel and resumes', async ({ page }) => {
  await page.goto(backend.pageUrl)
  await addRepoAndStartTheHour(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Walk the codebase' })).toBeVisible()
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await expect(page.getByText('Paused. The timers wait for you.')).toBeVisible()
  const hour = await page.getByRole('timer', { name: /The hour/ }).textContent()
  await page.getByRole('link', { name: 'Today' }).click()
  await expect(page.getByText('Paused — the timer waits for you.')).toBeVisible()
  await page.getByRole('button', { name: 'Resume this week’s hour' }).click()
  await expect(page.getByRole('timer', { name: /The hour/ })).toHaveText(hour ?? '')

  await page.getByRole('link', { name: 'Today' }).click()
  await page.getByLabel('How long to pause').selectOption('open')
  await page.getByRole('button', { name: 'Pause the programme' }).click()
  await expect(page.getByText('The programme is paused until you resume it.')).toBeVisible()
  await page.getByRole('button', { name: 'Resume the programme' }).click()
  await expect(page.getByText('The programme is paused')).toHaveCount(0)
})

test('with Claude: the walkthrough and the diagram are kept in the session and reach the journal with the token usage', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const fakeUrl = await startFake('coach', ['--cite', 'src/server.ts:2', '--delay', '5'])
  await backend.stop()
  backend = await startBackend(home, { ANTHROPIC_API_KEY: 'sk-ant-e2e-weekly-3333333333333333333333', ANTHROPIC_BASE_URL: fakeUrl })
  await page.goto(backend.pageUrl)
  await addRepoAndStartTheHour(page)

  // Explore: the offline tour is kept until Claude answers; then Claude's walkthrough replaces it,
  // kept as the answer arrives (nothing to press).
  await expect(page.getByRole('heading', { level: 1, name: 'Walk the codebase' })).toBeVisible()
  await expect(
    page.getByText('Kept with the session for the journal: the offline tour. Claude’s answers replace it as they arrive.'),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Walk me through the codebase.' }).click()
  const answer = page.getByRole('article', { name: 'Question: Walk me through the codebase.' })
  await expect(answer.getByRole('heading', { name: 'What to ask your tech lead' })).toBeVisible()
  await expect(answer.getByRole('button', { name: 'src/server.ts:2' })).toBeVisible()
  await expect(
    page.getByText('Kept with the session for the journal: Claude’s walkthrough, 1 question, kept as each answer arrives.'),
  ).toBeVisible()
  // The leader can still pick the offline tour, and go back.
  await page.getByRole('button', { name: 'Keep the offline tour instead' }).click()
  await expect(
    page.getByText('Kept with the session for the journal: the offline tour (your pick). Claude’s answers stay in the transcript.'),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Keep Claude’s walkthrough instead' }).click()
  await expect(
    page.getByText('Kept with the session for the journal: Claude’s walkthrough, 1 question, kept as each answer arrives.'),
  ).toBeVisible()
  const exploreOutput = await outputTokensShown(page)
  await shoot(page, 'session-explore-ai')

  // Diagram: Claude's, checked by Mermaid, saved as source and SVG.
  await page.getByRole('button', { name: 'Next: Diagram' }).click()
  await page.getByRole('button', { name: 'Draw the architecture' }).click()
  await expect(page.locator('figure.coach-diagram__figure svg')).toBeVisible()
  await expect(page.locator('.coach-diagram .kept-note')).toHaveText('✓ Kept for the journal')
  await expect(page.getByText('Kept with the session for the journal: Claude’s diagram, as Mermaid and SVG.')).toBeVisible()
  const diagramOutput = await outputTokensShown(page)
  await shoot(page, 'session-diagram-ai')

  // A quick finish: straight through the change and the reflection.
  await page.getByRole('button', { name: 'Next: Small change' }).click()
  await expect(page.getByLabel('Your estimate (minutes)')).toBeVisible()
  await page.getByRole('button', { name: 'Next: Reflect' }).click()
  await expect(page.getByLabel('Reflection (Markdown)')).toHaveValue(/### What surprised me/)
  await page.getByRole('button', { name: 'Finish and write the journal entry' }).click()
  await expect(page.getByRole('heading', { name: 'Week 1 is done: Walk the codebase' })).toBeVisible()

  const response = await fetch(`${backend.url}/api/journal.list`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' },
    body: '{}',
  })
  const list = (await response.json()) as { entries: { id: string }[] }
  expect(list.entries).toHaveLength(1)
  const entry = await journalEntry(list.entries[0]!.id)
  expect(entry.walkthrough?.markdown).toContain('### Walk me through the codebase.')
  expect(entry.walkthrough?.markdown).toContain('## What this system does')
  expect(entry.walkthrough?.markdown).not.toContain('A tour of payments')
  expect(entry.offline).toBe(false)
  expect(entry.diagram?.mermaid).toContain('api["src/api"]')
  expect(entry.diagram?.svg).toMatch(/^<svg[\s\S]*<\/svg>$/)
  // The fake server caches the whole prefix on the first call, so the input shows as cache writes.
  expect(entry.usage.inputTokens + entry.usage.cacheWriteTokens + entry.usage.cachedInputTokens).toBeGreaterThan(0)
  // Each call counted once: the session's output is what the two conversations showed, summed.
  expect(exploreOutput).toBeGreaterThan(0)
  expect(entry.usage.outputTokens).toBe(exploreOutput + diagramOutput)
  expect(entry.usage.costUsd).toBeGreaterThan(0)
  // Both conversations reach the sidecar (kept on disk by the coach), with what each request carried.
  const transcript = entry.transcript ?? []
  expect(transcript).toContainEqual(expect.objectContaining({ step: 'explore', role: 'leader', text: 'Walk me through the codebase.' }))
  expect(transcript).toContainEqual(
    expect.objectContaining({ step: 'explore', role: 'coach', text: expect.stringContaining('What this system does') }),
  )
  expect(transcript).toContainEqual(expect.objectContaining({ step: 'diagram', role: 'coach', text: expect.stringContaining('flowchart') }))
  const sent = entry.sent ?? []
  expect(sent.map((record) => record.step)).toEqual(expect.arrayContaining(['explore', 'diagram']))
  expect(sent[0]!.contextFiles.length).toBeGreaterThan(0)

  await page.getByRole('link', { name: 'Journal' }).click()
  await page.getByRole('button', { name: /Walk the codebase/ }).click()
  const whatWasSent = page.getByText(/What was sent to Claude \(\d+ requests?/)
  await expect(whatWasSent).toBeVisible()
  await whatWasSent.click()
  await expect(page.getByText('Request 1', { exact: true })).toBeVisible()
  await expect(page.getByText(/Repository context: \d+ files/).first()).toBeVisible()
  await whatWasSent.scrollIntoViewIfNeeded()
  await shoot(page, 'journal-what-was-sent')
})

async function api<T>(name: string, input: unknown): Promise<T> {
  const response = await fetch(`${backend.url}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  expect(response.ok).toBe(true)
  return (await response.json()) as T
}

test('with Claude: the small change’s agent calls count towards the session’s usage and cost', async ({ page }) => {
  test.setTimeout(120_000)
  await repo.files(GREETER_FILES)
  await repo.commit('Greeter with a test')
  const fakeUrl = await startFake('small-change', ['--delay', '5'])
  await backend.stop()
  backend = await startBackend(home, { ANTHROPIC_API_KEY: 'sk-ant-e2e-weekly-5555555555555555555555', ANTHROPIC_BASE_URL: fakeUrl })
  await page.goto(backend.pageUrl)
  await addRepoAndStartTheHour(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Walk the codebase' })).toBeVisible()
  const { activeSession } = await api<{ activeSession: { id: string } | null }>('sessions.today', {})
  const usage = async () =>
    (await api<{ session: { usage: { outputTokens: number; costUsd: number } } }>('sessions.get', { id: activeSession!.id })).session.usage
  expect(await usage()).toMatchObject({ outputTokens: 0, costUsd: 0 })

  await page.getByRole('button', { name: 'Next: Diagram' }).click()
  await page.getByRole('button', { name: 'Next: Small change' }).click()
  await page.getByLabel('Your estimate (minutes)').fill('20')
  await page.getByLabel('Your estimate (minutes)').press('Enter')
  await page.getByLabel('What should change?').fill('Fix the “Helo” typo in the greeting')
  await page.getByRole('radio', { name: /Claude drafts the change/ }).check()
  await page.getByRole('button', { name: 'Start the change' }).click()
  await expect(page.getByRole('heading', { name: 'Proposed files' })).toBeVisible()
  // The agent's calls reach the session: its cost is the change's own, each call counted once.
  const shownCost = Number(/\$(\d+\.\d+)/.exec((await page.getByText(/your estimate 20 min.*\$\d/).textContent()) ?? '')?.[1])
  expect(shownCost).toBeGreaterThan(0)
  await expect.poll(async () => (await usage()).costUsd.toFixed(3)).toBe(shownCost.toFixed(3))
  const afterAgent = await usage()
  expect(afterAgent.outputTokens).toBeGreaterThan(0)

  // The commit message is one more call, and it is counted too.
  await page.getByRole('button', { name: 'Draft the message' }).click()
  await expect(page.getByLabel('Commit message')).toHaveValue(/^Fix the spelling of the greeting/)
  await expect.poll(async () => (await usage()).outputTokens).toBeGreaterThan(afterAgent.outputTokens)
})
