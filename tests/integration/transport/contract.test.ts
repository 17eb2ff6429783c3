// One contract, two transports: the same calls through Electron IPC (bound to a stand-in ipcMain)
// and through the HTTP bridge give the same answers, valid or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../electron/web.ts'
import type { TransportResult } from '../../../shared/transport.ts'
import { invokeThroughIpc } from '../../fixtures/ipc-harness.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

let test: TestBackend
let server: WebServer
let viaIpc: (name: string, input: unknown) => Promise<TransportResult>

beforeAll(async () => {
  test = await makeTestBackend()
  server = await startWebServer({ dispatcher: test.backend.dispatcher, hub: test.backend.hub, staticFolder: null })
  viaIpc = invokeThroughIpc(test.backend)
})

afterAll(async () => {
  await server.close()
  await test.cleanup()
})

async function viaHttp(name: string, input: unknown): Promise<TransportResult> {
  const response = await fetch(`${server.url}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  const body = (await response.json()) as { error?: TransportResult extends { error: infer E } ? E : never }
  return response.ok ? { ok: true, value: body } : { ok: false, error: body.error! }
}

const CASES: readonly [string, unknown][] = [
  ['system.info', {}],
  ['settings.get', {}],
  ['settings.update', { stepMinutes: { explore: 20, diagram: 10, change: 20, reflect: 10 } }],
  ['settings.update', { stepMinutes: { explore: 0 } }],
  ['settings.update', { unexpected: true }],
  ['settings.setApiKey', { key: 'short' }],
  ['settings.dismissNotice', { code: 'nope' }],
  ['system.cancel', { callId: 'not-running' }],
  ['no.such', {}],
]

describe('the same channel through both transports', () => {
  it.each(CASES)('%s %j', async (name, input) => {
    const [ipc, http] = [await viaIpc(name, input), await viaHttp(name, input)]
    expect(ipc.ok).toBe(http.ok)
    expect(ipc).toEqual(http)
  })
})
