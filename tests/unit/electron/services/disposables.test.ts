import { describe, expect, it } from 'vitest'
import { DisposableStore, toDisposable } from '../../../../electron/services/disposables.ts'

describe('DisposableStore', () => {
  it('disposes everything registered, newest first, each once, waiting for each', async () => {
    const store = new DisposableStore()
    const order: string[] = []
    store.add(toDisposable(() => void order.push('first')))
    store.add(
      toDisposable(async () => {
        await new Promise((resolve) => setImmediate(resolve))
        order.push('second')
      }),
    )
    store.add(toDisposable(() => void order.push('third')))
    const disposing = store.dispose()
    expect(store.dispose()).toBe(disposing)
    await disposing
    expect(order).toEqual(['third', 'second', 'first'])
    await store.dispose()
    expect(order).toHaveLength(3)
  })

  it('goes on past a disposer that fails, and reports it', async () => {
    const failures: unknown[] = []
    const store = new DisposableStore((error) => failures.push(error))
    let later = false
    store.add(toDisposable(() => void (later = true)))
    store.add(
      toDisposable(() => {
        throw new Error('stuck')
      }),
    )
    await store.dispose()
    expect(later).toBe(true)
    expect(failures).toEqual([new Error('stuck')])
  })

  it('stops work it runs and waits for it to end; work that ends on its own takes itself out', async () => {
    const store = new DisposableStore()
    expect(await store.run(async () => 'done')).toBe('done')
    expect(store.size).toBe(0)
    let stopped = false
    const running = store.run(
      (signal) =>
        new Promise<string>((resolve) =>
          signal.addEventListener('abort', () => setImmediate(() => ((stopped = true), resolve('stopped'))), { once: true }),
        ),
    )
    expect(store.size).toBe(1)
    await store.dispose()
    expect(stopped).toBe(true)
    expect(await running).toBe('stopped')
  })

  it('stops run work when the caller’s signal aborts, and disposes what is added after disposal at once', async () => {
    const store = new DisposableStore()
    const caller = new AbortController()
    const running = store.run(
      (signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.aborted))),
      caller.signal,
    )
    caller.abort()
    expect(await running).toBe(true)
    await store.dispose()
    let disposed = false
    store.add(toDisposable(() => void (disposed = true)))
    await new Promise((resolve) => setImmediate(resolve))
    expect(disposed).toBe(true)
    await expect(store.run(async (signal) => signal.aborted)).resolves.toBe(true)
  })

  it('clears a timer at disposal, and forgets one that fired', async () => {
    const store = new DisposableStore()
    let fired = 0
    await new Promise<void>((resolve) => store.setTimeout(() => ((fired += 1), resolve()), 1))
    expect(store.size).toBe(0)
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length
    const before = timers()
    store.setTimeout(() => (fired += 1), 60_000)
    expect(timers()).toBe(before + 1)
    await store.dispose()
    expect(timers()).toBe(before)
    expect(fired).toBe(1)
  })
})
