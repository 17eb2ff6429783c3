// What the AI and the change services read from Settings before each call, mapped in one place: the
// key (Settings, else the environment), the endpoint, the model, the context size and the coach's memory. Never logs or
// returns the key anywhere but to the client that sends it.
import type { AiSettings, CoachMemory } from '../../../shared/models/settings.ts'

/** The Settings service as the AI side needs it. */
export interface AiSettingsSource {
  resolveApiKey(): Promise<string | null>
  endpoint(): { readonly url: string }
  current(): { readonly ai: AiSettings }
}

/** What a service reads from Settings for each thread or call. */
export interface AiRuntimeSettings {
  readonly apiKey: string | null
  /** null: Anthropic's own endpoint. */
  readonly endpoint: string | null
  readonly model: string
  /** null: automatic, from the model's context window. */
  readonly contextTokens: number | null
  /** What the coach may remember of past sessions; off when not given. */
  readonly memory?: CoachMemory
}

export function readAiSettings(source: AiSettingsSource): () => Promise<AiRuntimeSettings> {
  return async () => {
    const ai = source.current().ai
    return {
      apiKey: await source.resolveApiKey(),
      endpoint: source.endpoint().url,
      model: ai.model,
      contextTokens: ai.contextTokens,
      memory: ai.memory,
    }
  }
}
