import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openConfStore } from '../../../../electron/platform/node-ports.ts'
import { FileSecretBox, SettingsService } from '../../../../electron/services/settings/index.ts'
import { createSettingsStore } from '../../../../renderer/stores/settings-store.ts'
import { failWith, fakeClient } from '../../../fixtures/fake-client.ts'

let folder: string
let service: SettingsService
const ctx = { signal: new AbortController().signal, callId: 'test', emit: () => undefined }

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gemba-settings-store-'))
  service = new SettingsService({
    dataFolder: folder,
    openStore: openConfStore,
    secretBox: new FileSecretBox(folder),
    env: {},
    timeZone: 'Europe/London',
  })
})
afterEach(() => rm(folder, { recursive: true, force: true }))

/** The client answers with a real settings service, as the backend would. */
function client() {
  return fakeClient({
    'settings.get': () => service.get(),
    'settings.update': (patch) => service.update(patch, ctx),
    'settings.setApiKey': (input) => service.setApiKey(input, ctx),
    'settings.clearApiKey': () => service.clearApiKey({}, ctx),
  })
}

describe('the settings store', () => {
  it('loads the settings, and never holds the key itself, only its hint', async () => {
    const fake = client()
    const store = createSettingsStore(fake.client)
    await store.getState().load()
    expect(store.getState().view?.schedule.timeZone).toBe('Europe/London')
    expect(await store.getState().setApiKey('sk-ant-test-1234567890abcdefghij')).toBe(true)
    expect(JSON.stringify(store.getState().view)).not.toContain('sk-ant-test-1234567890abcdefghij')
    expect(store.getState().saved.key).toBe(true)
  })

  it('saves a section and keeps a refusal as that section’s error, leaving the others alone', async () => {
    const fake = client()
    const store = createSettingsStore(fake.client)
    await store.getState().load()
    expect(await store.getState().update('ai', { ai: { sessionBudgetUsd: 3 } })).toBe(true)
    expect(store.getState().view?.ai.sessionBudgetUsd).toBe(3)
    fake.answer({ 'settings.update': () => failWith({ code: 'invalid_input', message: 'schedule.start: Use HH:MM.' }) })
    expect(
      await store.getState().update('schedule', { schedule: { day: 'monday', start: '9', minutes: 60, timeZone: 'Europe/London' } }),
    ).toBe(false)
    expect(store.getState().errors).toEqual({ ai: undefined, schedule: { code: 'invalid_input', message: 'schedule.start: Use HH:MM.' } })
    expect(store.getState().saving).toBeNull()
  })

  it('shows a load failure as data', async () => {
    const store = createSettingsStore(
      fakeClient({ 'settings.get': () => failWith({ code: 'internal', message: 'The settings file is busy.' }) }).client,
    )
    await store.getState().load()
    expect(store.getState()).toMatchObject({ loading: false, loadError: { message: 'The settings file is busy.' } })
  })
  it('tests the key typed before it is saved, or the saved one, and keeps the answer', async () => {
    const fake = fakeClient({
      'ai.testKey': () => ({
        status: 'invalid',
        message: 'api.anthropic.com refused the key.',
        next: null,
        models: 0,
        endpointHost: 'api.anthropic.com',
      }),
    })
    const store = createSettingsStore(fake.client)
    await store.getState().testApiKey('  sk-ant-api03-typed-but-not-saved-000000  ')
    await store.getState().testApiKey()
    expect(fake.inputs('ai.testKey')).toEqual([{ key: 'sk-ant-api03-typed-but-not-saved-000000' }, {}])
    expect(store.getState().keyTest).toMatchObject({ status: 'done', result: { status: 'invalid' }, error: null })
  })
})
