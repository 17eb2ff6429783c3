// Everything that starts, stops: disposing the backend (Gemba quitting) aborts the calls under way,
// stops the working-tree watch and kills the team's test run with its whole process group, then
// refuses new calls. A real backend over a real repository; the test run is a real process.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DispatchResult } from '../../../electron/core/dispatcher.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

let test: TestBackend | undefined
let repo: RepoBuilder | undefined
afterEach(async () => {
  await test?.cleanup()
  await repo?.cleanup()
})

function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

describe.skipIf(process.platform !== 'linux')('disposing the backend', () => {
  it('stops the watch and the test run (its process group killed), and refuses calls after', async () => {
    test = await makeTestBackend()
    repo = await buildRepo()
    await repo.files({ 'README.md': '# Tiny\n' })
    await repo.commit('initial')
    const { dispatcher } = test.backend
    const added = await dispatcher.dispatch('repos.add', { path: repo.dir })
    const repoId = (added as Extract<DispatchResult, { ok: true }>).value as { id: string }
    const pidFile = join(repo.dir, '.sleeper')
    const events: string[] = []
    test.backend.hub.subscribe((envelope) => events.push(envelope.event))

    const watch = dispatcher.dispatch('change.watchWorkingTree', { repoId: repoId.id })
    const tests = dispatcher.dispatch('change.runTests', { repoId: repoId.id, command: `sleep 60 & echo $! > .sleeper; wait` })
    await vi.waitFor(() => expect(events).toContain('change.workingTree'))
    const sleeper = await vi.waitFor(async () => {
      const pid = Number((await readFile(pidFile, 'utf8')).trim())
      expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toContain('(sleep)')
      return pid
    })
    expect(dispatcher.size).toBe(2)

    await test.backend.dispose()
    expect(dispatcher.size).toBe(0)
    expect(await watch).toMatchObject({ ok: true, value: { stopped: true } })
    expect(await tests).toMatchObject({
      ok: true,
      value: { outcome: 'could_not_run', couldNotRun: { reason: 'cancelled' }, exitCode: null },
    })
    await vi.waitFor(() => expect(running(sleeper)).toBe(false))
    expect(await dispatcher.dispatch('system.info', {})).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: 'Gemba is closing.' },
    })
  })
})
