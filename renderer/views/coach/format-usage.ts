// Token counts and dollars as the coach shows them, and the same in plain words. Pure.
import type { AiUsage } from '../../../shared/models/ai.ts'

export function formatTokens(tokens: number): string {
  return tokens >= 10_000 ? `${(tokens / 1000).toFixed(1)}k` : tokens.toLocaleString('en')
}

export function formatUsd(usd: number): string {
  return usd === 0 ? '$0.00' : usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`
}

/** A context window: "200k", "1M". */
export function formatWindow(tokens: number): string {
  return tokens >= 1_000_000 ? `${Number((tokens / 1_000_000).toFixed(1))}M` : `${Math.round(tokens / 1000)}k`
}

/** "about $0.10", "less than a cent": what a call or a session cost, as a person would say it. */
export function costInWords(usd: number): string {
  return usd <= 0 ? 'nothing' : usd < 0.01 ? 'less than a cent' : `about ${formatUsd(usd)}`
}

/**
 * Where the repository context of a call (or of every call so far) came from, in a sentence:
 * read back from the prompt cache (cheap), stored in it for the questions to come, or sent in full.
 */
export function contextInWords(usage: {
  readonly inputTokens: number
  readonly cacheWriteTokens: number
  readonly cacheReadTokens: number
}): string | null {
  const total = usage.inputTokens + usage.cacheWriteTokens + usage.cacheReadTokens
  if (total === 0) return null
  const read = usage.cacheReadTokens / total
  const written = usage.cacheWriteTokens / total
  if (read >= 0.95) return 'the repository was read from the cache'
  if (read >= 0.5) return 'most of the repository was read from the cache'
  if (written >= 0.5) return 'the repository was stored in the cache, so the next questions cost less'
  return 'the repository was sent in full'
}

/** One call's usage in plain words: "about $0.10; most of the repository was read from the cache." */
export function usageInWords(usage: AiUsage, costUsd: number): string {
  const context = contextInWords(usage)
  return `${capitalise(costInWords(costUsd))}${context ? `; ${context}` : ''}.`
}

function capitalise(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`
}
