// Routes a call by channel name to its service method: validates the input against the contract's
// schema, gives the handler a cancellable context, and turns every failure into GembaErrorData.
// Transport-agnostic: ipc.ts and web.ts both call `dispatch`; neither re-implements any of this.
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { findChannel, listChannels, type EventMap, type ServiceRegistry } from '../../shared/api.ts'
import type { CallContext } from '../../shared/contract.ts'
import { GembaError, type GembaErrorData } from '../../shared/errors.ts'
import type { Logger } from '../services/log/index.ts'
import type { EventHub } from './event-hub.ts'

export type DispatchResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: GembaErrorData }

export interface DispatchOptions {
  /** A caller-chosen id, so the caller can cancel it through `system.cancel`. */
  readonly callId?: string
  /** Aborted when the transport goes away (window closed, HTTP client disconnected). */
  readonly signal?: AbortSignal
}

export class Dispatcher {
  private readonly running = new Map<string, AbortController>()
  private readonly settling = new Set<Promise<unknown>>()
  private disposed = false
  private readonly services: Partial<ServiceRegistry>
  private readonly hub: EventHub
  private readonly log: Logger

  constructor(services: Partial<ServiceRegistry>, hub: EventHub, log: Logger) {
    this.services = services
    this.hub = hub
    this.log = log
  }

  dispatch(name: string, rawInput: unknown, options: DispatchOptions = {}): Promise<DispatchResult> {
    const call = this.run(name, rawInput, options)
    this.settling.add(call)
    void call.finally(() => this.settling.delete(call))
    return call
  }

  private async run(name: string, rawInput: unknown, options: DispatchOptions): Promise<DispatchResult> {
    const entry = findChannel(name)
    if (!entry) {
      return failure({ code: 'unknown_channel', message: `There is no channel called “${truncate(name)}”.` })
    }
    const parsed = entry.spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) return failure(validationError(parsed.error))
    if (this.disposed || options.signal?.aborted) return failure(this.disposed ? closing() : { code: 'cancelled', message: 'Cancelled.' })

    const callId = options.callId && !this.running.has(options.callId) ? options.callId : randomUUID()
    const controller = new AbortController()
    const onOuterAbort = (): void => controller.abort(options.signal?.reason)
    options.signal?.addEventListener('abort', onOuterAbort, { once: true })
    this.running.set(callId, controller)

    const ctx: CallContext<EventMap> = {
      signal: controller.signal,
      callId,
      emit: (event, payload) => this.hub.emit(event, payload),
    }
    try {
      const service = this.services[entry.domain] as
        Record<string, (input: unknown, ctx: CallContext<EventMap>) => Promise<unknown>> | undefined
      const method = service?.[entry.method]
      if (!service || typeof method !== 'function') {
        throw new GembaError({ code: 'unavailable', message: `${entry.name} is not available in this build of Gemba.` })
      }
      const value = await method.call(service, parsed.data, ctx)
      return { ok: true, value: value ?? null }
    } catch (error) {
      return failure(this.toErrorData(entry.name, error, controller.signal))
    } finally {
      this.running.delete(callId)
      options.signal?.removeEventListener('abort', onOuterAbort)
    }
  }

  /** Channels of the contract that no service serves yet (the wiring test asserts there are none). */
  unserved(): string[] {
    return listChannels()
      .filter((entry) => {
        const service = this.services[entry.domain] as Record<string, unknown> | undefined
        return typeof service?.[entry.method] !== 'function'
      })
      .map((entry) => entry.name)
  }

  /** Cancels a running call; answers whether it was still running. */
  cancel(callId: string): boolean {
    const controller = this.running.get(callId)
    if (!controller) return false
    controller.abort(new GembaError({ code: 'cancelled', message: 'Cancelled.' }))
    return true
  }

  /**
   * Refuses new calls and aborts every running one (Gemba is closing); answers once they have
   * settled, or after `graceMs` for a call that does not heed its signal.
   */
  async dispose(graceMs = 5_000): Promise<void> {
    this.disposed = true
    for (const controller of this.running.values()) controller.abort(new GembaError(closing()))
    let timer: ReturnType<typeof setTimeout> | undefined
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))
    await Promise.race([Promise.allSettled([...this.settling]), grace])
    clearTimeout(timer)
  }

  /** Calls still running. */
  get size(): number {
    return this.running.size
  }

  private toErrorData(channel: string, error: unknown, signal: AbortSignal): GembaErrorData {
    if (error instanceof GembaError) return error.toData()
    if (signal.aborted) return { code: 'cancelled', message: 'Cancelled.' }
    this.log.error(`Channel ${channel} failed`, error)
    return {
      code: 'internal',
      message: 'Something went wrong inside Gemba.',
      next: 'Try again; if it keeps happening, the log in the data folder has the details.',
    }
  }
}

function closing(): GembaErrorData {
  return { code: 'cancelled', message: 'Gemba is closing.' }
}

function failure(error: GembaErrorData): DispatchResult {
  return { ok: false, error }
}

function validationError(error: z.ZodError): GembaErrorData {
  const issues = error.issues.slice(0, 10).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
  const first = issues[0]
  const where = first && first.path ? `${first.path}: ` : ''
  return {
    code: 'invalid_input',
    message: first ? `${where}${first.message}` : 'The request was not valid.',
    next: 'Correct the highlighted value and try again.',
    details: { issues },
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}
