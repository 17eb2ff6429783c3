// The renderer's view of settings: loads them, saves patches and the API key through the bridge,
// tests a key, and keeps the last error as data for the form. The key never comes back, only its hint.
import { create } from 'zustand'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { GembaApi } from '../../shared/api.ts'
import type { AiModelChoice, AiModelInfo, ApiKeyTest } from '../../shared/models/ai.ts'
import type { SettingsNotice, SettingsPatch, SettingsView } from '../../shared/models/settings.ts'
import { errorData } from '../bridge.ts'
import type { AutosaveTimers } from './session-autosave.ts'

type Section = 'key' | 'ai' | 'schedule' | 'steps' | 'journal'

export interface SettingsState {
  readonly view: SettingsView | null
  readonly loading: boolean
  readonly loadError: GembaErrorData | null
  /** The section being saved, or null. */
  readonly saving: Section | null
  readonly errors: Partial<Record<Section, GembaErrorData>>
  /** Sections saved in the last few seconds, for a quiet “Saved”. */
  readonly saved: Partial<Record<Section, boolean>>
  load(): Promise<void>
  update(section: Section, patch: SettingsPatch): Promise<boolean>
  setApiKey(key: string): Promise<boolean>
  clearApiKey(): Promise<void>
  dismissNotice(code: SettingsNotice['code']): Promise<void>
  /** The last key test: idle, under way, or its answer (valid, invalid, no network…). */
  readonly keyTest: {
    readonly status: 'idle' | 'testing' | 'done'
    readonly result: ApiKeyTest | null
    readonly error: GembaErrorData | null
  }
  /** Tests the key typed (before saving it), or the saved one when none is typed. */
  testApiKey(key?: string): Promise<void>
  /** The models the key and endpoint named by `for` offer, or why the list is unavailable. */
  readonly models: { readonly for: string; readonly list: readonly AiModelInfo[]; readonly problem: string | null } | null
  /** Reads the model list for a key and endpoint (`forPair` names them); answers the function that cancels it. */
  loadModels(forPair: string): () => void
  /** What Gemba makes of the model typed, and the context budget that follows. */
  readonly modelChoice: { readonly for: string; readonly value: AiModelChoice } | null
  /** Asks about a model once typing pauses; answers the function that cancels the wait or the call. */
  checkModel(model: string, contextTokens: number | null): () => void
}

/** How long typing in the model field pauses before Gemba asks about the model. */
const MODEL_CHECK_DELAY_MS = 300

/** The key `modelChoice.for` holds for a model and budget. */
export function modelChoiceKey(model: string, contextTokens: number | null): string {
  return `${model}|${contextTokens}`
}

export function createSettingsStore(client: GembaApi, options: { readonly timers?: AutosaveTimers } = {}) {
  const timers = options.timers ?? { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as number) }
  return create<SettingsState>((set, get) => {
    const run = async (section: Section, call: () => Promise<SettingsView>): Promise<boolean> => {
      set({ saving: section, errors: { ...get().errors, [section]: undefined } })
      try {
        const view = await call()
        set({ view, saving: null, saved: { ...get().saved, [section]: true } })
        setTimeout(() => set({ saved: { ...get().saved, [section]: false } }), 4000)
        return true
      } catch (error) {
        set({ saving: null, errors: { ...get().errors, [section]: errorData(error) } })
        return false
      }
    }
    return {
      view: null,
      loading: false,
      loadError: null,
      saving: null,
      errors: {},
      saved: {},
      keyTest: { status: 'idle', result: null, error: null },
      models: null,
      modelChoice: null,
      loadModels(forPair) {
        const controller = new AbortController()
        const { signal } = controller
        client.invoke('ai.models', {}, { signal }).then(
          (list) => signal.aborted || set({ models: { for: forPair, list, problem: null } }),
          (error: unknown) => signal.aborted || set({ models: { for: forPair, list: [], problem: errorData(error).message } }),
        )
        return () => controller.abort()
      },
      checkModel(model, contextTokens) {
        if (!model.trim()) return () => undefined
        const controller = new AbortController()
        const { signal } = controller
        const timer = timers.set(() => {
          client.invoke('ai.modelChoice', { model: model.trim(), contextTokens }, { signal }).then(
            (value) => signal.aborted || set({ modelChoice: { for: modelChoiceKey(model, contextTokens), value } }),
            () => undefined,
          )
        }, MODEL_CHECK_DELAY_MS)
        return () => {
          timers.clear(timer)
          controller.abort()
        }
      },
      async load() {
        set({ loading: true, loadError: null })
        try {
          set({ view: await client.invoke('settings.get', {}), loading: false })
        } catch (error) {
          set({ loading: false, loadError: errorData(error) })
        }
      },
      update: (section, patch) => run(section, () => client.invoke('settings.update', patch)),
      async setApiKey(key) {
        const saved = await run('key', () => client.invoke('settings.setApiKey', { key }))
        if (saved) set({ keyTest: { status: 'idle', result: null, error: null } })
        return saved
      },
      async clearApiKey() {
        // What was said about the removed key (a test's answer) no longer holds.
        if (await run('key', () => client.invoke('settings.clearApiKey', {})))
          set({ keyTest: { status: 'idle', result: null, error: null } })
      },
      async testApiKey(key) {
        set({ keyTest: { status: 'testing', result: null, error: null } })
        try {
          const result = await client.invoke('ai.testKey', key?.trim() ? { key: key.trim() } : {})
          set({ keyTest: { status: 'done', result, error: null } })
        } catch (error) {
          set({ keyTest: { status: 'done', result: null, error: errorData(error) } })
        }
      },
      async dismissNotice(code) {
        try {
          set({ view: await client.invoke('settings.dismissNotice', { code }) })
        } catch {
          // Dismissing is cosmetic; the notice simply stays.
        }
      },
    }
  })
}
