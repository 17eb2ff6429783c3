// The models side of the ai channels: the endpoint's model list, what a model can do and the context
// budget it implies, and "does this key work?". Asks the Models API (through the catalogue, which keeps
// the list) and nothing else; the key is read from Settings for each call and never returned.
import type { AiModelChoice, AiModelInfo, AiModelProfile, ApiKeyTest } from '../../../../shared/models/ai.ts'
import type { AiRuntimeSettings } from '../ai-settings.ts'
import type { AiClient, SdkFactory } from '../client/ai-client.ts'
import type { ModelCatalogue } from './model-catalogue.ts'
import { contextBudgetFor, modelProfile } from './model-profile.ts'
import { testApiKey } from './test-api-key.ts'

export interface AiModelsDeps {
  readonly settings: () => Promise<AiRuntimeSettings>
  readonly createSdk: SdkFactory
  /** A client for the Settings of the moment. */
  readonly client: (settings: AiRuntimeSettings) => AiClient
  /** The endpoint's models and what each can do (cached); without it, what Gemba knows of the families. */
  readonly catalogue?: ModelCatalogue | undefined
}

export class AiModels {
  readonly #deps: AiModelsDeps

  constructor(deps: AiModelsDeps) {
    this.#deps = deps
  }

  /** The list as it is now: a key that cannot list models says so (Settings asks). */
  async list(signal: AbortSignal): Promise<readonly AiModelInfo[]> {
    if (this.#deps.catalogue) return this.#deps.catalogue.list(signal, { refresh: true, fallback: false })
    return this.#deps.client(await this.#deps.settings()).listModels(signal)
  }

  /** Tests a key (the typed one, else the saved one) with a Models API call; the key never comes back. */
  async testKey(key: string | undefined, signal: AbortSignal): Promise<ApiKeyTest> {
    const settings = await this.#deps.settings()
    return testApiKey({ key: key ?? settings.apiKey, endpoint: settings.endpoint, createSdk: this.#deps.createSdk, signal })
  }

  /** A model's profile and the context budget it gives (Settings' model and budget unless named). */
  async choice(
    input: { model?: string | undefined; contextTokens?: number | null | undefined },
    signal: AbortSignal,
  ): Promise<AiModelChoice> {
    const settings = await this.#deps.settings()
    const profile = await this.profileFor(input.model ?? settings.model, signal)
    return {
      profile,
      contextBudget: contextBudgetFor(profile, input.contextTokens === undefined ? settings.contextTokens : input.contextTokens),
    }
  }

  /** How Gemba uses `model` (the coach's threads and the small-change agent ask). */
  async profileFor(model: string, signal: AbortSignal): Promise<AiModelProfile> {
    return this.#deps.catalogue ? this.#deps.catalogue.profileFor(model, signal) : modelProfile(model, undefined)
  }
}
