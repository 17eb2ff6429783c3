import { describe, expect, it } from 'vitest'
import { coachErrorView } from '../../../../../renderer/views/coach/coach-errors.ts'

describe('coachErrorView', () => {
  it('offers the offline tour without a key or a network, not for a refused key', () => {
    expect(coachErrorView({ code: 'no_api_key', message: 'x' }).offline).toBe(true)
    expect(coachErrorView({ code: 'network', message: 'x', details: { retryable: true, offline: true } })).toMatchObject({
      offline: true,
      retryable: true,
    })
    expect(coachErrorView({ code: 'auth_failed', message: 'x' })).toMatchObject({ offline: false, retryable: false })
  })

  it('carries the rate limit’s wait and the partial answer', () => {
    expect(
      coachErrorView({ code: 'rate_limited', message: 'x', details: { retryAfterSeconds: 30, retryable: true, partialText: 'so far' } }),
    ).toEqual({
      retryable: true,
      retryAfterSeconds: 30,
      offline: false,
      partialText: 'so far',
    })
  })
})
