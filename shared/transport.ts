// The raw transport the renderer's client is built on: window.gemba (preload) and the HTTP bridge
// both provide it. Results come back as data, never as thrown errors, so nothing is lost crossing
// Electron's IPC (which flattens thrown errors to a string).
import type { GembaErrorData } from './errors.ts'

/** Electron IPC channel names (the preload and electron/ipc.ts). */
export const IPC_INVOKE = 'gemba:invoke'
export const IPC_EVENT = 'gemba:event'

export type TransportResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: GembaErrorData }

export interface GembaTransport {
  invoke(name: string, input: unknown, callId: string): Promise<TransportResult>
  /** Every event the main process emits; returns the function that unsubscribes. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void
}
