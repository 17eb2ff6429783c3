// One call a store makes and follows: its id (so the store follows that call's events only), the
// controller Stop aborts, what it is busy with, and its error as data. Shared by the stores that
// stream a call's events (the small change, its tests).
import type { GembaErrorData } from '../../shared/errors.ts'
import { errorData } from '../bridge.ts'

export interface TrackedCallState<B> {
  readonly busy: B
  readonly error: GembaErrorData | null
  readonly callId: string | null
  readonly controller: AbortController | null
}

export type CallOptions = { signal: AbortSignal; callId: string }

/** A `call(busy, run)` for a store: answers the call's value, or null after recording its error (`onError` says more). */
export function trackedCall<B, S extends TrackedCallState<B | null>>(
  get: () => S,
  set: (patch: Partial<S>) => void,
  onError?: (error: GembaErrorData) => void,
) {
  return async function call<T>(busy: B, run: (options: CallOptions) => Promise<T>): Promise<T | null> {
    const controller = new AbortController()
    const callId = crypto.randomUUID()
    set({ busy, error: null, callId, controller } as Partial<S>)
    try {
      return await run({ signal: controller.signal, callId })
    } catch (error) {
      const data = errorData(error)
      set({ error: data } as Partial<S>)
      onError?.(data)
      return null
    } finally {
      if (get().controller === controller) set({ busy: null, controller: null } as Partial<S>)
    }
  }
}
