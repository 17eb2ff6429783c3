// The small change in real Chromium against the real backend and the fake Anthropic server (its own
// process): pick a suggested task, review the agent's diff, see applying refused while git is stopped
// mid-rebase (nothing touched), apply it once the rebase is done, see the new branch and commit in the
// repository the test built, run its tests (node --test) and read the explanation (its citations open
// the viewer); the branch banner on Today and the repository, the way back, deleting the branch (asked
// first) and restoring it. And an agent that oversteps: its refused edit and its claims are checked
// next to its words, the tests' missing install is shown, and their failure is summed up.
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { GREETER_FILES } from '../fixtures/fake-anthropic/small-change-script.ts'
import { buildRepo, type RepoBuilder } from '../fixtures/repo-builder.ts'
import { startFakeAnthropic, type FakeAnthropicProcess } from './support/fake-anthropic-process.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const shots = join(root, 'test-results', 'screenshots')

let fake: FakeAnthropicProcess
let fakeUrl: string
let backend: BackendProcess
let home: string
let repo: RepoBuilder

/** The name Gemba gives the repository: its folder's. */
function repoName(): string {
  return repo.dir.split('/').at(-1)!
}

async function startFake(): Promise<void> {
  fake = await startFakeAnthropic('small-change', ['--delay', '5'])
  fakeUrl = fake.url
}

/** Light and dark, as tall as the screen's content (the shell scrolls inside .main, not the page). */
async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true })
  const viewport = page.viewportSize() ?? { width: 1280, height: 820 }
  const height = await page.locator('.main').evaluate((main) => main.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.min(4000, Math.max(viewport.height, height)) })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: join(shots, `${name}-${scheme}.png`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize(viewport)
}

test.beforeEach(async () => {
  await startFake()
  home = await newHome()
  backend = await startBackend(home, { ANTHROPIC_API_KEY: 'sk-ant-e2e-5555555555555555555555', ANTHROPIC_BASE_URL: fakeUrl })
  repo = await buildRepo()
  await repo.files(GREETER_FILES)
  await repo.commit('Greeter with a test')
  await repo.git(['config', 'user.name', 'Leader Person'])
  await repo.git(['config', 'user.email', 'leader@example.com'])
})

test.afterEach(async ({ page }) => {
  // The page holds a long-running watch call open; closing it first lets the backend stop promptly.
  await page.close()
  await backend.stop()
  fake.stop()
  await repo.cleanup()
  await rm(home, { recursive: true, force: true })
})

