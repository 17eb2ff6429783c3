import { afterEach, describe, expect, it } from 'vitest'
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
    const unbind = bindIpc({ ipcMain: ipcMain as never, dispatcher: test.backend.dispatcher, hub: test.backend.hub, broadcast: (channel, envelope) => sent.push([channel, envelope]) })
    const invoke = ipcMain.handlers.get(IPC_INVOKE)
    const result = await invoke?.({ senderFrame: ownFrame }, 'settings.update', { journalFolder: '/tmp/j' }, 'call-1')
    expect(result).toMatchObject({ ok: true, value: { journalFolder: '/tmp/j' } })
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

  it('trusts only the main frame of an app:// page', () => {
    expect(isTrustedSender(ownFrame)).toBe(true)
    expect(isTrustedSender({ url: 'file:///index.html', parent: null })).toBe(false)
  })
})
