import { describe, expect, it } from 'vitest'
import { costInWords, usageInWords } from '../../../../../renderer/views/coach/format-usage.ts'

describe('usage in plain words', () => {
  it('says what a call cost and where the repository came from, without token jargon', () => {
    expect(usageInWords({ inputTokens: 8_000, cacheWriteTokens: 0, cacheReadTokens: 37_800, outputTokens: 900 }, 0.1)).toBe(
      'About $0.10; most of the repository was read from the cache.',
    )
    expect(usageInWords({ inputTokens: 0, cacheWriteTokens: 37_800, cacheReadTokens: 0, outputTokens: 900 }, 0.16)).toBe(
      'About $0.16; the repository was stored in the cache, so the next questions cost less.',
    )
    expect(usageInWords({ inputTokens: 4_000, cacheWriteTokens: 0, cacheReadTokens: 0, outputTokens: 900 }, 0.004)).toBe(
      'Less than a cent; the repository was sent in full.',
    )
  })

  it('says nothing was spent when nothing was', () => {
    expect(costInWords(0)).toBe('nothing')
  })
})
