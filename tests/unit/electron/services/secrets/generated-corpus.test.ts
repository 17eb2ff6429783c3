// The generated credential corpus's tuning half: every value the principles generate is caught, in
// every name, syntax, language and layout they combine. The held-out half is checked on its own
// (generated-corpus-held-out.test.ts), since the detector was never tuned on it.
import { describe, expect, it } from 'vitest'
import { recallOf } from '../../../../fixtures/corpus-recall.ts'
import { generateCredentialCorpus } from '../../../../fixtures/generated-credential-corpus.ts'

const corpus = generateCredentialCorpus()

describe('the generated credential corpus', () => {
  it('has at least 500 values over every principle, split once into two halves of about the same size', () => {
    const values = corpus.reduce((sum, item) => sum + item.secrets.length, 0)
    expect(values).toBeGreaterThanOrEqual(500)
    const tuning = corpus.filter((item) => item.half === 'tuning').length
    expect(Math.abs(tuning * 2 - corpus.length)).toBeLessThanOrEqual(1)
    expect(new Set(corpus.map((item) => item.principle)).size).toBeGreaterThanOrEqual(15)
    // The same seed gives the same corpus and the same split.
    expect(generateCredentialCorpus().map((item) => `${item.id}:${item.half}:${item.text}`)).toEqual(
      corpus.map((item) => `${item.id}:${item.half}:${item.text}`),
    )
  })

  it('has every value of its tuning half caught', async () => {
    const recall = await recallOf(corpus.filter((item) => item.half === 'tuning'))
    const misses = recall.misses.map(
      ({ item, value }) => `${item.id} ${item.principle}/${item.syntax}/${item.layout} ${item.path}: ${value}`,
    )
    expect(misses).toEqual([])
  })
})