test('picks a task, reviews the diff, applies it on a new branch, runs the tests and reads the explanation', async ({ page }) => {
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Repositories' }).click()
  await page.getByLabel('Folder').fill(repo.dir)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('tab', { name: 'Small change' }).click()

  await page.getByRole('button', { name: 'Suggest three tasks' }).click()
  const tasks = page.getByRole('list', { name: 'Suggested tasks' })
  await expect(tasks.getByRole('button')).toHaveCount(3)
  await tasks.getByRole('button', { name: /Fix the “Helo” typo/ }).click()
  await expect(page.getByLabel('What should change?')).toHaveValue('Fix the “Helo” typo in the greeting')
  await page.getByLabel('Your estimate (minutes)').fill('20')
  await screenshots(page, 'change-choose')
  await page.getByRole('button', { name: 'Start the change' }).click()

  await expect(page.getByRole('heading', { name: 'Proposed files' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'The agent’s plan' })).toBeVisible()
  const greet = page.getByRole('article', { name: 'src/greet.js' })
  await expect(greet.getByRole('region', { name: /^Changes to src\/greet\.js/ })).toContainText("return 'Hello, ' + name + '!'")
  await expect(greet.locator('.diff__line--del')).toContainText('Helo')
  await expect(page.getByRole('article', { name: 'test/greet-spelling.test.js' })).toContainText('spells hello correctly')
  expect((await repo.git(['status', '--porcelain'])).trim()).toBe('')
  await screenshots(page, 'change-review')

  await page.getByRole('button', { name: 'Draft the message' }).click()
  await expect(page.getByLabel('Commit message')).toHaveValue(/^Fix the spelling of the greeting/)

  // Git stops mid-rebase (a clean tree, HEAD detached): applying is refused and nothing is touched.
  await repo.git(['rebase', '-i', '--root'], { GIT_SEQUENCE_EDITOR: 'sed -i -e 1s/^pick/edit/' })
  const gitBefore = await repo.git(['for-each-ref', '--format=%(refname) %(objectname)'])
  await page.getByRole('button', { name: 'Apply 2 files on a new branch' }).click()
  const refusal = page.getByRole('alert').filter({ hasText: 'Gemba did not land the change, and changed nothing' })
  await expect(refusal).toContainText('Finish what git is in the middle of (shown above) first')
  // The repository says what git is in the middle of, and how to finish it; its list shows it too.
  const state = page.getByRole('region', { name: 'Finish what git is in the middle of first' })
  await expect(state).toContainText(/A rebase of main onto [0-9a-f]{7} is in progress/)
  await expect(state).toContainText('git rebase --continue')
  await expect(page.getByRole('list', { name: 'Repositories' })).toContainText('rebase in progress')
  expect(await repo.git(['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(gitBefore)
  await screenshots(page, 'change-refused-mid-rebase')
  await repo.git(['rebase', '--abort'])
  await state.getByRole('button', { name: 'Check again' }).click()
  await expect(state).toHaveCount(0)
  await expect(refusal).toHaveCount(0)
  await page.getByRole('button', { name: 'Apply 2 files on a new branch' }).click()
  await expect(
    page.getByRole('heading', { name: /^Committed on gemba\/\d{4}-\d{2}-\d{2}-fix-the-helo-typo-in-the-greeting$/ }),
  ).toBeVisible()

  const branch = (await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()
  expect(branch).toMatch(/^gemba\//)
  expect(await repo.git(['log', '--format=%s|%an', '-2', branch])).toBe(
    'Fix the spelling of the greeting|Leader Person\nGreeter with a test|Ada Lovelace\n',
  )
  expect(await repo.git(['log', '--format=%s', '-1', 'main'])).toBe('Greeter with a test\n')
  // No remote: no push command to copy, but how to add one.
  await expect(page.locator('.change-command')).toHaveText(`git remote add origin <the repository's URL>\ngit push -u origin ${branch}`)
  await expect(page.getByText('This repository has no remote yet')).toBeVisible()

  await page.getByLabel('Test command').fill('node --test')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.locator('.change-outcome')).toContainText(/^Passed · exit code 0 · [\d.]+ s on this change \([0-9a-f]{10}\)$/)
  await expect(page.getByLabel('Test output')).toContainText('spells hello correctly')

  await page.getByRole('button', { name: 'Explain the change' }).click()
  const explained = page.locator('section[aria-labelledby="change-explain"]')
  await expect(explained).toContainText('How we know')
  await expect(explained).toContainText(/The tests, as Gemba measured them: `?node --test`? passed on this change/)
  await screenshots(page, 'change-applied')
  // A citation in the explanation opens the file viewer at that line.
  await explained.getByRole('button', { name: 'src/greet.js:3' }).click()
  const viewer = page.getByRole('dialog')
  await expect(viewer).toContainText("return 'Hello, ' + name + '!'")
  await viewer.getByRole('button', { name: /Close/ }).click()

  // The clone is on the Gemba branch: Today says so, and so does the repository, with the way back.
  await page.getByRole('link', { name: 'Today' }).click()
  const banner = page.getByRole('region', { name: `Where your clone of ${repoName()} is` })
  await expect(banner).toContainText(`is on ${branch}`)
  await expect(banner).toContainText('It was on main before')
  await screenshots(page, 'branch-banner')
  await page.getByRole('link', { name: 'Repositories' }).click()
  await expect(banner).toBeVisible()
  await banner.getByRole('button', { name: 'Return to main' }).click()
  await expect(banner).toHaveCount(0)
  expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('main')
  expect(await repo.git(['status', '--porcelain'])).toBe('')

  // Deleting the branch asks first, and can be undone.
  await page.getByRole('tab', { name: 'Small change' }).click()
  await expect(page.getByText('The repository is back on main.')).toBeVisible()
  await page.getByRole('button', { name: 'Delete the Gemba branch…' }).click()
  const confirm = page.getByRole('group', { name: 'Delete the Gemba branch?' })
  await expect(confirm).toContainText('The commit stays restorable until this session’s journal entry is written.')
  expect(await repo.git(['branch', '--list', branch])).not.toBe('')
  await confirm.getByRole('button', { name: 'Delete the branch' }).click()
  await expect(page.getByRole('heading', { name: `Deleted ${branch}` })).toBeVisible()
  expect(await repo.git(['branch', '--list', branch])).toBe('')
  await page.getByRole('button', { name: `Restore ${branch}` }).click()
  await expect(page.getByRole('heading', { name: `Committed on ${branch}` })).toBeVisible()
  expect((await repo.git(['branch', '--list', branch])).trim()).toBe(branch)
})

test('an agent that oversteps is checked against what happened; tests that cannot run say so, and a failure is summed up', async ({
  page,
}) => {
  // A dev dependency the clone has not installed: the tests cannot run as the team runs them.
  await repo.write(
    'package.json',
    JSON.stringify(
      { name: 'greeter', type: 'module', scripts: { test: 'node --test' }, devDependencies: { typescript: '^5.0.0' } },
      null,
      2,
    ),
  )
  await repo.commit('A dev dependency')
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Repositories' }).click()
  await page.getByLabel('Folder').fill(repo.dir)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('tab', { name: 'Small change' }).click()
  await page.getByLabel('What should change?').fill('Trim the name before greeting')
  await page.getByLabel('Your estimate (minutes)').fill('15')
  await page.getByRole('button', { name: 'Start the change' }).click()

  // The refused edit and Gemba's checks stand next to the agent's own last words.
  await expect(page.getByRole('heading', { name: 'Proposed files' })).toBeVisible()
  const checks = page.getByRole('region', { name: 'What Gemba checked' })
  await expect(checks.getByRole('listitem')).toHaveText([
    /^Refused: Gemba refused the agent’s create of \.\.\/shared\/trim\.js/,
    'Not in the diff: The agent says it changed src/trim.js, but the change does not touch it.',
    /^Missing file: The file src\/greet\.js imports \.\/trim\.js/,
    /^Missing file: The test test\/greet-trim\.test\.js imports \.\.\/src\/trim\.js/,
    /^Tests cannot run: The team’s tests cannot run here yet: The dependencies are not installed/,
  ])
  await expect(page.getByText('The agent says', { exact: true })).toBeVisible()
  await expect(page.locator('.change-agent-says')).toContainText('I could not write the helper')
  await expect(page.getByText('Before you commit: Gemba found 5 things to look at')).toBeVisible()
  await screenshots(page, 'change-agent-checks')

  await page.getByLabel('Commit message').fill('Trim the name (the helper is still missing)')
  await page.getByRole('button', { name: 'Apply 2 files on a new branch' }).click()
  await expect(page.getByRole('heading', { name: /^Committed on gemba\// })).toBeVisible()

  // The install is a visible step, run only when pressed; the run goes ahead anyway and fails, summed up.
  const ready = page.getByRole('group', { name: 'Before the tests can run' })
  await expect(ready).toContainText('The dependencies are not installed (no node_modules)')
  await expect(ready.getByRole('button', { name: 'Run npm install' })).toBeVisible()
  await page.getByLabel('Test command').fill('node --test')
  await page.getByLabel('Test command').blur()
  await expect(ready).toContainText('The dependencies are not installed (no node_modules)')
  await page.getByRole('button', { name: 'Run anyway' }).click()
  await expect(page.locator('.change-outcome')).toContainText(/^Failed · exit code 1 · [\d.]+ s on this change/)
  const summary = page.getByRole('region', { name: 'What failed' })
  await expect(summary).toContainText('test/greet-trim.test.js')
  await expect(summary).toContainText(/First error: .*Cannot find module .*src\/trim\.js/)
  await expect(page.getByLabel('Test output')).toBeVisible()
  await summary.scrollIntoViewIfNeeded()
  await screenshots(page, 'change-tests-failed')
  expect(await repo.git(['ls-files', 'node_modules'])).toBe('')
})

test('the team’s tests: their own command and setup steps, a run that could not run, and a flaky test found by rerunning the failures', async ({
  page,
}) => {
  await repo.files({
    '.github/workflows/ci.yml':
      'jobs:\n  unit:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm run build\n      - run: npm test\n',
    'package.json': JSON.stringify({
      name: 'greeter',
      type: 'module',
      scripts: { test: 'node --test', build: 'echo built' },
      devDependencies: { leftpad: '1.0.0' },
    }),
    'package-lock.json': '{"lockfileVersion":3,"packages":{}}\n',
    Makefile: '.PHONY: check\ncheck:\n\tno-such-runner-here --all\n',
    '.gitignore': 'runs.count\n',
    'test/flaky.test.js': [
      "import { test } from 'node:test'",
      "import assert from 'node:assert/strict'",
      "import { existsSync, readFileSync, writeFileSync } from 'node:fs'",
      "const runs = existsSync('runs.count') ? Number(readFileSync('runs.count', 'utf8')) : 0",
      "writeFileSync('runs.count', String(runs + 1))",
      "test('passes on a second try', () => assert.ok(runs > 0))",
      '',
    ].join('\n'),
  })
  await repo.commit('CI, a Makefile and a flaky test')
  await page.goto(backend.pageUrl)
  await page.getByRole('link', { name: 'Repositories' }).click()
  await page.getByLabel('Folder').fill(repo.dir)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('tab', { name: 'Small change' }).click()
  await page.getByLabel('What should change?').fill('Say hello properly')
  await page.getByLabel('Your estimate (minutes)').fill('15')
  await page.getByText('I’ll edit it').click()
  await page.getByRole('button', { name: 'Start watching my edits' }).click()

  // The team's own command, where it was read, and its setup in CI's order, run only when pressed.
  await expect(page.getByLabel('Test command')).toHaveValue('npm test')
  await expect(page.getByText('The team’s own way, from the “unit” job of .github/workflows/ci.yml.', { exact: false })).toBeVisible()
  const steps = page.getByRole('list', { name: 'Setup steps' })
  await expect(steps.getByRole('listitem')).toHaveText([
    /^npm ci — Installs the dependencies with npm/,
    /^npm run build — The team’s CI runs this/,
  ])
  await expect(page.getByRole('button', { name: 'Run the 2 setup steps' })).toBeVisible()
  await screenshots(page, 'tests-setup-steps')

  // A runner that is not installed: the run could not run, and says why; it is not a failure.
  await page.getByLabel('Test command').fill('make check')
  await page.getByLabel('Test command').blur()
  await page.getByRole('button', { name: /^Run( anyway)?$/ }).click()
  await expect(page.locator('.change-outcome')).toHaveText('Could not run')
  await expect(page.getByRole('note', { name: 'Why the tests could not run' })).toContainText(
    'no-such-runner-here is not installed here: the project’s dependencies are not installed.',
  )
  await expect(page.getByRole('region', { name: 'What failed' })).toHaveCount(0)
  await screenshots(page, 'tests-could-not-run')

  // A test that fails once: rerunning only the failures passes it with the code unchanged, so it is flaky.
  await page.getByLabel('Test command').fill('node --test test/flaky.test.js')
  await page.getByLabel('Test command').blur()
  await page.getByRole('button', { name: /^Run( anyway)?$/ }).click()
  await expect(page.locator('.change-outcome')).toContainText(/^Failed · exit code 1/)
  await expect(page.getByRole('region', { name: 'What failed' })).toContainText('passes on a second try')
  await screenshots(page, 'tests-failed')
  await page.getByRole('button', { name: 'Rerun the 1 failing test' }).click()
  await expect(page.locator('.change-outcome')).toContainText(/^Passed/)
  await expect(page.getByRole('note', { name: 'Flaky tests' })).toContainText('passes on a second try')
  await screenshots(page, 'tests-flaky')
})
