// The main process's event fan-out: services emit typed events, transports subscribe and forward
// them (IPC to the window, server-sent events to the browser). Knows nothing of either transport.
import type { EventMap, EventName } from '../../shared/api.ts'

export interface EventEnvelope {
  readonly event: EventName
  readonly payload: unknown
}

type Listener = (envelope: EventEnvelope) => void

export class EventHub {
  private readonly listeners = new Set<Listener>()

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    const envelope: EventEnvelope = { event, payload }
    for (const listener of [...this.listeners]) {
      try {
        listener(envelope)
      } catch {
        // A broken subscriber (a closed window, a dropped stream) must not stop the others.
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  get size(): number {
    return this.listeners.size
  }
}
