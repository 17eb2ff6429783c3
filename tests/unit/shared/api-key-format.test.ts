import { describe, expect, it } from 'vitest'
import { checkApiKeyFormat } from '../../../shared/api-key-format.ts'

describe('checkApiKeyFormat', () => {
  it('accepts an Anthropic API key', () => {
    expect(checkApiKeyFormat('  sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789  ')).toEqual({ ok: true })
  })

  it('names what else was pasted: an OpenAI key, an Admin key, a cut-off key, stray spaces', () => {
    expect(checkApiKeyFormat('sk-proj-abcdefghijklmnopqrstuvwxyz012345')).toEqual({
      ok: false,
      problem: 'That looks like an OpenAI key. Anthropic API keys begin with sk-ant-.',
    })
    expect(checkApiKeyFormat('sk-abcdefghijklmnopqrstuvwxyz012345').ok).toBe(false)
    expect(checkApiKeyFormat('sk-ant-admin01-abcdefghijklmnopqrstuvwxyz')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/Admin key/),
    })
    expect(checkApiKeyFormat('sk-ant-api03-abc')).toMatchObject({ ok: false, problem: expect.stringMatching(/too short/) })
    expect(checkApiKeyFormat('sk-ant-api03-abc def-ghijklmnopqrstuvwxyz0123')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/no spaces/),
    })
    expect(checkApiKeyFormat('AIzaSyA-something-else-entirely-0000')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/begin with sk-ant-/),
    })
  })
})
