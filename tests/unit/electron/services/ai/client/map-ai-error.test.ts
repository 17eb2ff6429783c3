import { describe, expect, it } from 'vitest'
import { mapAiError, retryAfterSeconds } from '../../../../../../electron/services/ai/client/map-ai-error.ts'

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null })
const context = { model: 'claude-sonnet-5-5', endpointHost: 'api.anthropic.com', partialText: '' }

describe('retryAfterSeconds', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterSeconds(headers({ 'retry-after': '12' }))).toBe(12)
    expect(retryAfterSeconds(headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(2)
    const now = () => Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterSeconds(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30)
    expect(retryAfterSeconds(headers({}))).toBeNull()
  })
})

describe('mapAiError', () => {
  it('keeps the partial text and says so', () => {
    const error = mapAiError({ name: 'APIUserAbortError' }, { ...context, partialText: 'So far' })
    expect(error.code).toBe('cancelled')
    expect(error.message).toContain('kept')
    expect(error.details?.partialText).toBe('So far')
  })

  it('treats a mid-stream error event of type overloaded_error as overloaded and retryable', () => {
    const error = mapAiError({ name: 'APIError', status: undefined, type: 'overloaded_error' }, context)
    expect(error.code).toBe('overloaded')
    expect(error.details).toMatchObject({ retryable: true, midStream: true })
  })

  it('maps a prompt that is too long to a budget hint, not a crash', () => {
    const error = mapAiError(
      { name: 'BadRequestError', status: 400, apiMessage: 'prompt is too long: 250000 tokens > 200000 maximum' },
      context,
    )
    expect(error.code).toBe('invalid_input')
    expect(error.next).toMatch(/context budget/)
  })

  it('falls back to internal for anything unknown', () => {
    expect(mapAiError(new Error('boom'), context).code).toBe('internal')
  })
})
