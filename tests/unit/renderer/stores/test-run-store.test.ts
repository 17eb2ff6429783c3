// The team's tests in the store: the detected command checked for readiness at once, the install run
// only when asked (its output followed by call id), and a run that names the change it is about.
import { describe, expect, it } from 'vitest'
import { createTestRunStore } from '../../../../renderer/stores/test-run-store.ts'
import type { InstallResult, TestReadiness } from '../../../../shared/models/change.ts'
import { deferred, fakeClient } from '../../../fixtures/fake-client.ts'

const NOT_READY: TestReadiness = {
  ecosystem: 'node',
  ready: false,
  problems: ['The dependencies are not installed (no node_modules).'],
  checked: [],
  steps: [{ command: 'npm ci', why: 'Installs them.', done: false }],
  missing: [],
  blocked: null,
  venv: null,
  pythonPath: null,
}
const READY: TestReadiness = {
  ...NOT_READY,
  ready: true,
  problems: [],
  steps: [{ command: 'npm ci', why: 'Installs them.', done: true }],
  checked: ['node_modules present (npm)'],
}

describe('the test-run store', () => {
  it('checks the detected command, installs only when asked, and runs on the change', async () => {
    const installing = deferred<InstallResult>()
    const fake = fakeClient({
      'change.testCommand': () => ({ command: 'npm test', source: 'detected', from: 'package.json’s `test` script' }),
      'change.testReadiness': () => NOT_READY,
      'change.installDependencies': () => installing.promise,
      'change.runTests': (input) => ({
        command: input.command,
        branch: 'gemba/x',
        exitCode: 0,
        durationMs: 10,
        outcome: 'passed',
        couldNotRun: null,
        outputTail: '',
        commit: 'abc',
        onChange: true,
        summary: null,
        rerunOf: null,
        flaky: [],
        rerun: null,
      }),
    })
    const store = createTestRunStore(fake.client)
    store.getState().open('r1', 's-000001')
    await expect.poll(() => store.getState().readiness).toEqual(NOT_READY)
    expect(store.getState().readinessFor).toBe('npm test')
    expect(fake.inputs('change.installDependencies')).toEqual([])

    const install = store.getState().installDependencies()
    const { callId } = store.getState()
    fake.emit('change.testOutput', { callId: callId!, repoId: 'r1', stream: 'stdout', text: 'added 12 packages' })
    fake.emit('change.testOutput', { callId: 'someone-else', repoId: 'r1', stream: 'stdout', text: 'not ours' })
    installing.resolve({
      steps: [{ command: 'npm ci', exitCode: 0, durationMs: 900, outcome: 'passed', couldNotRun: null }],
      outcome: 'passed',
      couldNotRun: null,
      outputTail: 'added 12 packages',
      readiness: READY,
    })
    await install
    expect(store.getState()).toMatchObject({ output: 'added 12 packages', readiness: READY, busy: null })
    expect(fake.inputs('change.installDependencies')).toEqual([{ repoId: 'r1', command: 'npm test', sessionId: 's-000001' }])

    await store.getState().runTests('draft-0001')
    expect(fake.inputs('change.runTests')).toEqual([{ repoId: 'r1', command: 'npm test', sessionId: 's-000001', draftId: 'draft-0001' }])
    expect(store.getState().run).toMatchObject({ onChange: true, outcome: 'passed' })
  })

  it('a readiness checked for another command is not shown as this one’s', async () => {
    const fake = fakeClient({
      'change.testCommand': () => ({ command: 'npm test', source: 'detected', from: 'package.json’s `test` script' }),
      'change.testReadiness': () => NOT_READY,
    })
    const store = createTestRunStore(fake.client)
    store.getState().open('r1', null)
    await expect.poll(() => store.getState().readiness).not.toBeNull()
    store.getState().setCommand('pytest')
    expect(store.getState().readinessFor).not.toBe(store.getState().command)
  })
})
