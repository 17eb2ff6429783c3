// Binds the dispatcher to Electron IPC: one invoke channel and one event channel, both generic over
// the contract. Calls from any frame other than our own app page's main frame are refused. Each call
// carries its window's signal: closing the window, reloading the page or losing its renderer
// process cancels that window's calls.
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron'
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

/** The events of a window's web contents that end every call its page made. */
export type SenderEvents = Pick<WebContents, 'once' | 'on' | 'removeListener'>

/** One AbortSignal per page of a window, aborted when that page goes away. */
export function senderSignals(): (sender: SenderEvents | null | undefined) => AbortSignal | undefined {
  const open = new WeakMap<SenderEvents, AbortController>()
  return (sender) => {
    if (!sender || typeof sender.once !== 'function') return undefined
    const known = open.get(sender)
    if (known) return known.signal
    const controller = new AbortController()
    open.set(sender, controller)
    const onNavigate = (details: { isMainFrame: boolean; isSameDocument: boolean }): void => {
      if (details.isMainFrame && !details.isSameDocument) end()
    }
    const end = (): void => {
      if (open.get(sender) === controller) open.delete(sender)
      sender.removeListener('destroyed', end)
      sender.removeListener('render-process-gone', end)
      sender.removeListener('did-start-navigation', onNavigate)
      controller.abort()
    }
    sender.once('destroyed', end)
    sender.once('render-process-gone', end)
    sender.on('did-start-navigation', onNavigate)
    return controller.signal
  }
}

/** Returns the function that unbinds. */
export function bindIpc(binding: IpcBinding): () => void {
  const signalOf = senderSignals()
  binding.ipcMain.handle(
    IPC_INVOKE,
    async (event: IpcMainInvokeEvent, name: unknown, input: unknown, callId: unknown): Promise<DispatchResult> => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'refused', message: 'Calls are only accepted from Gemba’s own window.' } }
      }
      if (typeof name !== 'string') {
        return { ok: false, error: { code: 'unknown_channel', message: 'A channel name is required.' } }
      }
      const signal = signalOf(event.sender)
      return binding.dispatcher.dispatch(name, input, { ...(typeof callId === 'string' ? { callId } : {}), ...(signal ? { signal } : {}) })
    },
  )
  const unsubscribe = binding.hub.subscribe((envelope) => binding.broadcast(IPC_EVENT, envelope))
  return () => {
    unsubscribe()
    binding.ipcMain.removeHandler(IPC_INVOKE)
  }
}
