import { describe, expect, it } from 'vitest'
import { createAppInfoStore } from '../../../../renderer/stores/app-info-store.ts'
import { failWith, fakeClient } from '../../../fixtures/fake-client.ts'

const INFO = { name: 'Gemba', version: '1.2.3', mode: 'browser', platform: 'linux', dataFolder: '/data' } as const

describe('the app-info store', () => {
  it('asks once what the app is, and keeps it', async () => {
    const fake = fakeClient({ 'system.info': () => INFO })
    const store = createAppInfoStore(fake.client)
    await store.getState().load()
    await store.getState().load()
    expect(store.getState().info).toEqual(INFO)
    expect(fake.inputs('system.info')).toHaveLength(1)
  })

  it('stays unknown (browser mode assumed) when the backend cannot say', async () => {
    const fake = fakeClient({ 'system.info': () => failWith({ code: 'unavailable', message: 'No backend.' }) })
    const store = createAppInfoStore(fake.client)
    await store.getState().load()
    expect(store.getState().info).toBeNull()
  })
})
