// What a service starts, it registers in its store (as VS Code's DisposableStore): a timer, a watch, a
// child process, a worker, a write queue to drain. Disposing the store aborts its signal, then disposes
// everything registered, newest first, one after the other, waiting for each (a process group to exit,
// a queue to drain); one that fails is reported and the rest still run. What is added once the store is
// disposed is disposed at once. Work that ends on its own takes itself out, so a store does not grow.
import { GembaError } from '../../shared/errors.ts'

export interface Disposable {
  dispose(): void | Promise<void>
}

export function toDisposable(dispose: () => void | Promise<void>): Disposable {
  return { dispose }
}

export class DisposableStore implements Disposable {
  readonly #items = new Set<Disposable>()
  readonly #stopping = new AbortController()
  readonly #onError: (error: unknown) => void
  #disposed: Promise<void> | null = null

  /** `onError`: told of a disposer that failed (the others still run). */
  constructor(onError: (error: unknown) => void = () => undefined) {
    this.#onError = onError
  }

  /** Aborted as disposal starts: work given it stops then. */
  get signal(): AbortSignal {
    return this.#stopping.signal
  }

  get isDisposed(): boolean {
    return this.#disposed !== null
  }

  /** Things registered and not yet disposed. */
  get size(): number {
    return this.#items.size
  }

  add<T extends Disposable>(item: T): T {
    if (this.#disposed) void this.#disposeOne(item)
    else this.#items.add(item)
    return item
  }

  /** Takes out something that ended on its own, without disposing it. */
  delete(item: Disposable): void {
    this.#items.delete(item)
  }

  /**
   * Runs `work` with a signal aborted when the store is disposed (or `signal`, if given, aborts), and
   * keeps it registered until it settles: disposal waits for it.
   */
  run<T>(work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const stop = new AbortController()
    const onStop = (): void => stop.abort(this.#stopping.signal.aborted ? this.#stopping.signal.reason : signal?.reason)
    const inputs = signal ? [this.#stopping.signal, signal] : [this.#stopping.signal]
    for (const input of inputs) input.addEventListener('abort', onStop, { once: true })
    if (inputs.some((input) => input.aborted)) onStop()
    let registered: Disposable | null = null
    // Started at once, so work that looks at its signal first sees it as it is now.
    const running = (async () => work(stop.signal))().finally(() => {
      if (registered) this.delete(registered)
      for (const input of inputs) input.removeEventListener('abort', onStop)
    })
    const settled = running.then(
      () => undefined,
      () => undefined,
    )
    registered = this.add(toDisposable(() => (stop.abort(this.#stopping.signal.reason), settled)))
    return running
  }

  /** A timer that is cleared at disposal and taken out when it fires. */
  setTimeout(callback: () => void, ms: number): Disposable {
    const timer = setTimeout(() => {
      this.delete(item)
      callback()
    }, ms)
    const item = this.add(toDisposable(() => clearTimeout(timer)))
    if (this.#disposed) clearTimeout(timer)
    return item
  }

  /** Disposes everything registered, newest first; resolves once all of it has ended. */
  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      this.#stopping.abort(new GembaError({ code: 'cancelled', message: 'Gemba is closing.' }))
      while (this.#items.size > 0) {
        const items = [...this.#items].reverse()
        this.#items.clear()
        for (const item of items) await this.#disposeOne(item)
      }
    })()
    return this.#disposed
  }

  async #disposeOne(item: Disposable): Promise<void> {
    try {
      await item.dispose()
    } catch (error) {
      this.#onError(error)
    }
  }
}
