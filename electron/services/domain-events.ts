// Facts one domain announces and another acts on, inside the main process only (never sent to a
// page): a service announces what it did, and whichever service cares subscribes when it is built, so
// no service holds a reference to one built after it. Emitting waits for every listener (the settings
// call answers once the journal has moved to the new folder); a listener that fails is reported and
// never stops the others or the service that announced.

export interface DomainEventMap {
  /** A session's journal entry is written (when it finished, or later when it had been kept pending). */
  'journal.entryWritten': { readonly sessionId: string }
  /** Settings now name another journal folder (`create`: Gemba's own default folder, made when missing). */
  'settings.journalFolderChanged': { readonly folder: string; readonly create: boolean }
}

export type DomainEventName = keyof DomainEventMap

type Listener<E extends DomainEventName> = (payload: DomainEventMap[E]) => void | Promise<void>

export interface DomainEvents {
  emit<E extends DomainEventName>(event: E, payload: DomainEventMap[E]): Promise<void>
  /** Returns the function that unsubscribes. */
  on<E extends DomainEventName>(event: E, listener: Listener<E>): () => void
}

export function createDomainEvents(onError: (event: DomainEventName, error: unknown) => void): DomainEvents {
  const listeners = new Map<DomainEventName, Set<Listener<never>>>()
  return {
    async emit(event, payload) {
      const current = [...(listeners.get(event) ?? [])] as Listener<typeof event>[]
      await Promise.all(
        current.map(async (listener) => {
          try {
            await listener(payload)
          } catch (error) {
            onError(event, error)
          }
        }),
      )
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as Listener<never>)
      return () => void set.delete(listener as Listener<never>)
    },
  }
}
