// Browser mode's transport: the same channels as IPC, over HTTP on 127.0.0.1 only. Every /api
// request needs the per-launch bearer token; Host and Origin must name our own loopback origin
// (DNS-rebinding and cross-site safe). Serves the built renderer with a strict CSP. A page names
// itself in X-Gemba-Client on its calls and its event stream: when that stream drops and does not
// come back within a few seconds (the page was closed, not a blip), its calls are cancelled. Never
// logs the token, and imports nothing from 'electron'.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { listChannels } from '../shared/api.ts'
import type { GembaErrorData } from '../shared/errors.ts'
import { CONTENT_SECURITY_POLICY } from './core/csp.ts'
import type { Dispatcher } from './core/dispatcher.ts'
import type { EventHub } from './core/event-hub.ts'
import { staticFile } from './core/static-files.ts'

export interface WebServerOptions {
  readonly dispatcher: Dispatcher
  readonly hub: EventHub
  /** The built renderer (out/renderer); null serves the API only. */
  readonly staticFolder: string | null
  readonly port?: number
  /** Defaults to a fresh random token. */
  readonly token?: string
  readonly maxBodyBytes?: number
  /** How long a page's event stream may be gone before its calls are cancelled (default 5 s). */
  readonly clientGraceMs?: number
}

export interface WebServer {
  readonly url: string
  /** The URL to open: carries the token in the fragment, which browsers never send to a server. */
  readonly pageUrl: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  invalid_input: 400,
  unknown_channel: 404,
  not_found: 404,
  internal: 500,
  unavailable: 503,
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const tokenBytes = Buffer.from(`Bearer ${token}`)
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024
  const streams = new Set<ServerResponse>()
  const clients = clientSignals(options.clientGraceMs)
  let port = 0

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  const server: Server = createServer((req, res) => {
    baseHeaders(res)
    if (!allowedHosts().has(req.headers.host ?? '')) return sendError(res, 403, 'forbidden_host', 'This address is not Gemba’s.')
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendError(res, 403, 'forbidden_origin', 'Requests from other sites are refused.')
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      return sendError(res, 403, 'forbidden_origin', 'Requests from other sites are refused.')
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === '/api' || path.startsWith('/api/')) {
      let route: string
      try {
        route = decodeURIComponent(path.slice('/api/'.length))
      } catch {
        return sendError(res, 400, 'invalid_input', 'The address is not valid: it has a broken %-escape.')
      }
      if (!authorised(req.headers.authorization, tokenBytes)) {
        res.setHeader('WWW-Authenticate', 'Bearer')
        return sendError(res, 401, 'unauthorised', 'A valid token is required.')
      }
      return void handleApi(req, res, route).catch(() => {
        if (!res.headersSent) sendError(res, 500, 'internal', 'Something went wrong inside Gemba.')
        else res.end()
      })
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method', 'Not allowed.')
    void serveStatic(res, path).catch(() => sendError(res, 500, 'internal', 'Could not read that file.'))
  })

  async function handleApi(req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store')
    if (route === 'channels' && req.method === 'GET') return sendJson(res, 200, describeChannels())
    if (route === 'events' && req.method === 'GET') return openEventStream(req, res)
    if (req.method !== 'POST') return sendError(res, 405, 'method', 'Use POST to call a channel.')
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendError(res, 415, 'invalid_input', 'Send the input as application/json.')
    }
    const body = await readBody(req, maxBody)
    if (body === 'too_large') {
      res.setHeader('Connection', 'close')
      return sendError(res, 413, 'invalid_input', `The request is too large: the limit is ${formatBytes(maxBody)}.`)
    }
    let input: unknown
    try {
      input = body.length === 0 ? {} : JSON.parse(body)
    } catch {
      return sendError(res, 400, 'invalid_input', 'The request body is not valid JSON.')
    }
    const abort = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) abort.abort()
    })
    const callId = headerId(req, 'x-gemba-call-id')
    const client = clients.enter(headerId(req, 'x-gemba-client'))
    const result = await options.dispatcher
      .dispatch(route, input, { signal: AbortSignal.any([abort.signal, client.signal]), ...(callId ? { callId } : {}) })
      .finally(client.leave)
    if (result.ok) return sendJson(res, 200, result.value)
    return sendJson(res, STATUS_BY_CODE[result.error.code] ?? 422, { error: result.error })
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    streams.add(res)
    const client = clients.watch(headerId(req, 'x-gemba-client'))
    const unsubscribe = options.hub.subscribe(({ event, payload }) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
    })
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000)
    req.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      streams.delete(res)
      client.close()
    })
  }

  async function serveStatic(res: ServerResponse, urlPath: string): Promise<void> {
    if (!options.staticFolder) return sendError(res, 404, 'not_found', 'Not found.')
    // Screens are addressed without an extension; they are all the one page (core/static-files.ts).
    const file = staticFile(options.staticFolder, urlPath, { pageForRoutes: true })
    if ('refused' in file)
      return file.refused === 'malformed'
        ? sendError(res, 400, 'invalid_input', 'Bad path.')
        : sendError(res, 404, 'not_found', 'Not found.')
    const info = await stat(file.path).catch(() => undefined)
    if (!info?.isFile()) return sendError(res, 404, 'not_found', 'Not found.')
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': info.size,
      'Cache-Control': file.relative === 'index.html' ? 'no-store' : 'private, max-age=3600',
      ...(file.type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
    })
    createReadStream(file.path).pipe(res)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    pageUrl: `${url}/#token=${token}`,
    port,
    token,
    async close() {
      for (const stream of streams) stream.end()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Long calls (a working-tree watch, an AI stream) would otherwise hold close() open forever.
      server.closeAllConnections()
      await closed
    },
  }
}

