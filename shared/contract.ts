// The building blocks of the one API contract (shared/api.ts). A channel is declared once, with a
// runtime schema for its input and a phantom type for its result; transports, the preload and the
// renderer's client are all derived from the declarations. Imports nothing but zod.
import type { z } from 'zod'

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly description: string
  readonly input: I
  /** Names of the events this channel may emit while it runs (see `events` in shared/api.ts). */
  readonly events?: readonly string[]
  /** Phantom: carries the result type, never set at run time. */
  readonly __output?: O
}

/**
 * Declares a channel: `channel<Result>()({ description, input })`. The double call lets the result
 * type be written explicitly while the input type is inferred from its schema.
 */
export function channel<O>() {
  return <I extends z.ZodType>(spec: Omit<ChannelSpec<I, O>, '__output'>): ChannelSpec<I, O> => spec
}

/** A domain's channels: method name → spec. The flat channel name is `${domain}.${method}`. */
export type DomainChannels = Readonly<Record<string, ChannelSpec>>

export type InputOf<S> = S extends ChannelSpec<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<S> = S extends ChannelSpec<infer I, unknown> ? z.output<I> : never
export type OutputOf<S> = S extends ChannelSpec<z.ZodType, infer O> ? O : never

/** What every handler gets besides its input: cancellation and a way to report progress. */
export interface CallContext<EventMap = Record<string, unknown>> {
  /** Aborted when the caller cancels (or the transport goes away). Pass it all the way down. */
  readonly signal: AbortSignal
  /** Identifies this call; progress events carry it so a view can follow its own call. */
  readonly callId: string
  emit<E extends keyof EventMap & string>(event: E, payload: EventMap[E]): void
}

/** The methods a domain service must have to serve its channels. */
export type ServiceFor<D extends DomainChannels, EventMap = Record<string, unknown>> = {
  [M in keyof D]: (input: ParsedInputOf<D[M]>, ctx: CallContext<EventMap>) => Promise<OutputOf<D[M]>>
}
