import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openConfStore } from '../../../../electron/platform/node-ports.ts'
import { FileSecretBox, SettingsService } from '../../../../electron/services/settings/index.ts'
import { createSettingsStore, modelChoiceKey } from '../../../../renderer/stores/settings-store.ts'
import type { AiModelChoice, AiModelInfo } from '../../../../shared/models/ai.ts'
import { deferred, failWith, fakeClient } from '../../../fixtures/fake-client.ts'
import { manualTimers, settle } from '../../../fixtures/manual-timers.ts'

let folder: string
let service: SettingsService

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gemba-settings-store-'))
  service = new SettingsService({
    dataFolder: folder,
    openStore: openConfStore,
    secretBox: new FileSecretBox(folder),
    env: {},
    timeZone: 'Europe/London',
    events: { emit: () => undefined },
  })
})
afterEach(() => rm(folder, { recursive: true, force: true }))

/** The client answers with a real settings service, as the backend would. */
function client() {
  return fakeClient({
    'settings.get': () => service.get(),
    'settings.update': (patch) => service.update(patch),
    'settings.setApiKey': (input) => service.setApiKey(input),
    'settings.clearApiKey': () => service.clearApiKey(),
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

describe('the model list and what Gemba makes of a model', () => {
  const choice = (model: string): AiModelChoice => ({
    profile: {
      model,
      displayName: null,
      contextWindow: 200_000,
      maxOutputTokens: null,
      capabilities: { citations: true, adaptiveThinking: false, effortLevels: [] },
      prefixCacheTtl: '1h',
      source: 'models_api',
    },
    contextBudget: { tokens: 40_000, source: 'model' },
  })

  it('reads the model list for a key and endpoint; a cancelled read never lands', async () => {
    const list = deferred<readonly AiModelInfo[]>()
    const fake = fakeClient({ 'ai.models': () => list.promise })
    const store = createSettingsStore(fake.client)
    const cancel = store.getState().loadModels('https://api.anthropic.com|true')
    cancel()
    expect(fake.calls[0]?.options.signal?.aborted).toBe(true)
    list.resolve([{ id: 'claude-x', displayName: 'Claude X', createdAt: null }])
    await settle()
    expect(store.getState().models).toBeNull()

    fake.answer({ 'ai.models': () => failWith({ code: 'unavailable', message: 'No key is set.' }) })
    store.getState().loadModels('https://api.anthropic.com|false')
    await settle()
    expect(store.getState().models).toEqual({ for: 'https://api.anthropic.com|false', list: [], problem: 'No key is set.' })
  })

  it('asks about a model once typing pauses, only the last one typed, and cancels a question under way', async () => {
    const clock = manualTimers()
    const fake = fakeClient({ 'ai.modelChoice': (input) => choice(input.model ?? '') })
    const store = createSettingsStore(fake.client, { timers: clock.timers })
    const first = store.getState().checkModel('claude-so', null)
    first()
    store.getState().checkModel('claude-sonnet', null)
    clock.fireAll()
    await settle()
    expect(fake.inputs('ai.modelChoice')).toEqual([{ model: 'claude-sonnet', contextTokens: null }])
    expect(store.getState().modelChoice).toEqual({ for: modelChoiceKey('claude-sonnet', null), value: choice('claude-sonnet') })

    const slow = deferred<AiModelChoice>()
    fake.answer({ 'ai.modelChoice': () => slow.promise })
    const cancel = store.getState().checkModel('claude-opus', 30_000)
    clock.fireAll()
    cancel()
    expect(fake.calls.at(-1)?.options.signal?.aborted).toBe(true)
    slow.resolve(choice('claude-opus'))
    await settle()
    expect(store.getState().modelChoice?.for).toBe(modelChoiceKey('claude-sonnet', null))
  })
})