/** An id header (call, client) when well formed; anything else is ignored. */
function headerId(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return typeof value === 'string' && /^[\w-]{1,100}$/.test(value) ? value : undefined
}

interface Client {
  calls: number
  streams: number
  readonly controller: AbortController
  /** Set while the page has no event stream: when it fires, the page is taken as gone. */
  gone?: ReturnType<typeof setTimeout> | undefined
}

/**
 * The pages that call us, by the id each sends: a page's calls share one signal, aborted when its
 * last event stream has been closed for `graceMs` (the tab was closed or reloaded; a stream that
 * reconnects sooner was a blip). Forgotten once nothing of it is open.
 */
export function clientSignals(graceMs = 5_000) {
  const clients = new Map<string, Client>()
  const open = (id: string): Client => {
    const client = clients.get(id) ?? { calls: 0, streams: 0, controller: new AbortController() }
    clients.set(id, client)
    return client
  }
  const release = (id: string, client: Client): void => {
    if (client.calls === 0 && client.streams === 0 && clients.get(id) === client) clients.delete(id)
  }
  const never = new AbortController().signal
  return {
    /** A call starts: its client's signal, and the function to call when it ends. */
    enter(id: string | undefined): { readonly signal: AbortSignal; readonly leave: () => void } {
      if (!id) return { signal: never, leave: () => undefined }
      const client = open(id)
      client.calls += 1
      return {
        signal: client.controller.signal,
        leave: () => {
          client.calls -= 1
          release(id, client)
        },
      }
    },
    /** An event stream opens: closing the client's last one aborts its calls. */
    watch(id: string | undefined): { readonly close: () => void } {
      if (!id) return { close: () => undefined }
      const client = open(id)
      client.streams += 1
      clearTimeout(client.gone)
      return {
        close: () => {
          client.streams -= 1
          if (client.streams > 0) return
          clearTimeout(client.gone)
          client.gone = setTimeout(() => {
            if (client.streams > 0) return
            client.controller.abort()
            if (clients.get(id) === client) clients.delete(id)
          }, graceMs)
          client.gone.unref?.()
        },
      }
    },
    /** Clients known now (calls running or streams open). */
    get size(): number {
      return clients.size
    },
  }
}

/** GET /api/channels: the contract, each input as JSON Schema generated from its runtime schema. */
export function describeChannels(): { channels: unknown[] } {
  return {
    channels: listChannels().map((entry) => ({
      name: entry.name,
      description: entry.spec.description,
      input: z.toJSONSchema(entry.spec.input, { unrepresentable: 'any', io: 'input' }),
      events: entry.spec.events ?? [],
    })),
  }
}

function authorised(header: string | undefined, expected: Buffer): boolean {
  if (!header) return false
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value ?? null)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(body)
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const error = { code, message } as GembaErrorData
  sendJson(res, status, { error })
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`
}

/** The body, or 'too_large' as soon as it passes the limit; the rest is read and dropped, so the answer arrives instead of a reset. */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > limit) {
        over = true
        chunks.length = 0
        resolve('too_large')
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
