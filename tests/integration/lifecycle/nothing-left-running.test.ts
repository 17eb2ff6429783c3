// Everything that starts, stops, and what was asked for is written: with a scan done, a working-tree
// watch and a test run going (a real process group), usage records still in the sessions' write queue
// and a session on its way into the journal, disposing the backend leaves the process as it found it
// (its active handles, timers and threads) and everything asked for on disk.
import { pbkdf2 } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DispatchResult } from '../../../electron/core/dispatcher.ts'
import type { Session } from '../../../shared/models/sessions.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

let test: TestBackend | undefined
let repo: RepoBuilder | undefined
afterEach(async () => {
  await test?.cleanup()
  await repo?.cleanup()
})

/** How many of each kind of resource keeps the event loop alive (handles, requests, timers). */
function resources(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  return counts
}

/** The kinds of which there are more now than in `before`. */
function moreThan(before: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...resources()].filter(([kind, count]) => count > (before.get(kind) ?? 0)))
}

const threads = () => readdirSync('/proc/self/task').length

function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

function valueOf<T>(result: DispatchResult): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}

describe.skipIf(process.platform !== 'linux')('disposing the backend', () => {
  it('leaves no handle, timer, thread or process behind, and writes what was queued', async () => {
    repo = await buildRepo()
    await repo.files({ 'README.md': '# Tiny\n', 'src/greet.js': 'export const greet = (name) => `Hello ${name}`\n' })
    await repo.commit('initial')
    // The thread pool and the test runner's own handles are there before the backend: the baseline.
    await new Promise((resolve) => pbkdf2('a', 'b', 1, 8, 'sha256', resolve))
    const before = resources()
    const threadsBefore = threads()

    test = await makeTestBackend()
    const { dispatcher, sessions } = test.backend
    const { id: repoId } = valueOf<{ id: string }>(await dispatcher.dispatch('repos.add', { path: repo.dir }))
    valueOf(await dispatcher.dispatch('repos.scan', { id: repoId }))
    const { session } = valueOf<{ session: Session }>(await dispatcher.dispatch('sessions.start', { repoId }))
    const events: string[] = []
    test.backend.hub.subscribe((envelope) => events.push(envelope.event))
    const watch = dispatcher.dispatch('change.watchWorkingTree', { repoId })
    const run = dispatcher.dispatch('change.runTests', { repoId, command: 'sleep 60 & echo $! > .sleeper; wait' })
    await vi.waitFor(() => expect(events).toContain('change.workingTree'))
    const sleeper = await vi.waitFor(async () => {
      const pid = Number((await readFile(join(repo!.dir, '.sleeper'), 'utf8')).trim())
      expect(alive(pid)).toBe(true)
      return pid
    })
    expect(moreThan(before)).toMatchObject({ FSEventWrap: expect.any(Number), ProcessWrap: 1 })

    // Work that is no call's: the session's usage, recorded where each request is made, and finishing
    // the session as the sessions domain does it. Both are still in the write queues when Gemba quits.
    const spending = sessions.spending.open({ sessionId: session.id, key: 'quit' })
    const recorded = Array.from({ length: 40 }, () =>
      spending.record({ inputTokens: 100, cacheWriteTokens: 0, cacheReadTokens: 0, outputTokens: 10 }, 0.01),
    )
    const finishing = sessions.finish({ id: session.id }, new AbortController().signal)

    await test.backend.dispose()

    const saved = JSON.parse(await readFile(join(test.dataFolder, 'sessions', `${session.id}.json`), 'utf8')) as Session
    expect(saved.status).toBe('finished')
    expect(saved.usage.costUsd).toBeCloseTo(0.4, 5)
    expect(saved.journalPath).not.toBeNull()
    expect(await readFile(saved.journalPath!, 'utf8')).toContain(session.theme)
    await expect(finishing).resolves.toMatchObject({ journalPath: saved.journalPath })
    expect((await Promise.all(recorded)).at(-1)?.spentUsd).toBeCloseTo(0.4, 5)
    expect(await watch).toMatchObject({ ok: true, value: { stopped: true } })
    expect(await run).toMatchObject({ ok: true, value: { outcome: 'could_not_run', couldNotRun: { reason: 'cancelled' } } })

    expect(alive(sleeper)).toBe(false)
    // A close already asked for (a CloseReq) completes on its own within a few turns of the loop (vi.waitFor
    // would add timers of its own to what is counted).
    for (let turn = 0; turn < 100 && Object.keys(moreThan(before)).length > 0; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(moreThan(before)).toEqual({})
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(threadsBefore))
    await expect(sessions.today({})).resolves.toBeDefined()
    await expect(sessions.heartbeat({ id: session.id }, new AbortController().signal)).rejects.toMatchObject({ code: 'cancelled' })
  })
})
