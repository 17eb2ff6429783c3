// How many input tokens a request will carry, for "what will be sent" and the budget gate: counted by
// the API's token-counting endpoint when it can be reached (within a few seconds), estimated locally
// otherwise (offline, no key, a server without the endpoint), and always saying which.
import type { TokenFigure } from '../../../../shared/models/ai.ts'
import { estimateTokens } from '../context/token-estimate.ts'

export type CountTokens = (signal: AbortSignal) => Promise<number>

const COUNT_TIMEOUT_MS = 2_500

export async function requestTokens(count: CountTokens | null, localChars: number, signal: AbortSignal): Promise<TokenFigure> {
  if (count) {
    try {
      const tokens = await count(AbortSignal.any([signal, AbortSignal.timeout(COUNT_TIMEOUT_MS)]))
      return { tokens, source: 'counted' }
    } catch {
      signal.throwIfAborted()
    }
  }
  return { tokens: estimateTokens(localChars), source: 'estimated' }
}
