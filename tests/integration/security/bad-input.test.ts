// Every channel of the contract, through both transports, under bad input: wrong types, missing
// fields, huge strings, path traversal, prototype-pollution keys and random JSON. Each call must be
// refused (never an internal error), the backend must stay up, and nothing outside the data folder
// and the chosen repository may change.
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../electron/web.ts'
import { listChannels } from '../../../shared/api.ts'
import type { TransportResult } from '../../../shared/transport.ts'
import { invokeThroughIpc } from '../../fixtures/ipc-harness.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

let sandbox: string
let test: TestBackend
let server: WebServer
let repo: RepoBuilder
let viaIpc: (name: string, input: unknown) => Promise<TransportResult>

const TRAVERSALS = [
  '../outside/secret.txt',
  '../../../../etc/passwd',
  '/etc/passwd',
  '..\\..\\outside',
  '%2e%2e%2foutside',
  'a\u0000b',
  '~/.ssh/id_rsa',
  'C:\\Windows\\system32',
]
const HUGE = 'x'.repeat(1_000_000)

async function snapshot(folder: string): Promise<string> {
  const entries = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
  const hash = createHash('sha256')
  for (const entry of entries.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = join(entry.parentPath, entry.name)
    hash.update(path).update(await readFile(path))
  }
  return hash.digest('hex')
}

async function viaHttp(name: string, body: string): Promise<{ status: number; result: TransportResult }> {
  const response = await fetch(`${server.url}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body,
  })
  const parsed = (await response.json()) as { error?: { code: string; message: string } }
  return { status: response.status, result: response.ok ? { ok: true, value: parsed } : { ok: false, error: parsed.error as never } }
}

/** Bad inputs for a channel: generic ones, plus each string field of a valid-looking shape replaced. */
function badInputs(): unknown[] {
  const polluted = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown
  return [
    null,
    42,
    'a string',
    [1, 2, 3],
    true,
    { unexpected: 'field' },
    polluted,
    { id: HUGE },
    { path: HUGE },
    ...TRAVERSALS.map((path) => ({ path, id: path, repoId: path, folder: path, destination: path, sessionId: path, fileName: path })),
    { id: 42, path: [], repoId: {}, sessionId: null },
  ]
}

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'gemba-fuzz-'))
  await mkdir(join(sandbox, 'outside'))
  await writeFile(join(sandbox, 'outside', 'secret.txt'), 'must not change')
  test = await makeTestBackend({}, join(sandbox, 'data'))
  repo = await buildRepo()
  await repo.files({ 'README.md': '# Fuzz\n', 'src/a.ts': 'export const a = 1\n' })
  await repo.commit('Start')
  const added = await test.backend.dispatcher.dispatch('repos.add', { path: repo.dir })
  expect(added.ok).toBe(true)
  server = await startWebServer({ dispatcher: test.backend.dispatcher, hub: test.backend.hub, staticFolder: null })
  viaIpc = invokeThroughIpc(test.backend)
}, 60_000)

afterAll(async () => {
  await server.close()
  await test.cleanup()
  await repo.cleanup()
  await rm(sandbox, { recursive: true, force: true })
})

describe('every channel under bad input', () => {
  const channels = listChannels().filter((entry) => entry.name !== 'system.pickFolder')

  it.each(channels.map((entry) => entry.name))('%s refuses malformed input through both transports', async (name) => {
    const outsideBefore = await snapshot(join(sandbox, 'outside'))
    const repoBefore = await snapshot(repo.dir)
    for (const input of badInputs()) {
      const ipc = await viaIpc(name, input)
      const http = await viaHttp(name, JSON.stringify(input))
      for (const result of [ipc, http.result]) {
        if (!result.ok) expect(result.error.code, `${name} ${JSON.stringify(input).slice(0, 80)}`).not.toBe('internal')
      }
      expect(http.status).not.toBe(500)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await snapshot(join(sandbox, 'outside'))).toBe(outsideBefore)
    expect(await snapshot(repo.dir)).toBe(repoBefore)
  })

  it('answers random JSON on random channels with data, never a crash', async () => {
    const names = channels.map((entry) => entry.name)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.jsonValue(), async (name, input) => {
        const result = await viaIpc(name, input)
        if (!result.ok) expect(result.error.code).not.toBe('internal')
      }),
      { numRuns: 300 },
    )
    expect((await viaHttp('system.info', '{}')).status).toBe(200)
    expect(await readFile(join(sandbox, 'outside', 'secret.txt'), 'utf8')).toBe('must not change')
  })

  it('refuses a body that is not JSON, on every channel', async () => {
    for (const entry of channels) {
      const response = await fetch(`${server.url}/api/${entry.name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: '{"unterminated": ',
      })
      expect(response.status).toBe(400)
    }
  })
})
