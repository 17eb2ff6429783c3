// How a service tells what happens, without knowing who asked. Two ports, both typed by the contract's
// events (shared/api.ts): `EventsPort`, given at construction, for news anyone may hear (settings,
// sessions or the journal changed); `Progress`, given with each piece of work, for what that work
// reports as it goes (a scan's phases, Claude's words, a test's output). A service emits progress
// without any call's id: the composition root's adapter (core/) ties it to the call it belongs to.
import type { EventMap, EventName } from '../../shared/api.ts'

/** Events that belong to one piece of work: their payload names the call that asked for it. */
export type ProgressEvent = { [E in EventName]: EventMap[E] extends { readonly callId: string } ? E : never }[EventName]

/** Events anyone may hear, whoever caused them. */
export type NewsEvent = Exclude<EventName, ProgressEvent>

/** What a service reports: the event's payload without the call's id. */
export type ProgressPayload<E extends ProgressEvent> = Omit<EventMap[E], 'callId'>

export interface Progress {
  report<E extends ProgressEvent>(event: E, payload: ProgressPayload<E>): void
}

export interface EventsPort {
  emit<E extends NewsEvent>(event: E, payload: EventMap[E]): void
}

/** For work nobody watches (a scan another service needs): its progress goes nowhere. */
export const unwatched: Progress = { report: () => undefined }
