// Binds the dispatcher to Electron IPC: one invoke channel and one event channel, both generic over
// the contract. Calls from any frame other than our own app page's main frame are refused.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import type { DispatchResult, Dispatcher } from './core/dispatcher.ts'
import type { EventEnvelope, EventHub } from './core/event-hub.ts'
import { IPC_EVENT, IPC_INVOKE } from '../shared/transport.ts'
import { isAppUrl } from './window.ts'


export interface IpcBinding {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  readonly dispatcher: Dispatcher
  readonly hub: EventHub
  /** Sends an event to our window(s); the caller decides which web contents those are. */
  readonly broadcast: (channel: string, envelope: EventEnvelope) => void
}

export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return Boolean(frame && frame.parent === null && isAppUrl(frame.url))
}

/** Returns the function that unbinds. */
export function bindIpc(binding: IpcBinding): () => void {
  binding.ipcMain.handle(
    IPC_INVOKE,
    async (event: IpcMainInvokeEvent, name: unknown, input: unknown, callId: unknown): Promise<DispatchResult> => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'refused', message: 'Calls are only accepted from Gemba’s own window.' } }
      }
      if (typeof name !== 'string') {
        return { ok: false, error: { code: 'unknown_channel', message: 'A channel name is required.' } }
      }
      return binding.dispatcher.dispatch(name, input, typeof callId === 'string' ? { callId } : {})
    },
  )
  const unsubscribe = binding.hub.subscribe((envelope) => binding.broadcast(IPC_EVENT, envelope))
  return () => {
    unsubscribe()
    binding.ipcMain.removeHandler(IPC_INVOKE)
  }
}
