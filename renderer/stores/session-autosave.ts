// Debounced saving of text the leader types: the latest value of each field is sent after a short
// pause, at most one save per field in flight, and flush() sends whatever is waiting now (on blur,
// on a step change, before finishing). Pure: the save function and the timer come in as arguments.

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error'

export interface AutosaveTimers {
  set(callback: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface Autosave<K extends string> {
  change(key: K, value: string): void
  /** Sends what is waiting (for one field or all) and resolves when it is saved or has failed. */
  flush(key?: K): Promise<void>
  /** The value typed but not yet saved (waiting, or still on its way), if any. */
  unsaved(key: K): string | undefined
  dispose(): void
}

export function createAutosave<K extends string>(options: {
  readonly delayMs: number
  readonly save: (key: K, value: string) => Promise<void>
  readonly onStatus: (status: AutosaveStatus, error?: unknown) => void
  readonly timers?: AutosaveTimers
  /** After a failed save, try again this long later (the text stays in the field meanwhile). */
  readonly retryMs?: number
}): Autosave<K> {
  const timers = options.timers ?? { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as number) }
  const waiting = new Map<K, string>()
  const handles = new Map<K, unknown>()
  const inFlight = new Map<K, Promise<void>>()
  const sending = new Map<K, string>()
  let failed = false

  const report = (): void => {
    if (failed) return options.onStatus('error')
    if (inFlight.size > 0) return options.onStatus('saving')
    if (waiting.size > 0) return options.onStatus('pending')
    options.onStatus('saved')
  }

  const send = (key: K): Promise<void> => {
    const timer = handles.get(key)
    if (timer !== undefined) timers.clear(timer)
    handles.delete(key)
    const running = inFlight.get(key)
    // One save per field at a time; the newest value goes once the current one is done.
    if (running) return running.then(() => (waiting.has(key) ? send(key) : undefined))
    const value = waiting.get(key)
    if (value === undefined) return Promise.resolve()
    waiting.delete(key)
    sending.set(key, value)
    const done = options.save(key, value).then(
      () => {
        failed = false
      },
      (error: unknown) => {
        // Keep the value unless something newer was typed meanwhile; a later change or flush retries.
        if (!waiting.has(key)) waiting.set(key, value)
        failed = true
        options.onStatus('error', error)
        if (options.retryMs !== undefined && !handles.has(key))
          handles.set(
            key,
            timers.set(() => void send(key), options.retryMs),
          )
      },
    )
    const tracked = done.finally(() => {
      inFlight.delete(key)
      sending.delete(key)
      report()
    })
    inFlight.set(key, tracked)
    report()
    return tracked
  }

  return {
    change(key, value) {
      waiting.set(key, value)
      const timer = handles.get(key)
      if (timer !== undefined) timers.clear(timer)
      handles.set(
        key,
        timers.set(() => void send(key), options.delayMs),
      )
      if (!failed) report()
    },
    async flush(key) {
      const keys = key === undefined ? [...new Set([...waiting.keys(), ...inFlight.keys()])] : [key]
      await Promise.all(keys.map((k) => send(k)))
    },
    unsaved(key) {
      return waiting.get(key) ?? sending.get(key)
    },
    dispose() {
      for (const handle of handles.values()) timers.clear(handle)
      handles.clear()
    },
  }
}
