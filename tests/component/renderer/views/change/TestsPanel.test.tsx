import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { TestReadiness, TestRunResult } from '../../../../../shared/models/change.ts'
import { TestsPanel } from '../../../../../renderer/views/change/TestsPanel.tsx'
import { deferred } from '../../../../fixtures/fake-client.ts'
import { renderView } from '../../../../fixtures/render-view.tsx'

const READY: TestReadiness = {
  ecosystem: 'node',
  ready: true,
  problems: [],
  checked: ['node_modules present (npm, package-lock.json)'],
  steps: [{ command: 'npm ci', why: 'The lockfile says what to install.', done: true }],
  missing: [],
  blocked: null,
  venv: null,
  pythonPath: null,
}
const MISSING: TestReadiness = {
  ...READY,
  ready: false,
  problems: ['node_modules is missing.'],
  checked: [],
  steps: [{ command: 'npm ci', why: 'The lockfile says what to install.', done: false }],
}
const NO_PNPM: TestReadiness = {
  ...READY,
  ready: false,
  problems: [],
  checked: [],
  steps: [],
  missing: [{ tool: 'pnpm', how: 'run `corepack enable pnpm` in a terminal (corepack comes with Node), or install pnpm' }],
  blocked: { reason: 'tool_missing', sentence: 'pnpm is not installed.' },
}
const FAILED: TestRunResult = {
  command: 'npm test',
  branch: 'gemba/2026-01-06-fix',
  exitCode: 1,
  durationMs: 2_340,
  outcome: 'failed',
  couldNotRun: null,
  outputTail: '',
  commit: 'c0ffee12345678',
  onChange: true,
  rerunOf: null,
  flaky: [],
  rerun: { command: "npm test -- -t '^(?:.* )?(?:greets in Welsh|greets twice)$'", filtered: true },
  summary: {
    failed: ['greets in Welsh', 'greets twice'],
    firstError: 'expected "Helo" to be "Hello"',
    counts: '2 failed, 8 passed',
    runner: 'vitest',
  },
}

function panel(readiness: TestReadiness = READY) {
  const run = deferred<TestRunResult>()
  const view = renderView(() => <TestsPanel repoId="r1" sessionId={null} draftId="draft-0001" applied />, {
    handlers: {
      'change.testCommand': () => ({ command: 'npm test', source: 'detected', from: 'the `test` job of .github/workflows/ci.yml' }),
      'change.testReadiness': () => readiness,
      'change.runTests': () => run.promise,
    },
  })
  return { ...view, run }
}

