// The browser-mode transport, over real HTTP on 127.0.0.1: the contract, calls, events, and the
// refusals that keep other sites and other machines out.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../electron/web.ts'
import { listChannels } from '../../../shared/api.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

let test: TestBackend
let server: WebServer
let staticFolder: string

/** A raw request, so tests can send any Host/Origin header (fetch forbids setting Host). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: options.host ?? `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${server.token}` })
const call = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${channel}`, {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  })

beforeAll(async () => {
  test = await makeTestBackend()
  staticFolder = await mkdtemp(join(tmpdir(), 'gemba-static-'))
  await mkdir(join(staticFolder, 'assets'))
  await writeFile(join(staticFolder, 'index.html'), '<!doctype html><title>Gemba</title>')
  await writeFile(join(staticFolder, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(test.dataFolder, 'outside.txt'), 'not for the web')
  server = await startWebServer({ dispatcher: test.backend.dispatcher, hub: test.backend.hub, staticFolder })
})

afterAll(async () => {
  await server.close()
  await test.cleanup()
  await rm(staticFolder, { recursive: true, force: true })
})

describe('browser-mode API', () => {
  it('listens on loopback only, with the token in the page URL fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.pageUrl).toBe(`${server.url}/#token=${server.token}`)
    expect(server.token.length).toBeGreaterThanOrEqual(40)
  })

  it('lists every channel of the contract with its input as JSON Schema', async () => {
    const res = await raw('/api/channels', { headers: auth() })
    expect(res.status).toBe(200)
    const body = JSON.parse(res.body) as { channels: { name: string; description: string; input: { type?: string } }[] }
    expect(body.channels.map((channel) => channel.name)).toEqual(listChannels().map((entry) => entry.name))
    const update = body.channels.find((channel) => channel.name === 'settings.update')
    expect(update?.description).toMatch(/saves/)
    expect(update?.input).toMatchObject({ type: 'object', properties: { schedule: { type: 'object' } } })
  })

  it('answers an over-limit body with 413 and the limit, not a reset', async () => {
    const res = await call('settings.get', { pad: 'x'.repeat(9 * 1024 * 1024) })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'invalid_input', message: 'The request is too large: the limit is 8 MB.' } })
    // The server is still there.
    expect((await call('settings.get', {})).status).toBe(200)
  })

  it('answers a malformed address with 400, not a 500', async () => {
    const res = await raw('/api/%E0%A4%A', { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error.message).toMatch(/broken %-escape/)
  })

  it('calls a channel with a JSON body and answers JSON', async () => {
    const folder = join(test.dataFolder, 'journal-x')
    await mkdir(folder)
    const res = await call('settings.update', { journalFolder: folder })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ journalFolder: folder, journalFolderInUse: folder })
  })

  it('answers bad input with a clear validation error, and stays up', async () => {
    const wrong = await call('settings.update', { stepMinutes: { explore: 'ten' } })
    expect(wrong.status).toBe(400)
    expect(JSON.parse(wrong.body)).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringMatching(/stepMinutes\.explore/) },
    })
    const notJson = await raw('/api/settings.get', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: '{nope',
    })
    expect(notJson.status).toBe(400)
    const unknown = await call('nothing.here', {})
    expect(unknown.status).toBe(404)
    expect((await call('system.info', {})).status).toBe(200)
  })

  it('streams events as server-sent events', async () => {
    const controller = new AbortController()
    const response = await fetch(`${server.url}/api/events`, { headers: auth(), signal: controller.signal })
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    await reader.read()
    await call('settings.update', { stepMinutes: { explore: 20, diagram: 10, change: 25, reflect: 10 } })
    let text = ''
    while (!text.includes('settings.changed')) text += (await reader.read()).value ?? ''
    expect(text).toContain('event: settings.changed\ndata: {}')
    controller.abort()
  })
})

describe('browser-mode refusals', () => {
  it('refuses /api requests without the token, or with a wrong one (401)', async () => {
    expect((await raw('/api/channels')).status).toBe(401)
    expect((await raw('/api/channels', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401)
    expect((await raw('/api/channels', { headers: { Authorization: `Bearer ${server.token}x` } })).status).toBe(401)
    expect((await raw('/api/events')).status).toBe(401)
  })

  it('refuses a foreign Origin even with the token (403)', async () => {
    const res = await call('settings.get', {}, { Origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect((await call('settings.get', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200)
    expect((await call('settings.get', {}, { Origin: `http://localhost:${server.port}` })).status).toBe(200)
  })

  it('refuses a rebinding Host header, for the API and the page (403)', async () => {
    expect((await raw('/api/channels', { headers: auth(), host: `evil.example:${server.port}` })).status).toBe(403)
    expect((await raw('/', { host: 'attacker.test' })).status).toBe(403)
  })

  it('refuses a cross-site form post', async () => {
    const res = await raw('/api/settings.update', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      body: 'journalFolder=/tmp/pwned',
    })
    expect(res.status).toBe(403)
    const sameOriginForm = await raw('/api/settings.update', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(sameOriginForm.status).toBe(415)
  })

  it('is not reachable over a non-loopback interface', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal)
    if (!external) return
    await expect(fetch(`http://${external.address}:${server.port}/api/channels`, { headers: auth() })).rejects.toThrow()
  })
})

describe('the page', () => {
  it('is served with a strict Content-Security-Policy and no-sniff', async () => {
    const res = await raw('/')
    expect(res.status).toBe(200)
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/)
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-eval/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect((await raw('/assets/app.js')).body).toBe('console.log(1)')
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/%00.js']) {
      const res = await raw(path)
      expect(res.body).not.toContain('not for the web')
    }
  })

  it('falls back to the app page for screen routes', async () => {
    expect((await raw('/journal')).body).toContain('<title>Gemba</title>')
  })
})

describe('closing', () => {
  it('closes promptly even while a call is still running', async () => {
    const hub = test.backend.hub
    let markStarted: () => void = () => undefined
    const started = new Promise<void>((resolve) => (markStarted = resolve))
    const slow = {
      info: (_input: unknown, ctx: { signal: AbortSignal }) => {
        markStarted()
        return new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve({ aborted: true })))
      },
    }
    const { Dispatcher } = await import('../../../electron/core/dispatcher.ts')
    const dispatcher = new Dispatcher({ system: slow as never }, hub, {
      error: () => undefined,
      warn: () => undefined,
      info: () => undefined,
    })
    const other = await startWebServer({ dispatcher, hub, staticFolder: null })
    const pending = fetch(`${other.url}/api/system.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    }).catch(() => 'connection closed')
    await started
    await other.close()
    expect(await pending).toBe('connection closed')
  })
})

describe('browser mode: a page’s calls end with the page', () => {
  it('cancels the calls of a page whose event stream drops and stays gone, and only that page’s; a blip cancels nothing', async () => {
    const { EventHub } = await import('../../../electron/core/event-hub.ts')
    const { Dispatcher } = await import('../../../electron/core/dispatcher.ts')
    const hub = new EventHub()
    const started = new Map<string, () => void>()
    const waits = {
      info: (_input: unknown, ctx: { signal: AbortSignal; callId: string }) =>
        new Promise<never>((_resolve, reject) => {
          started.get(ctx.callId)?.()
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))
        }),
    }
    const dispatcher = new Dispatcher({ system: waits as never }, hub, {
      error: () => undefined,
      warn: () => undefined,
      info: () => undefined,
    })
    const other = await startWebServer({ dispatcher, hub, staticFolder: null, clientGraceMs: 300 })
    const headers = (client: string) => ({ Authorization: `Bearer ${other.token}`, 'X-Gemba-Client': client })
    const callAs = async (client: string, callId: string) => {
      const running = new Promise<void>((resolve) => started.set(callId, resolve))
      const answer = fetch(`${other.url}/api/system.info`, {
        method: 'POST',
        headers: { ...headers(client), 'Content-Type': 'application/json', 'X-Gemba-Call-Id': callId },
        body: '{}',
      })
      await running
      return { answer }
    }
    try {
      const pageA = new AbortController()
      const pageB = new AbortController()
      const streamA = await fetch(`${other.url}/api/events`, { headers: headers('page-a'), signal: pageA.signal })
      const streamB = await fetch(`${other.url}/api/events`, { headers: headers('page-b'), signal: pageB.signal })
      const callA = await callAs('page-a', 'call-a')
      const callB = await callAs('page-b', 'call-b')
      expect(streamA.ok && streamB.ok).toBe(true)
      // A blip: page B's stream drops and reconnects at once; its call goes on.
      pageB.abort()
      const pageB2 = new AbortController()
      await fetch(`${other.url}/api/events`, { headers: headers('page-b'), signal: pageB2.signal })
      pageA.abort()
      const answerA = await callA.answer
      expect(answerA.status).toBe(422)
      expect(await answerA.json()).toMatchObject({ error: { code: 'cancelled' } })
      expect(dispatcher.size).toBe(1)
      // The other page's call is still running until that page goes too.
      pageB2.abort()
      expect(await (await callB.answer).json()).toMatchObject({ error: { code: 'cancelled' } })
      expect(dispatcher.size).toBe(0)
    } finally {
      await other.close()
    }
  })
})
