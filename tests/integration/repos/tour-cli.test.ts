// The tour CLI ends within a second of Ctrl-C in any phase of a scan, with exit code 130, even in the
// phases that never look at a cancel (identity merging over a 30,000-line .mailmap, module finding,
// ranking): the scan runs in a worker thread, which is stopped.
import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticRepo } from '../../bench/synthetic-repo.ts'
import { makeTempFolder } from '../../fixtures/repo-builder.ts'

const CLI = fileURLToPath(new URL('../../../electron/tour-cli.ts', import.meta.url))
let repo: string
let cache: string
beforeAll(async () => {
  repo = await syntheticRepo({ scale: 1, commits: 1500, mailmapLines: 30_000 })
  cache = await makeTempFolder()
}, 120_000)
afterAll(() => rm(cache, { recursive: true, force: true }))

/** Starts a cold tour, sends SIGINT once `phase` starts: how long the CLI then took to end, and how. */
function interruptAt(phase: string): Promise<{ code: number | null; ms: number; stderr: string }> {
  const child = spawn(process.execPath, [CLI, repo, '--force', '--progress'], {
    env: { ...process.env, XDG_CACHE_HOME: cache },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  let sent = 0
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
      if (!sent && stderr.split('\n').includes(phase)) {
        sent = performance.now()
        child.kill('SIGINT')
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, ms: sent ? performance.now() - sent : Infinity, stderr }))
  })
}

describe('npm run tour', () => {
  for (const phase of ['files', 'parse', 'manifests', 'modules', 'rank']) {
    it(`ends within a second of Ctrl-C once the ${phase} phase has started`, async () => {
      const ended = await interruptAt(phase)
      expect(ended.stderr).toContain('gemba tour: cancelled.')
      expect(ended.code).toBe(130)
      expect(ended.ms).toBeLessThan(1000)
    }, 120_000)
  }
})
