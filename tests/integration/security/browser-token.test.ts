// Browser mode's token is the only thing between another local program (or a web page) and the
// leader's data: it must never be written to the log, nor echoed in any answer, whatever happens.
// (The refusals themselves — no token, wrong token, foreign Origin, rebinding Host, cross-site form
// post, non-loopback interface — are in tests/integration/transport/web.test.ts.)
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Dispatcher } from '../../../electron/core/dispatcher.ts'
import { FileLogger } from '../../../electron/services/log/file-logger.ts'
import { startWebServer, type WebServer } from '../../../electron/web.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

let test: TestBackend
let server: WebServer
let failing: WebServer
const seen: string[] = []

async function send(
  target: WebServer,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<void> {
  const res = await fetch(`${target.url}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
  })
  seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`)
}

beforeAll(async () => {
  test = await makeTestBackend()
  server = await startWebServer({ dispatcher: test.backend.dispatcher, hub: test.backend.hub, staticFolder: null })
  // A service that fails unexpectedly, with the request's own header in its message (a careless
  // error): the dispatcher logs it to the same logs/gemba.log.
  const log = new FileLogger(test.dataFolder)
  const careless = {
    info: async () => {
      throw new Error(`could not answer ${server.pageUrl} (Authorization: Bearer ${server.token})`)
    },
  }
  failing = await startWebServer({
    dispatcher: new Dispatcher({ system: careless as never }, test.backend.hub, log),
    hub: test.backend.hub,
    staticFolder: null,
  })
})

afterAll(async () => {
  await failing.close()
  await server.close()
  await test.cleanup()
})

describe('the browser-mode token', () => {
  it('is never in the log or in an answer after calls, refusals and failures', async () => {
    const auth = { Authorization: `Bearer ${server.token}` }
    await send(server, '/api/settings.get', { headers: auth, body: '{}' })
    await send(server, '/api/system.info', { headers: auth, body: '{}' })
    await send(server, '/api/channels', { method: 'GET', headers: auth })
    await send(server, '/api/settings.update', { headers: auth, body: JSON.stringify({ stepMinutes: { explore: 'ten' } }) })
    await send(server, '/api/settings.update', { headers: auth, body: `{"token": "${server.token}"` })
    await send(server, '/api/no.such', { headers: auth, body: '{}' })
    await send(server, '/api/settings.get', { headers: { Authorization: `Bearer ${server.token}x` }, body: '{}' })
    await send(server, '/api/settings.get', { headers: { ...auth, Origin: 'https://evil.example' }, body: '{}' })
    await send(server, `/api/settings.get?token=${server.token}`, { body: '{}' })
    await send(failing, '/api/system.info', { headers: { Authorization: `Bearer ${failing.token}` }, body: '{}' })

    expect(seen).toHaveLength(10)
    for (const answer of seen) {
      expect(answer).not.toContain(server.token)
      expect(answer).not.toContain(failing.token)
    }
    const log = await readFile(join(test.dataFolder, 'logs', 'gemba.log'), 'utf8')
    expect(log).toMatch(/Channel system\.info failed/)
    expect(log).not.toContain(server.token)
    expect(log).not.toContain(failing.token)
  })
})
