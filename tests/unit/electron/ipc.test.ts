import { EventEmitter } from 'node:events'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Dispatcher } from '../../../electron/core/dispatcher.ts'
import { EventHub } from '../../../electron/core/event-hub.ts'
import { bindIpc, isTrustedSender } from '../../../electron/ipc.ts'
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/transport.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>

/** Stands in for ipcMain: records the handler so a test can invoke it as Electron would. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  return {
    handlers,
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  }
}

const ownFrame = { url: 'app://gemba/index.html#/settings', parent: null }

describe('bindIpc', () => {
  let test: TestBackend | undefined
  afterEach(async () => {
    await test?.cleanup()
    test = undefined
  })

  it('serves a channel to our own window and forwards events', async () => {
    test = await makeTestBackend()
    const ipcMain = fakeIpcMain()
    const sent: [string, unknown][] = []
    const unbind = bindIpc({
      ipcMain: ipcMain as never,
      dispatcher: test.backend.dispatcher,
      hub: test.backend.hub,
      broadcast: (channel, envelope) => sent.push([channel, envelope]),
    })
    const invoke = ipcMain.handlers.get(IPC_INVOKE)
    const folder = join(test.dataFolder, 'chosen-journal')
    await mkdir(folder)
    const result = await invoke?.({ senderFrame: ownFrame }, 'settings.update', { journalFolder: folder }, 'call-1')
    expect(result).toMatchObject({ ok: true, value: { journalFolder: folder } })
    expect(sent).toEqual([[IPC_EVENT, { event: 'settings.changed', payload: {} }]])
    unbind()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it('refuses calls from a foreign page, a sub-frame, or no frame', async () => {
    test = await makeTestBackend()
    const ipcMain = fakeIpcMain()
    bindIpc({ ipcMain: ipcMain as never, dispatcher: test.backend.dispatcher, hub: test.backend.hub, broadcast: () => undefined })
    const invoke = ipcMain.handlers.get(IPC_INVOKE)
    for (const senderFrame of [{ url: 'https://evil.example/', parent: null }, { url: 'app://gemba/index.html', parent: {} }, null]) {
      expect(await invoke?.({ senderFrame }, 'settings.get', {}, 'c')).toMatchObject({ ok: false, error: { code: 'refused' } })
    }
  })

  it('answers invalid input as data, not a thrown error', async () => {
    test = await makeTestBackend()
    const ipcMain = fakeIpcMain()
    bindIpc({ ipcMain: ipcMain as never, dispatcher: test.backend.dispatcher, hub: test.backend.hub, broadcast: () => undefined })
    const result = await ipcMain.handlers.get(IPC_INVOKE)?.({ senderFrame: ownFrame }, 'settings.update', { stepMinutes: 'lots' }, 'c')
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('cancels a window’s calls when it closes, reloads or loses its renderer, and only that window’s', async () => {
    const running = new Map<string, AbortSignal>()
    const waits = {
      info: (_input: unknown, ctx: { signal: AbortSignal; callId: string }) =>
        new Promise<never>((_resolve, reject) => {
          running.set(ctx.callId, ctx.signal)
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))
        }),
      cancel: async () => ({ cancelled: false }),
    }
    const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined }
    const ipcMain = fakeIpcMain()
    bindIpc({
      ipcMain: ipcMain as never,
      dispatcher: new Dispatcher({ system: waits as never }, new EventHub(), quiet),
      hub: new EventHub(),
      broadcast: () => undefined,
    })
    const invoke = ipcMain.handlers.get(IPC_INVOKE)!
    const window1 = new EventEmitter()
    const window2 = new EventEmitter()
    const call = (sender: EventEmitter, callId: string) => invoke({ senderFrame: ownFrame, sender }, 'system.info', {}, callId)

    const closing = call(window1, 'w1-a')
    const staying = call(window2, 'w2-a')
    window1.emit('destroyed')
    expect(await closing).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(running.get('w2-a')?.aborted).toBe(false)

    // A reload (a new document in the main frame) ends the old page's calls; an in-page hash change does not.
    const beforeReload = call(window2, 'w2-b')
    window2.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true })
    expect(running.get('w2-b')?.aborted).toBe(false)
    window2.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false })
    expect(await beforeReload).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(await staying).toMatchObject({ ok: false, error: { code: 'cancelled' } })

    // The reloaded page's calls get a fresh signal, ended in turn when its renderer process goes.
    const afterReload = call(window2, 'w2-c')
    await Promise.resolve()
    expect(running.get('w2-c')?.aborted).toBe(false)
    window2.emit('render-process-gone', {})
    expect(await afterReload).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(window2.listenerCount('did-start-navigation')).toBe(0)
  })

  it('trusts only the main frame of an app:// page', () => {
    expect(isTrustedSender(ownFrame)).toBe(true)
    expect(isTrustedSender({ url: 'file:///index.html', parent: null })).toBe(false)
  })
})
