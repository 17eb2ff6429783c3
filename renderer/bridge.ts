// The renderer's one typed client, whichever transport is present: window.gemba (the preload,
// under Electron) or the HTTP bridge (browser mode, token from the page address). `connectPage()` is
// called once, by the page's composition root (main.tsx), which hands the client to every
// store; stores call `client.invoke` / `client.subscribe` and never know which transport they are on.
// Nothing here runs on import.
import type { ChannelInput, ChannelName, ChannelOutput, EventMap, EventName, GembaApi } from '../shared/api.ts'
import type { GembaErrorData } from '../shared/errors.ts'
import type { GembaTransport, TransportResult } from '../shared/transport.ts'

export class BridgeError extends Error {
  readonly data: GembaErrorData

  constructor(data: GembaErrorData) {
    super(data.message)
    this.name = 'BridgeError'
    this.data = data
  }
}

export function errorData(error: unknown): GembaErrorData {
  if (error instanceof BridgeError) return error.data
  return { code: 'internal', message: error instanceof Error ? error.message : 'Something went wrong.' }
}

export function createClient(transport: GembaTransport): GembaApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let unsubscribeAll: (() => void) | null = null

  const ensureSubscribed = (): void => {
    if (unsubscribeAll) return
    unsubscribeAll = transport.subscribe((event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    })
  }

  return {
    async invoke<N extends ChannelName>(
      name: N,
      input: ChannelInput<N>,
      options: { signal?: AbortSignal; callId?: string } = {},
    ): Promise<ChannelOutput<N>> {
      const callId = options.callId ?? crypto.randomUUID()
      if (options.signal?.aborted) throw new BridgeError({ code: 'cancelled', message: 'Cancelled.' })
      const onAbort = (): void => {
        void transport.invoke('system.cancel', { callId }, crypto.randomUUID())
      }
      options.signal?.addEventListener('abort', onAbort, { once: true })
      try {
        const result = await transport.invoke(name, input, callId)
        if (!result.ok) throw new BridgeError(result.error)
        return result.value as ChannelOutput<N>
      } finally {
        options.signal?.removeEventListener('abort', onAbort)
      }
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      ensureSubscribed()
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      return () => {
        set.delete(listener as (payload: unknown) => void)
      }
    },
  }
}

const TOKEN_KEY = 'gemba.token'

/** Reads the token from `#token=…` once, keeps it for this tab, and takes it out of the address bar. */
export function takeTokenFromLocation(): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`)
    return match[1]
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

/**
 * Browser mode's transport. The page names itself (X-Gemba-Client) on its calls and its event
 * stream, so the backend cancels this page's calls when the page goes away and the stream drops.
 */
export function httpTransport(token: string, onUnauthorised: () => void, clientId: string = crypto.randomUUID()): GembaTransport {
  const headers = { Authorization: `Bearer ${token}`, 'X-Gemba-Client': clientId }
  return {
    async invoke(name, input, callId): Promise<TransportResult> {
      let response: Response
      try {
        response = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json', 'X-Gemba-Call-Id': callId },
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        return {
          ok: false,
          error: {
            code: 'unavailable',
            message: 'Gemba’s backend is not answering.',
            next: 'Check that `npm run web` is still running, then reload.',
          },
        }
      }
      if (response.status === 401) onUnauthorised()
      const body = (await response.json().catch(() => null)) as unknown
      if (response.ok) return { ok: true, value: body }
      const error = (body as { error?: GembaErrorData } | null)?.error
      return { ok: false, error: error ?? { code: 'internal', message: `The backend answered ${response.status}.` } }
    },
    subscribe(listener) {
      const controller = new AbortController()
      void streamEvents(headers, listener, controller.signal)
      return () => controller.abort()
    },
  }
}

/** Server-sent events over fetch (EventSource cannot send the Authorization header); reconnects. */
async function streamEvents(
  headers: Record<string, string>,
  listener: (event: string, payload: unknown) => void,
  signal: AbortSignal,
): Promise<void> {
  let delay = 500
  while (!signal.aborted) {
    try {
      const response = await fetch('/api/events', { headers, signal })
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`)
      delay = 500
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let boundary = buffer.indexOf('\n\n')
        while (boundary !== -1) {
          dispatchFrame(buffer.slice(0, boundary), listener)
          buffer = buffer.slice(boundary + 2)
          boundary = buffer.indexOf('\n\n')
        }
      }
    } catch {
      if (signal.aborted) return
    }
    await new Promise((resolve) => setTimeout(resolve, delay))
    delay = Math.min(delay * 2, 10_000)
  }
}

function dispatchFrame(frame: string, listener: (event: string, payload: unknown) => void): void {
  let event = 'message'
  const data: string[] = []
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim()
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
  }
  if (data.length === 0) return
  try {
    listener(event, JSON.parse(data.join('\n')))
  } catch {
    // A malformed frame is dropped; the next one is independent.
  }
}

declare global {
  interface Window {
    gemba?: GembaTransport
  }
}

export type ConnectionProblem = 'no_token' | 'unauthorised' | null

export interface PageConnection {
  readonly client: GembaApi
  /** Why the page cannot reach its backend, if it cannot. */
  problem(): ConnectionProblem
  onProblem(listener: (problem: ConnectionProblem) => void): () => void
}

/** Connects the page to its backend: the preload's transport under Electron, else the HTTP bridge. */
export function connectPage(): PageConnection {
  let problem: ConnectionProblem = null
  const listeners = new Set<(problem: ConnectionProblem) => void>()
  const setProblem = (next: ConnectionProblem): void => {
    problem = next
    for (const listener of listeners) listener(next)
  }
  let transport = window.gemba
  if (!transport) {
    const token = takeTokenFromLocation()
    if (!token) problem = 'no_token'
    transport = httpTransport(token ?? '', () => setProblem('unauthorised'))
  }
  return {
    client: createClient(transport),
    problem: () => problem,
    onProblem(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
