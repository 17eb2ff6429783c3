// AiClient with the real SDK against the fake server: streaming, usage, every error class, retries.
import { afterEach, describe, expect, it } from 'vitest'
import { AiClient, createAnthropicSdk, type Sleep, type StreamRequest } from '../../../electron/services/ai/client/ai-client.ts'
import { GembaError } from '../../../shared/errors.ts'
import type { AiRetryNotice } from '../../../shared/models/ai.ts'
import { httpError, overloadedMidStream, textReply } from '../../fixtures/fake-anthropic/replies.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'

let fake: FakeAnthropic | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const request: StreamRequest = {
  model: 'claude-sonnet-5-5',
  maxTokens: 512,
  system: [{ type: 'text', text: 'You are a guide.' }],
  messages: [{ role: 'user', content: 'Walk me through it.' }],
}

function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = []
  return { waits, sleep: async (ms) => void waits.push(ms) }
}

function client(url: string, extra: Partial<ConstructorParameters<typeof AiClient>[0]> = {}): AiClient {
  return new AiClient({ createSdk: createAnthropicSdk, apiKey: 'sk-ant-test-1111111111111111111111', baseURL: url, ...extra })
}

async function failure(promise: Promise<unknown>): Promise<GembaError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(GembaError)
  return error as GembaError
}

const never = new AbortController().signal

