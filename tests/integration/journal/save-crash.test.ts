// Nothing lost: a process killed with SIGKILL at random points during 200 saves leaves the session's
// Markdown file and sidecar each either an old or a new version, always parseable.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseSessionMarkdown } from '../../../electron/services/journal/parse-session-markdown.ts'
import { JournalService } from '../../../electron/services/journal/journal-service.ts'
import { seededRandom } from '../../unit/electron/services/journal/fixtures/build-session-record.ts'
import { versionedRecord } from './versioned-record.ts'

const TOTAL_SAVES = 200
const FILE = '2026-11-24-week-03-payments-api.md'
const child = join(import.meta.dirname, 'save-loop-child.ts')

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gemba-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Runs the child from `from`, kills it after `acks` saves plus a random moment; answers the last version it acknowledged. */
function runUntilKilled(from: number, acks: number, delayMs: number): Promise<{ last: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const args = [child, join(root, 'journal'), join(root, 'cache'), join(root, 'pending'), String(from), String(TOTAL_SAVES)]
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let last = from - 1
    let seen = 0
    let errors = ''
    proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    proc.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        last = Number(line)
        seen += 1
        if (seen === acks) setTimeout(() => proc.kill('SIGKILL'), delayMs)
      }
    })
    proc.on('error', reject)
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ last, finished: code === 0 })
      else reject(new Error(`child failed (${code}): ${errors}`))
    })
  })
}

async function versionOnDisk(): Promise<{ markdown: number; sidecar: number }> {
  const text = await readFile(join(root, 'journal', FILE), 'utf8')
  const parsed = parseSessionMarkdown(text, FILE)
  if (!parsed.ok) throw new Error(parsed.problem.message)
  const markdown = parsed.record.effort.estimateMinutes ?? -1
  const expected = versionedRecord(markdown)
  expect(parsed.record).toEqual({ ...expected, transcript: [] })
  const sidecar = JSON.parse(await readFile(join(root, 'journal', FILE.replace('.md', '.json')), 'utf8'))
  const sidecarVersion = Number(/saved version (\d+)/.exec(sidecar.transcript.at(-1).text)?.[1])
  expect(sidecar.transcript).toEqual(versionedRecord(sidecarVersion).transcript)
  return { markdown, sidecar: sidecarVersion }
}

describe('saving under SIGKILL', () => {
  it(`leaves every file an old or new version, never torn, across ${TOTAL_SAVES} saves`, { timeout: 240_000 }, async () => {
    const random = seededRandom(20261124)
    let next = 1
    let kills = 0
    while (next <= TOTAL_SAVES) {
      const acks = 1 + Math.floor(random() * 25)
      const { last, finished } = await runUntilKilled(next, acks, Math.floor(random() * 6))
      if (last < 1) continue // killed before the first save: nothing to check yet
      kills += finished ? 0 : 1
      const onDisk = await versionOnDisk()
      // The acknowledged version, or the one being written when the kill came.
      expect([last, last + 1]).toContain(onDisk.markdown)
      expect([last, last + 1]).toContain(onDisk.sidecar)
      next = Math.max(last, onDisk.markdown) + 1
    }
    expect(kills).toBeGreaterThan(3)
    const service = new JournalService({
      journalFolder: join(root, 'journal'),
      createJournalFolder: false,
      cacheFolder: join(root, 'cache'),
      pendingFolder: join(root, 'pending'),
      // Two hours on: temp files left by the killed writes are stale and swept away.
      now: () => new Date(Date.now() + 2 * 60 * 60 * 1000),
    })
    const listed = await service.list({}, new AbortController().signal)
    expect(listed.entries.map((entry) => entry.id)).toEqual(['session-0001'])
    expect(listed.problemCount).toBe(0)
    expect((await readdir(join(root, 'journal'))).sort()).toEqual([FILE, FILE.replace('.md', '.json')].sort())
  })
})
