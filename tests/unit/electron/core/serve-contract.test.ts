// The adapter is the one place that knows a call: a service gets the call's signal and a Progress, and
// what it reports reaches the page with the call's id; system.cancel stops the call by that id; a
// channel no service has stays 'unavailable'. A real dispatcher over hand-made services.
import { describe, expect, it } from 'vitest'
import { Dispatcher } from '../../../../electron/core/dispatcher.ts'
import { EventHub, type EventEnvelope } from '../../../../electron/core/event-hub.ts'
import { serveContract, type DomainServices } from '../../../../electron/core/serve-contract.ts'
import type { Progress } from '../../../../electron/services/events-port.ts'
import type { ScanResult } from '../../../../shared/models/repos.ts'

const quietLog = { error: () => undefined, warn: () => undefined, info: () => undefined }

function served(repos: Partial<DomainServices['repos']>) {
  const hub = new EventHub()
  const events: EventEnvelope[] = []
  hub.subscribe((envelope) => events.push(envelope))
  const services = { repos } as unknown as DomainServices
  const dispatcher: Dispatcher = new Dispatcher(
    serveContract(services, (callId) => dispatcher.cancel(callId)),
    hub,
    quietLog,
  )
  return { dispatcher, events }
}

describe('serveContract', () => {
  it('hands the service the call’s signal and a Progress whose events carry the call’s id', async () => {
    let seen: { signal: AbortSignal; progress: Progress } | null = null
    const { dispatcher, events } = served({
      scan: async (input: { id: string }, signal: AbortSignal, progress: Progress) => {
        seen = { signal, progress }
        progress.report('repos.scanProgress', { repoId: input.id, phase: 'files', done: 1, total: 2 })
        return { repoId: input.id } as unknown as ScanResult
      },
    })
    const result = await dispatcher.dispatch('repos.scan', { id: 'r1' }, { callId: 'call-7' })
    expect(result).toMatchObject({ ok: true, value: { repoId: 'r1' } })
    expect(seen!.signal).toBeInstanceOf(AbortSignal)
    expect(events).toEqual([
      { event: 'repos.scanProgress', payload: { repoId: 'r1', phase: 'files', done: 1, total: 2, callId: 'call-7' } },
    ])
  })

  it('cancels a running call by its id through system.cancel: the service’s signal aborts', async () => {
    let started: () => void = () => undefined
    const running = new Promise<void>((resolve) => (started = resolve))
    const { dispatcher } = served({
      info: (_input: { id: string }, signal: AbortSignal) =>
        new Promise((_resolve, reject) => {
          started()
          signal.addEventListener('abort', () => reject(signal.reason), { once: true })
        }),
    })
    const call = dispatcher.dispatch('repos.info', { id: 'r1' }, { callId: 'slow' })
    await running
    expect(await dispatcher.dispatch('system.cancel', { callId: 'slow' })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await call).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(await dispatcher.dispatch('system.cancel', { callId: 'slow' })).toEqual({ ok: true, value: { cancelled: false } })
  })

  it('leaves a channel no service has unavailable, and lists it as unserved', async () => {
    const { dispatcher } = served({})
    expect(await dispatcher.dispatch('repos.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(dispatcher.unserved()).toContain('repos.list')
    expect(dispatcher.unserved()).not.toContain('system.cancel')
  })
})
