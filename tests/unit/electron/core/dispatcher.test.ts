import { afterEach, describe, expect, it } from 'vitest'
import { Dispatcher } from '../../../../electron/core/dispatcher.ts'
import { EventHub } from '../../../../electron/core/event-hub.ts'
import { listChannels } from '../../../../shared/api.ts'
import { makeTestBackend, type TestBackend } from '../../../fixtures/test-backend.ts'

const quietLog = { error: () => undefined, warn: () => undefined, info: () => undefined }

describe('Dispatcher', () => {
  let test: TestBackend | undefined
  afterEach(async () => {
    await test?.cleanup()
    test = undefined
  })

  it('answers a valid call with the service method’s result', async () => {
    test = await makeTestBackend()
    const result = await test.backend.dispatcher.dispatch('system.info', {})
    expect(result).toMatchObject({ ok: true, value: { name: 'Gemba', mode: 'browser' } })
  })

  it('refuses input that fails the schema with a clear message, without calling the service', async () => {
    test = await makeTestBackend()
    const result = await test.backend.dispatcher.dispatch('settings.update', { schedule: { day: 'someday' } })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.message).toMatch(/^schedule\.day: /)
    expect(result.error.details?.issues).toBeInstanceOf(Array)
  })

  it('refuses unknown keys and prototype-pollution keys', async () => {
    test = await makeTestBackend()
    const polluted = JSON.parse('{"__proto__": {"polluted": true}, "journalFolder": "/tmp/x"}') as unknown
    const result = await test.backend.dispatcher.dispatch('settings.update', polluted)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('names an unknown channel without echoing a huge name back', async () => {
    test = await makeTestBackend()
    const result = await test.backend.dispatcher.dispatch('x'.repeat(10_000), {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    if (!result.ok) expect(result.error.message.length).toBeLessThan(120)
  })

  it('turns an unexpected failure into a plain sentence, logging the stack instead of returning it', async () => {
    const logged: string[] = []
    const hub = new EventHub()
    const failing = {
      info: async () => {
        throw new Error('secret internals at /home/x/file.ts:12')
      },
      cancel: async () => ({ cancelled: false }),
      pickFolder: async () => ({ path: null, supported: false }),
      printToPdf: async () => ({ path: null, supported: false }),
    }
    const dispatcher = new Dispatcher({ system: failing }, hub, { ...quietLog, error: (message) => logged.push(message) })
    const result = await dispatcher.dispatch('system.info', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('secret internals')
    expect(logged).toHaveLength(1)
  })

  it('cancels a running call by id, and the handler sees the abort', async () => {
    const hub = new EventHub()
    let sawAbort = false
    const slow = {
      info: (_input: unknown, ctx: { signal: AbortSignal }) =>
        new Promise<never>((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => {
            sawAbort = true
            reject(ctx.signal.reason)
          })
        }),
      cancel: async () => ({ cancelled: false }),
    }
    const dispatcher = new Dispatcher({ system: slow as never }, hub, quietLog)
    const pending = dispatcher.dispatch('system.info', {}, { callId: 'call-1' })
    expect(dispatcher.cancel('call-1')).toBe(true)
    const result = await pending
    expect(sawAbort).toBe(true)
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(dispatcher.cancel('call-1')).toBe(false)
  })

  it('disposing aborts every running call, waits for them to settle, and refuses new ones', async () => {
    const hub = new EventHub()
    const aborted: string[] = []
    const slow = {
      info: (_input: unknown, ctx: { signal: AbortSignal; callId: string }) =>
        new Promise<never>((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => {
            aborted.push(ctx.callId)
            reject(ctx.signal.reason)
          })
        }),
      cancel: async () => ({ cancelled: false }),
    }
    const dispatcher = new Dispatcher({ system: slow as never }, hub, quietLog)
    const calls = [dispatcher.dispatch('system.info', {}, { callId: 'a' }), dispatcher.dispatch('system.info', {}, { callId: 'b' })]
    expect(dispatcher.size).toBe(2)
    await dispatcher.dispose()
    expect(aborted.sort()).toEqual(['a', 'b'])
    expect(dispatcher.size).toBe(0)
    for (const result of await Promise.all(calls))
      expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'Gemba is closing.' } })
    expect(await dispatcher.dispatch('system.info', {})).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: 'Gemba is closing.' },
    })
  })

  it('disposing does not wait forever for a call that ignores its signal', async () => {
    const stuck = { info: () => new Promise<never>(() => undefined), cancel: async () => ({ cancelled: false }) }
    const dispatcher = new Dispatcher({ system: stuck as never }, new EventHub(), quietLog)
    void dispatcher.dispatch('system.info', {})
    await dispatcher.dispose(20)
    expect(dispatcher.size).toBe(1)
  })

  it('a call whose transport has already gone is not started', async () => {
    let started = false
    const system = { info: async () => void (started = true), cancel: async () => ({ cancelled: false }) }
    const dispatcher = new Dispatcher({ system: system as never }, new EventHub(), quietLog)
    const gone = new AbortController()
    gone.abort()
    expect(await dispatcher.dispatch('system.info', {}, { signal: gone.signal })).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(started).toBe(false)
  })

  it('says a channel is unavailable when no service serves it yet', async () => {
    const dispatcher = new Dispatcher({}, new EventHub(), quietLog)
    const result = await dispatcher.dispatch('system.info', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })

  it('serves every channel of the contract (the backend is fully wired)', async () => {
    test = await makeTestBackend()
    expect(listChannels().length).toBeGreaterThan(3)
    expect(test.backend.dispatcher.unserved()).toEqual([])
  })
})
