import { describe, expect, it } from 'vitest'
import { costOf, priceFor } from '../../../../../../electron/services/ai/client/pricing.ts'
import { addUsage, ZERO_USAGE } from '../../../../../../shared/models/ai.ts'

describe('pricing', () => {
  it.each([
    ['claude-opus-4-1-20250805', 'Opus 3–4.1'],
    ['claude-opus-4-5-20251101', 'Opus 4.5–5'],
    ['claude-opus-5', 'Opus 4.5–5'],
    ['claude-opus-5-5', 'Opus 5.5'],
    ['claude-sonnet-4-5-20250929', 'Sonnet 3.5–4.6'],
    ['claude-sonnet-5-5', 'Sonnet 5.5'],
    ['claude-haiku-4-5-20251001', 'Haiku 4.5'],
    ['claude-3-5-haiku-latest', 'Haiku 3.5'],
  ])('prices %s as %s', (model, row) => {
    expect(priceFor(model)).toMatchObject({ known: true, row: { name: row } })
  })

  it('prices input, cache writes (1.25×), cache reads and output separately', () => {
    const usage = { inputTokens: 1_000_000, cacheWriteTokens: 1_000_000, cacheReadTokens: 1_000_000, outputTokens: 1_000_000 }
    expect(costOf(usage, 'claude-sonnet-4-6').usd).toBeCloseTo(3 + 3.75 + 0.3 + 15, 6)
  })

  it('prices a 1-hour cache write at 2× input and a 5-minute one at 1.25×', () => {
    const usage = { inputTokens: 0, cacheWriteTokens: 3_000_000, cacheWrite1hTokens: 1_000_000, cacheReadTokens: 0, outputTokens: 0 }
    expect(costOf(usage, 'claude-sonnet-5-5').usd).toBeCloseTo(2 * 2 + 2 * 2 * 1.25, 6)
    expect(costOf({ ...usage, cacheWrite1hTokens: 0 }, 'claude-sonnet-5-5').usd).toBeCloseTo(3 * 2 * 1.25, 6)
  })

  it('assumes a rate for an unknown model and says so', () => {
    const cost = costOf({ ...ZERO_USAGE, outputTokens: 1000 }, 'local-llama')
    expect(cost.priced).toBe(false)
    expect(cost.usd).toBeGreaterThan(0)
  })

  it('adds usage field by field', () => {
    const one = { inputTokens: 1, cacheWriteTokens: 2, cacheReadTokens: 3, outputTokens: 4 }
    expect(addUsage(one, one)).toEqual({ inputTokens: 2, cacheWriteTokens: 4, cacheReadTokens: 6, outputTokens: 8 })
    expect(addUsage(one, { ...one, cacheWrite1hTokens: 2 })).toMatchObject({ cacheWriteTokens: 4, cacheWrite1hTokens: 2 })
  })
})
