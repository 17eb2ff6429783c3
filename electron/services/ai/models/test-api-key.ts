// "Does this key work?": one Models API call with the key (the one typed in Settings, or the saved
// one), nothing generated and nothing spent, answered in a sentence: accepted, refused, unreachable
// or another problem. The key goes only to the endpoint; never into the answer or a log.
import { ANTHROPIC_KEYS_URL, checkApiKeyFormat } from '../../../../shared/api-key-format.ts'
import { GembaError } from '../../../../shared/errors.ts'
import type { ApiKeyTest } from '../../../../shared/models/ai.ts'
import { DEFAULT_ENDPOINT } from '../../../../shared/models/settings.ts'
import { AiClient, type SdkFactory } from '../client/ai-client.ts'

export interface KeyTestInput {
  readonly key: string | null
  /** null: Anthropic's own endpoint. */
  readonly endpoint: string | null
  readonly createSdk: SdkFactory
  readonly signal: AbortSignal
}

export async function testApiKey({ key, endpoint, createSdk, signal }: KeyTestInput): Promise<ApiKeyTest> {
  const endpointHost = hostOf(endpoint ?? DEFAULT_ENDPOINT)
  const anthropic = endpointHost === hostOf(DEFAULT_ENDPOINT)
  const answer = (status: ApiKeyTest['status'], message: string, next: string | null, models = 0): ApiKeyTest => ({
    status,
    message,
    next,
    models,
    endpointHost,
  })
  if (!key?.trim()) return answer('no_key', 'There is no key to test yet.', `Create one at ${ANTHROPIC_KEYS_URL} and paste it here.`)
  const format = checkApiKeyFormat(key)
  if (!format.ok && anthropic) return answer('invalid', format.problem, `Create or copy an API key at ${ANTHROPIC_KEYS_URL}.`)
  const client = new AiClient({ createSdk, apiKey: key.trim(), baseURL: endpoint, maxRetries: 0, requestTimeoutMs: 15_000 })
  try {
    const models = await client.listModels(signal)
    return answer(
      'valid',
      `${endpointHost} accepted the key: it can use ${models.length} ${models.length === 1 ? 'model' : 'models'}.`,
      null,
      models.length,
    )
  } catch (error) {
    if (!(error instanceof GembaError)) throw error
    if (error.code === 'cancelled') throw error
    if (error.code === 'auth_failed')
      return answer(
        'invalid',
        `${endpointHost} refused the key: it is wrong, revoked or disabled.`,
        `Check it, or create a new one at ${ANTHROPIC_KEYS_URL}.`,
      )
    if (error.code === 'network' || error.code === 'timeout') {
      return answer(
        'no_network',
        `Gemba could not reach ${endpointHost}, so the key could not be tested.`,
        'Check your internet connection (or the endpoint), then test again. You can save the key meanwhile.',
      )
    }
    return answer('unavailable', error.message, error.next ?? null)
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