describe('AiClient', () => {
  it('delivers text as it arrives, before the answer is complete', async () => {
    let release = () => {}
    const until = new Promise<void>((resolve) => (release = resolve))
    fake = await startFakeAnthropic({
      replies: [textReply('First words, then the rest.', { chunkSize: 6, holdAfter: { afterEvents: 4, until } })],
    })
    const seen: string[] = []
    let firstDelta = () => {}
    const arrived = new Promise<void>((resolve) => (firstDelta = resolve))
    const done = client(fake.url).stream(request, { onText: (delta) => (seen.push(delta), firstDelta()) }, never)
    await arrived
    expect(seen).toEqual(['First '])
    release()
    expect((await done).text).toBe('First words, then the rest.')
    expect(seen.length).toBeGreaterThan(2)
  })

  it('keeps a paragraph that starts a new text block apart from the one before it', async () => {
    fake = await startFakeAnthropic({
      replies: [
        {
          kind: 'message',
          content: [
            { type: 'text', text: 'Let me look first.' },
            { type: 'text', text: '## Plan\n\nRead the router.' },
            { type: 'text', text: ' Then the tests.' },
          ],
        },
      ],
    })
    const seen: string[] = []
    const result = await client(fake.url).stream(request, { onText: (delta) => seen.push(delta) }, never)
    expect(result.text).toBe('Let me look first.\n\n## Plan\n\nRead the router. Then the tests.')
    expect(seen.join('')).toBe(result.text)
  })

  it('reports usage with cache fields from the final message', async () => {
    fake = await startFakeAnthropic({
      replies: [
        textReply('Hi', { usage: { input_tokens: 10, cache_creation_input_tokens: 2000, cache_read_input_tokens: 0, output_tokens: 5 } }),
      ],
    })
    const result = await client(fake.url).stream(request, {}, never)
    expect(result.text).toBe('Hi')
    expect(result.usage).toEqual({ inputTokens: 10, cacheWriteTokens: 2000, cacheReadTokens: 0, outputTokens: 5 })
  })

  it('refuses to start without a key and sends nothing', async () => {
    fake = await startFakeAnthropic()
    const error = await failure(client(fake.url, { apiKey: null }).stream(request, {}, never))
    expect(error.code).toBe('no_api_key')
    expect(error.next).toMatch(/Settings/)
    expect(fake.requests).toHaveLength(0)
  })

  it.each([
    [401, 'auth_failed', /did not accept the API key/],
    [403, 'auth_failed', /not allowed/],
  ] as const)('maps HTTP %i to %s', async (status, code, message) => {
    fake = await startFakeAnthropic({ replies: [httpError(status)] })
    const error = await failure(client(fake.url).stream(request, {}, never))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('sk-ant-test')
    expect(fake.messageRequests()).toHaveLength(1)
  })

  it('maps an unknown model to not_found naming the model', async () => {
    fake = await startFakeAnthropic()
    const error = await failure(client(fake.url).stream({ ...request, model: 'claude-imaginary-9' }, {}, never))
    expect(error.code).toBe('not_found')
    expect(error.message).toContain('claude-imaginary-9')
  })

  it('waits out a short retry-after (with a notice), then succeeds', async () => {
    fake = await startFakeAnthropic({ replies: [httpError(429, { retryAfterSeconds: 3 }), textReply('Done.')] })
    const { sleep, waits } = recordingSleep()
    const notices: AiRetryNotice[] = []
    const result = await client(fake.url, { sleep }).stream(request, { onRetry: (notice) => notices.push(notice) }, never)
    expect(result.text).toBe('Done.')
    expect(waits).toEqual([3000])
    expect(notices).toEqual([{ attempt: 1, waitSeconds: 3, reason: 'rate_limited' }])
  })

  it('surfaces a long retry-after as rate_limited with the seconds, without waiting', async () => {
    fake = await startFakeAnthropic({ replies: [httpError(429, { retryAfterSeconds: 90 })] })
    const { sleep, waits } = recordingSleep()
    const error = await failure(client(fake.url, { sleep }).stream(request, {}, never))
    expect(error.code).toBe('rate_limited')
    expect(error.details?.retryAfterSeconds).toBe(90)
    expect(error.next).toContain('90 seconds')
    expect(waits).toEqual([])
  })

  it('retries 529 twice with backoff, then says overloaded', async () => {
    fake = await startFakeAnthropic({ replies: [httpError(529), httpError(529), httpError(529)] })
    const { sleep, waits } = recordingSleep()
    const error = await failure(client(fake.url, { sleep }).stream(request, {}, never))
    expect(error.code).toBe('overloaded')
    expect(error.details?.retryable).toBe(true)
    expect(waits).toEqual([1000, 2000])
    expect(fake.messageRequests()).toHaveLength(3)
  })

  it('does not retry a mid-stream overloaded error and keeps the partial text', async () => {
    fake = await startFakeAnthropic({ replies: [overloadedMidStream('Part one of the answer. Part two.', 5), textReply('never sent')] })
    const { sleep, waits } = recordingSleep()
    const error = await failure(client(fake.url, { sleep }).stream(request, {}, never))
    expect(error.code).toBe('overloaded')
    expect(error.details?.midStream).toBe(true)
    expect(String(error.details?.partialText)).toMatch(/^Part one/)
    expect(waits).toEqual([])
    expect(fake.messageRequests()).toHaveLength(1)
  })

  it('maps an unreachable endpoint to network, offering the offline path', async () => {
    fake = await startFakeAnthropic()
    const url = fake.url
    await fake.close()
    fake = undefined
    const error = await failure(client(url).stream(request, {}, never))
    expect(error.code).toBe('network')
    expect(error.next).toMatch(/offline/)
  })

  it('maps a connection dropped mid-stream to network, keeping the partial text', async () => {
    fake = await startFakeAnthropic({ replies: [textReply('Some words before the cut.', { chunkSize: 5, dropAfter: { afterEvents: 5 } })] })
    const error = await failure(client(fake.url).stream(request, {}, never))
    expect(error.code).toBe('network')
    expect(String(error.details?.partialText)).toMatch(/^Some /)
  })

  it('times out when the server never answers', async () => {
    fake = await startFakeAnthropic({ replies: [{ kind: 'stall' }] })
    const error = await failure(client(fake.url, { requestTimeoutMs: 200 }).stream(request, {}, never))
    expect(error.code).toBe('timeout')
  })

  it('times out when a started stream goes silent, keeping the partial text', async () => {
    fake = await startFakeAnthropic({ replies: [textReply('Started, then silence.', { chunkSize: 8, stallAfter: { afterEvents: 4 } })] })
    const error = await failure(client(fake.url, { idleTimeoutMs: 200 }).stream(request, {}, never))
    expect(error.code).toBe('timeout')
    expect(String(error.details?.partialText)).toMatch(/^Started/)
  })

  it('stops on cancel, keeping the partial text', async () => {
    fake = await startFakeAnthropic({
      replies: [textReply('Words that keep coming and coming.', { chunkSize: 5, stallAfter: { afterEvents: 4 } })],
    })
    const controller = new AbortController()
    const error = await failure(client(fake.url).stream(request, { onText: () => controller.abort() }, controller.signal))
    expect(error.code).toBe('cancelled')
    expect(String(error.details?.partialText)).toBe('Words')
  })

  it('lists the models from the Models API', async () => {
    fake = await startFakeAnthropic()
    const models = await client(fake.url).listModels(never)
    expect(models.map((model) => model.id)).toContain('claude-sonnet-5-5')
    expect(models[0]).toMatchObject({ displayName: expect.any(String) })
  })
})
