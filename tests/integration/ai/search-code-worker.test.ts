// A model's pattern that takes seconds per line (RE2 is linear, but its constant grows with the
// pattern: `.{0,1000}` eight times is thousands of states per character) on three 40 KB minified files:
// the search runs it in a worker killed at the call's wall-clock cap and says it stopped, while the
// backend keeps answering other calls within a second and its event loop keeps turning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchCode } from '../../../electron/services/ai/tools/search-code.ts'
import { gitTrackedFiles, workingTreeSnapshot } from '../../../electron/services/git/git-layer.ts'
import { SecretRedactor } from '../../../electron/services/secrets/secret-redactor.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

const PATHOLOGICAL = `${'.{0,1000}'.repeat(8)}\\d{4}`
const CAP_MS = 3_000

function minified(name: string): string {
  const chunk = `function ${name}(b,c){return b.map(function(d){return d+c*2})}var e=1,f="xyz";`
  return `${chunk.repeat(Math.ceil(40_000 / chunk.length)).slice(0, 40_000)}\n`
}

let repo: RepoBuilder
let test: TestBackend
beforeAll(async () => {
  repo = await buildRepo()
  await repo.files({ 'dist/a.min.js': minified('a'), 'dist/b.min.js': minified('b'), 'dist/c.min.js': minified('c') })
  await repo.commit('Minified bundles')
  test = await makeTestBackend()
})
afterAll(async () => {
  await test.cleanup()
  await repo.cleanup()
})

describe('search_code with a pathological pattern on minified lines', () => {
  it('stops at the wall-clock cap, and the backend answers other calls within a second meanwhile', async () => {
    let longestGap = 0
    let last = performance.now()
    const beat = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
    }, 25)
    const answerTimes: number[] = []
    let searching = true
    const otherCalls = (async () => {
      while (searching) {
        const asked = performance.now()
        const result = await test.backend.dispatcher.dispatch('system.info', {})
        expect(result.ok).toBe(true)
        answerTimes.push(performance.now() - asked)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    const started = performance.now()
    let result
    try {
      result = await searchCode(
        { snapshot: workingTreeSnapshot(repo.dir), redactor: new SecretRedactor(), listFiles: gitTrackedFiles(repo.dir) },
        { query: PATHOLOGICAL, is_regex: true },
        new AbortController().signal,
        { capMs: CAP_MS },
      )
    } finally {
      searching = false
      clearInterval(beat)
      await otherCalls
    }
    const took = performance.now() - started
    expect(answerTimes.length).toBeGreaterThan(3)
    expect(Math.max(...answerTimes)).toBeLessThan(1_000)
    expect(longestGap).toBeLessThan(1_000)
    expect(result.isError).toBe(false)
    expect(result.content).toMatch(/^No matches for .*\n\(stopped after 3 s; narrow the search/)
    // Killed at the cap, not when the pattern was done with the files.
    expect(took).toBeLessThan(CAP_MS + 5_000)
  }, 120_000)

  it('is cancelled with the call: the worker goes, the search answers at once', async () => {
    const controller = new AbortController()
    const search = searchCode(
      { snapshot: workingTreeSnapshot(repo.dir), redactor: new SecretRedactor(), listFiles: gitTrackedFiles(repo.dir) },
      { query: PATHOLOGICAL, is_regex: true },
      controller.signal,
      { capMs: 60_000 },
    )
    setTimeout(() => controller.abort(), 300)
    await expect(search).rejects.toThrow(/abort/i)
  }, 30_000)
})
