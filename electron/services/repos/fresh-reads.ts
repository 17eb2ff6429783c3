// Reads of the same thing asked for at once share one run, and every answer was read entirely after
// its caller asked: a caller arriving while a read is under way waits for the next one, which all such
// callers share. So 500 concurrent requests for one repository's state cost two reads, and none of them
// gets a state older than its request. Each caller can give up (its signal) without stopping the read
// the others wait for.
import { GembaError } from '../../../shared/errors.ts'

interface Slot<V> {
  current: Promise<V> | null
  waiting: Promise<V> | null
}

const ignore = () => undefined

export class FreshReads<V> {
  private readonly slots = new Map<string, Slot<V>>()

  read(key: string, work: () => Promise<V>, signal?: AbortSignal): Promise<V> {
    let slot = this.slots.get(key)
    if (!slot) this.slots.set(key, (slot = { current: null, waiting: null }))
    const current = slot.current
    let answer: Promise<V>
    if (current === null) answer = this.begin(key, slot, work)
    else {
      const own = slot
      own.waiting ??= current.then(ignore, ignore).then(() => {
        own.waiting = null
        return this.begin(key, own, work)
      })
      answer = own.waiting
    }
    return signal ? untilAborted(answer, signal) : answer
  }

  /** Reads under way or waiting (a test can tell that reads were shared). */
  get size(): number {
    return this.slots.size
  }

  private begin(key: string, slot: Slot<V>, work: () => Promise<V>): Promise<V> {
    const run = work()
    slot.current = run
    void run.then(ignore, ignore).then(() => {
      if (slot.current !== run) return
      slot.current = null
      if (slot.waiting === null && this.slots.get(key) === slot) this.slots.delete(key)
    })
    return run
  }
}

function untilAborted<V>(answer: Promise<V>, signal: AbortSignal): Promise<V> {
  if (signal.aborted) return Promise.reject(new GembaError({ code: 'cancelled', message: 'Cancelled.' }))
  return new Promise<V>((resolve, reject) => {
    const onAbort = () => reject(new GembaError({ code: 'cancelled', message: 'Cancelled.' }))
    signal.addEventListener('abort', onAbort, { once: true })
    answer.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
