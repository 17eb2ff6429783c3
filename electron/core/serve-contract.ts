// The one place that knows a call: maps the contract (shared/api.ts) onto the domain services, which
// take `(input, signal, progress)` and know nothing of calls. For each call it hands the service the
// call's signal and a Progress whose events carry the call's id (how a page follows its own call, and
// cancels it through system.cancel). The dispatcher validates, cancels and maps errors as before; this
// only adapts. Never imported by a service.
import { listChannels, type Contract, type Domain, type EventMap, type ServiceRegistry } from '../../shared/api.ts'
import type { CallContext, DomainChannels, OutputOf, ParsedInputOf } from '../../shared/contract.ts'
import type { Progress, ProgressEvent, ProgressPayload } from '../services/events-port.ts'

/** A domain service as the adapter serves it: one method per channel, taking the parsed input, the call's signal and its Progress. */
export type DomainService<D extends DomainChannels> = {
  [M in keyof D]: (input: ParsedInputOf<D[M]>, signal: AbortSignal, progress: Progress) => Promise<OutputOf<D[M]>>
}

/** Every domain's service. `system.cancel` is about calls, so it is served here, not by a service. */
export type DomainServices = { [D in Exclude<Domain, 'system'>]: DomainService<Contract[D]> } & {
  readonly system: Omit<DomainService<Contract['system']>, 'cancel'>
}

type Handler = (input: unknown, ctx: CallContext<EventMap>) => Promise<unknown>
type Method = (input: unknown, signal: AbortSignal, progress: Progress) => Promise<unknown>

/**
 * The registry the dispatcher serves: each channel's handler calls its service's method with the
 * call's signal and Progress. `cancel` cancels a running call by its id (the dispatcher's).
 */
export function serveContract(services: DomainServices, cancel: (callId: string) => boolean): ServiceRegistry {
  const registry: Partial<Record<Domain, Record<string, Handler>>> = {}
  for (const entry of listChannels()) {
    const service = services[entry.domain] as Partial<Record<string, Method>> | undefined
    const method = service?.[entry.method]
    // A method no service has stays missing, so the dispatcher answers 'unavailable' as it always has.
    if (typeof method !== 'function') continue
    ;(registry[entry.domain] ??= {})[entry.method] = (input, ctx) => method.call(service, input, ctx.signal, progressOf(ctx))
  }
  ;(registry.system ??= {}).cancel = async (input) => ({ cancelled: cancel((input as { callId: string }).callId) })
  return registry as ServiceRegistry
}

/** The call's Progress: each event it reports carries the call's id, as the contract's events say. */
function progressOf(ctx: CallContext<EventMap>): Progress {
  return {
    report<E extends ProgressEvent>(event: E, payload: ProgressPayload<E>) {
      ctx.emit(event, { ...payload, callId: ctx.callId } as EventMap[E])
    },
  }
}