describe('TestsPanel', () => {
  it('shows the detected command and that the tests can run, before anything runs', async () => {
    const { fake } = panel()
    await expect.element(page.getByLabelText('Test command')).toHaveValue('npm test')
    await expect
      .element(page.getByText('The team’s own way, from the “test” job of .github/workflows/ci.yml.', { exact: false }))
      .toBeVisible()
    await expect.element(page.getByText('Ready to run: node_modules present (npm, package-lock.json).')).toBeVisible()
    expect(fake.inputs('change.runTests')).toEqual([])
  })

  it('runs on Run, streams the output, and sums up a failure above it: which tests, the first error, on this change', async () => {
    const { fake, run } = panel()
    await expect.element(page.getByLabelText('Test command')).toHaveValue('npm test')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect.element(page.getByText('Running…')).toBeVisible()
    expect(fake.inputs('change.runTests')).toEqual([{ repoId: 'r1', command: 'npm test', draftId: 'draft-0001' }])
    const callId = fake.calls.find((call) => call.name === 'change.runTests')!.options.callId!
    fake.emit('change.testOutput', { callId, repoId: 'r1', stream: 'stdout', text: 'FAIL greets in Welsh\n' })
    fake.emit('change.testOutput', { callId: 'another-call', repoId: 'r1', stream: 'stdout', text: 'not ours\n' })
    await expect.element(page.getByLabelText('Test output')).toMatchTextContent(/^FAIL greets in Welsh$/)
    run.resolve(FAILED)
    await expect
      .element(page.getByRole('status').filter({ hasText: 'Failed' }))
      .toMatchTextContent('Failed · exit code 1 · 2.3 s on this change (c0ffee1234)')
    const summary = page.getByRole('region', { name: 'What failed' })
    await expect.element(summary).toMatchTextContent(/2 failing tests · 2 failed, 8 passed · read from vitest’s output/)
    await expect.element(summary.getByRole('listitem')).toHaveLength(2)
    await expect.element(summary).toMatchTextContent('First error: expected "Helo" to be "Hello"')
  })

  it('stops a run on Stop: the call is cancelled', async () => {
    const { fake } = panel()
    await expect.element(page.getByLabelText('Test command')).toHaveValue('npm test')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await page.getByRole('button', { name: 'Stop' }).click()
    await expect.element(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled()
    expect(fake.calls.find((call) => call.name === 'change.runTests')!.options.signal?.aborted).toBe(true)
  })

  it('says when the tests cannot run here yet, and installs only when the leader presses the install step', async () => {
    const { fake } = panel(MISSING)
    const notice = page.getByRole('group', { name: 'Before the tests can run' })
    await expect.element(notice).toMatchTextContent(/node_modules is missing\./)
    await expect.element(notice).toMatchTextContent(/npm ci/)
    await expect.element(page.getByRole('button', { name: 'Run anyway' })).toBeEnabled()
    expect(fake.inputs('change.installDependencies')).toEqual([])
    await page.getByRole('button', { name: 'Run npm ci' }).click()
    await expect.poll(() => fake.inputs('change.installDependencies')).toEqual([{ repoId: 'r1', command: 'npm test' }])
  })

  it('names a missing tool with how to get it, offers no step that cannot work, and does not run', async () => {
    const { fake } = panel(NO_PNPM)
    const notice = page.getByRole('group', { name: 'Before the tests can run' })
    await expect.element(notice).toMatchTextContent(/pnpm is not installed\./)
    await expect.element(notice.getByRole('list', { name: 'Missing tools' })).toMatchTextContent(/corepack enable pnpm/)
    await expect.element(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled()
    expect(page.getByRole('button', { name: /^Run (pnpm|the)/ }).elements()).toEqual([])
    expect(fake.inputs('change.runTests')).toEqual([])
  })

  it('tells a run that could not run apart from a failure: its reason, no failing tests', async () => {
    const { run } = panel()
    await expect.element(page.getByLabelText('Test command')).toHaveValue('npm test')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    run.resolve({
      ...FAILED,
      exitCode: 127,
      outcome: 'could_not_run',
      couldNotRun: { reason: 'tool_missing', sentence: 'pnpm is not installed.' },
      summary: null,
    })
    await expect.element(page.getByRole('status').filter({ hasText: 'Could not run' })).toMatchTextContent(/^Could not run$/)
    await expect.element(page.getByRole('note', { name: 'Why the tests could not run' })).toMatchTextContent(/pnpm is not installed\./)
    expect(page.getByRole('region', { name: 'What failed' }).elements()).toEqual([])
    expect(page.getByText('Failed', { exact: true }).elements()).toEqual([])
  })

  it('offers to rerun only the failing tests, and marks those that pass on the rerun as flaky', async () => {
    const first = deferred<TestRunResult>()
    const second = deferred<TestRunResult>()
    const runs = [first, second]
    const view = renderView(() => <TestsPanel repoId="r1" sessionId="2026-01-06-w01-abc12" draftId="draft-0001" applied />, {
      handlers: {
        'change.testCommand': () => ({ command: 'npm test', source: 'detected', from: null }),
        'change.testReadiness': () => READY,
        'change.runTests': () => runs.shift()!.promise,
      },
    })
    await expect.element(page.getByLabelText('Test command')).toHaveValue('npm test')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    first.resolve(FAILED)
    await page.getByRole('button', { name: 'Rerun the 2 failing tests' }).click()
    await expect
      .poll(() => view.fake.inputs('change.runTests').at(-1))
      .toEqual({ repoId: 'r1', command: 'npm test', sessionId: '2026-01-06-w01-abc12', draftId: 'draft-0001', rerunFailing: true })
    second.resolve({
      ...FAILED,
      command: FAILED.rerun!.command,
      summary: { ...FAILED.summary!, failed: ['greets twice'] },
      rerunOf: { failed: ['greets in Welsh', 'greets twice'], filtered: true },
      flaky: ['greets in Welsh'],
    })
    const rerun = page.getByRole('region', { name: 'The rerun' })
    await expect.element(rerun).toMatchTextContent(/Reran 2 failing tests alone, by the runner’s filter\./)
    await expect
      .element(rerun.getByRole('note', { name: 'Flaky tests' }))
      .toMatchTextContent(/Flaky: 1 test failed, then passed on the rerun with the code unchanged — greets in Welsh\./)
  })
})
