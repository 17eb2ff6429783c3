// What a call costs: a small price table per model family and the arithmetic on an AiUsage. Prices
// change; this table is a display estimate, never a bill, and says when it had to assume a rate.
import type { AiCost, AiUsage, CacheTtl } from '../../../../shared/models/ai.ts'

export interface PriceRow {
  readonly name: string
  /** Matched against the model id (dated ids and aliases alike). */
  readonly pattern: RegExp
  /** US dollars per million tokens. */
  readonly input: number
  readonly output: number
  /** Cache hits (and the refreshes a hit makes). Cache writes are priced from input: CACHE_WRITE_PRICE. */
  readonly cacheRead: number
}

/** A cache write costs this many times the input price: 1.25× for five minutes, 2× for one hour. */
export const CACHE_WRITE_PRICE: Readonly<Record<CacheTtl, number>> = { '5m': 1.25, '1h': 2 }

// Source: Anthropic's pricing page, https://platform.claude.com/docs/en/about-claude/pricing, as
// indexed on 2026-11-24 (base input, 5m cache write = 1.25× input, 1h cache write = 2× input, cache hits, output). Haiku 5.5 is
// priced for prompts up to 100k tokens; longer prompts cost more and are under-estimated here.
// Order matters: the first matching row wins.
export const PRICE_TABLE: readonly PriceRow[] = [
  { name: 'Fable/Mythos 5.1+', pattern: /(fable|mythos)-5-[1-9]/, input: 10, output: 50, cacheRead: 0.25 },
  { name: 'Fable/Mythos 5', pattern: /(fable|mythos)/, input: 10, output: 50, cacheRead: 1 },
  { name: 'Opus 5.5', pattern: /opus-5-5/, input: 4, output: 20, cacheRead: 0.4 },
  { name: 'Opus 4.5–5', pattern: /opus-(5|4-[5-9])/, input: 5, output: 25, cacheRead: 0.5 },
  { name: 'Opus 3–4.1', pattern: /opus/, input: 15, output: 75, cacheRead: 1.5 },
  { name: 'Sonnet 5.5', pattern: /sonnet-5-5/, input: 2, output: 10, cacheRead: 0.1 },
  { name: 'Sonnet 5', pattern: /sonnet-5/, input: 2, output: 10, cacheRead: 0.2 },
  { name: 'Sonnet 3.5–4.6', pattern: /sonnet/, input: 3, output: 15, cacheRead: 0.3 },
  { name: 'Haiku 5.5', pattern: /haiku-5/, input: 0.1, output: 0.5, cacheRead: 0.01 },
  { name: 'Haiku 4.5', pattern: /haiku-4/, input: 1, output: 5, cacheRead: 0.1 },
  { name: 'Haiku 3.5', pattern: /3-5-haiku|haiku-3-5/, input: 0.8, output: 4, cacheRead: 0.08 },
  { name: 'Haiku 3', pattern: /haiku/, input: 0.25, output: 1.25, cacheRead: 0.03 },
]

/** Unknown models (a local server, a gateway alias) are priced like a mid-range model, and say so. */
const ASSUMED: PriceRow = { name: 'assumed (Sonnet-class rate)', pattern: /.*/, input: 3, output: 15, cacheRead: 0.3 }

export function priceFor(model: string): { readonly row: PriceRow; readonly known: boolean } {
  const row = PRICE_TABLE.find((candidate) => candidate.pattern.test(model.toLowerCase()))
  return row ? { row, known: true } : { row: ASSUMED, known: false }
}

export function costOf(usage: AiUsage, model: string): AiCost {
  const { row, known } = priceFor(model)
  const longWrites = Math.min(usage.cacheWrite1hTokens ?? 0, usage.cacheWriteTokens)
  const usd =
    (usage.inputTokens * row.input +
      (usage.cacheWriteTokens - longWrites) * row.input * CACHE_WRITE_PRICE['5m'] +
      longWrites * row.input * CACHE_WRITE_PRICE['1h'] +
      usage.cacheReadTokens * row.cacheRead +
      usage.outputTokens * row.output) /
    1_000_000
  return { usd, priced: known, priceRow: row.name }
}

/** Upper estimate of what sending `inputTokens` fresh (written to the cache with `ttl`) and getting `outputTokens` back costs. */
export function estimateCostUsd(model: string, inputTokens: number, outputTokens: number, ttl: CacheTtl = '5m'): number {
  const { row } = priceFor(model)
  return (inputTokens * row.input * CACHE_WRITE_PRICE[ttl] + outputTokens * row.output) / 1_000_000
}

/** Estimate of a request whose first `cachedTokens` are read from the cache and the rest written to the 5-minute cache. */
export function estimateCachedCallUsd(model: string, cachedTokens: number, freshTokens: number, outputTokens: number): number {
  const { row } = priceFor(model)
  return (cachedTokens * row.cacheRead + freshTokens * row.input * CACHE_WRITE_PRICE['5m'] + outputTokens * row.output) / 1_000_000
}
