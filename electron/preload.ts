// Exposes window.gemba to the sandboxed page: invoke and subscribe, nothing else. Built as CommonJS.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_EVENT, IPC_INVOKE, type GembaTransport, type TransportResult } from '../shared/transport.ts'

const transport: GembaTransport = {
  invoke: (name, input, callId) => ipcRenderer.invoke(IPC_INVOKE, name, input, callId) as Promise<TransportResult>,
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, envelope: { event: string; payload: unknown }): void =>
      listener(envelope.event, envelope.payload)
    ipcRenderer.on(IPC_EVENT, handler)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler)
    }
  },
}

contextBridge.exposeInMainWorld('gemba', transport)
