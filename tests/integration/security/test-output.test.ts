// The team's test run, when its output quotes credentials (a failing test printing a config, a fixture
// with a token): what the session and journal keep is redacted like anything sent to Claude; the live
// stream goes to the leader's own screen only and stays whole.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { recordedProgress } from '../../fixtures/recorded-progress.ts'
import { makeHarness, type Harness } from '../change/harness.ts'
import { PLANTED } from '../ai/planted-secrets.ts'

let h: Harness
beforeAll(async () => {
  h = await makeHarness({ baseUrl: null })
  const report = [
    'TAP version 13',
    'not ok 1 - loads the config',
    '  ---',
    ...PLANTED.map((planted) => planted.line),
    '  ...',
    '# fail 1',
    '',
  ]
  await h.repo.write('test-report.txt', report.join('\n'))
})
afterAll(() => h.cleanup())

it('keeps the run in the session with every planted secret redacted, the rest of the output intact', async () => {
  const ctx = recordedProgress()
  const run = await h.service.runTests(
    { repoId: h.repoId, command: 'cat test-report.txt; exit 1', sessionId: 'session-0001' },
    new AbortController().signal,
    ctx,
  )
  expect(run.outcome).toBe('failed')

  const kept = h.recorded.find((entry) => entry.sessionId === 'session-0001' && 'testRun' in entry.patch)?.patch.testRun as {
    outputTail: string
    exitCode: number
  }
  expect(kept.exitCode).toBe(1)
  for (const planted of PLANTED) for (const part of planted.secret.split('\n')) expect(kept.outputTail).not.toContain(part)
  expect(kept.outputTail.match(/\[redacted by Gemba: /g)?.length).toBeGreaterThanOrEqual(PLANTED.length)
  expect(kept.outputTail).toContain('not ok 1 - loads the config')
  expect(kept.outputTail).toContain('# fail 1')

  const live = ctx.events
    .filter(([name]) => name === 'change.testOutput')
    .map(([, payload]) => (payload as { text: string }).text)
    .join('')
  expect(live).toContain(PLANTED[0]!.secret)
})
