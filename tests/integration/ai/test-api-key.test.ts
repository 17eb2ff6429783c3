// Testing an API key from Settings with the real SDK against the fake server: accepted, refused, not
// an Anthropic key at all, the endpoint unreachable; the key never appears in the answer.
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createAnthropicSdk } from '../../../electron/services/ai/client/ai-client.ts'
import { testApiKey } from '../../../electron/services/ai/models/test-api-key.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'

const GOOD = 'sk-ant-api03-good-key-0000000000000000000000'
const signal = new AbortController().signal
let fake: FakeAnthropic | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

/** A port nothing listens on: the connection is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('testApiKey', () => {
  it('says a key the endpoint accepts is valid, with how many models it may use', async () => {
    fake = await startFakeAnthropic({ apiKey: GOOD })
    const test = await testApiKey({ key: GOOD, endpoint: fake.url, createSdk: createAnthropicSdk, signal })
    expect(test).toMatchObject({ status: 'valid', next: null })
    expect(test.models).toBeGreaterThan(0)
    expect(test.message).toMatch(/accepted the key: it can use \d+ models?\./)
  })

  it('says a key the endpoint refuses is invalid and where to make another, never repeating it', async () => {
    fake = await startFakeAnthropic({ apiKey: GOOD })
    const wrong = 'sk-ant-api03-wrong-key-111111111111111111111'
    const test = await testApiKey({ key: wrong, endpoint: fake.url, createSdk: createAnthropicSdk, signal })
    expect(test).toMatchObject({ status: 'invalid', models: 0 })
    expect(test.message).toMatch(/refused the key/)
    expect(test.next).toContain('https://console.anthropic.com/settings/keys')
    expect(JSON.stringify(test)).not.toContain(wrong)
  })

  it('refuses an OpenAI key for Anthropic’s own endpoint without sending it anywhere', async () => {
    const test = await testApiKey({
      key: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345',
      endpoint: null,
      createSdk: () => {
        throw new Error('must not be called')
      },
      signal,
    })
    expect(test).toMatchObject({
      status: 'invalid',
      message: 'That looks like an OpenAI key. Anthropic API keys begin with sk-ant-.',
      endpointHost: 'api.anthropic.com',
    })
  })

  it('says plainly when the endpoint cannot be reached, and when there is no key', async () => {
    const test = await testApiKey({ key: GOOD, endpoint: `http://127.0.0.1:${await closedPort()}`, createSdk: createAnthropicSdk, signal })
    expect(test.status).toBe('no_network')
    expect(test.message).toMatch(/could not reach 127\.0\.0\.1:\d+/)
    expect((await testApiKey({ key: null, endpoint: null, createSdk: createAnthropicSdk, signal })).status).toBe('no_key')
  })
})
