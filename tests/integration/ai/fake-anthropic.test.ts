// The fake Anthropic server, exercised with the real SDK: if the SDK parses it, it speaks the protocol.
import Anthropic from '@anthropic-ai/sdk'
import { afterEach, describe, expect, it } from 'vitest'
import { httpError, overloadedMidStream, textReply, toolUseReply } from '../../fixtures/fake-anthropic/replies.ts'
import { DEFAULT_FAKE_MODELS, startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'

const KEY = 'sk-ant-test-0000000000000000000000'
let fake: FakeAnthropic | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

function sdk(url: string, maxRetries = 0): Anthropic {
  return new Anthropic({ apiKey: KEY, baseURL: url, maxRetries })
}

const params = { model: 'claude-sonnet-5-5', max_tokens: 256, messages: [{ role: 'user' as const, content: 'Hi' }] }

describe('fake Anthropic server', () => {
  it('answers a non-streaming request with a Message the SDK parses', async () => {
    fake = await startFakeAnthropic({ replies: [textReply('Hello there.')] })
    const message = await sdk(fake.url).messages.create(params)
    expect(message.content).toEqual([{ type: 'text', text: 'Hello there.' }])
    expect(message.stop_reason).toBe('end_turn')
    expect(message.usage.output_tokens).toBeGreaterThan(0)
    expect(fake.requests[0]?.hadApiKey).toBe(true)
    expect(JSON.stringify(fake.requests[0]?.headers)).not.toContain(KEY)
  })

  it('streams text in several deltas and tool input as input_json_delta pieces', async () => {
    fake = await startFakeAnthropic({
      replies: [toolUseReply([{ name: 'read_file', input: { path: 'src/app.ts', start_line: 3 } }], { preamble: 'Let me look.', chunkSize: 4 })],
    })
    const deltas: string[] = []
    const partials: string[] = []
    const stream = sdk(fake.url).messages.stream(params)
    stream.on('text', (delta) => deltas.push(delta))
    stream.on('inputJson', (partial) => partials.push(partial))
    const message = await stream.finalMessage()
    expect(deltas.join('')).toBe('Let me look.')
    expect(deltas.length).toBeGreaterThan(1)
    expect(partials.length).toBeGreaterThan(2)
    expect(message.stop_reason).toBe('tool_use')
    const tool = message.content[1]
    expect(tool?.type === 'tool_use' && tool.input).toEqual({ path: 'src/app.ts', start_line: 3 })
  })

  it('reports cache writes, then cache reads for the same marked prefix', async () => {
    fake = await startFakeAnthropic({ respond: () => textReply('ok') })
    const system = [{ type: 'text' as const, text: 'context '.repeat(500), cache_control: { type: 'ephemeral' as const } }]
    const first = await sdk(fake.url).messages.stream({ ...params, system }).finalMessage()
    const second = await sdk(fake.url).messages.stream({ ...params, system, messages: [{ role: 'user', content: 'Again' }] }).finalMessage()
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(900)
    expect(first.usage.cache_read_input_tokens).toBe(0)
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens)
    expect(second.usage.cache_creation_input_tokens).toBe(0)
  })

  it('sends HTTP errors with the real body shape and headers', async () => {
    fake = await startFakeAnthropic({ replies: [httpError(429, { retryAfterSeconds: 12 }), httpError(529), httpError(401)] })
    const client = sdk(fake.url)
    const rate = await client.messages.create(params).catch((error: unknown) => error)
    expect(rate).toBeInstanceOf(Anthropic.RateLimitError)
    expect((rate as InstanceType<typeof Anthropic.RateLimitError>).headers.get('retry-after')).toBe('12')
    const overloaded = await client.messages.create(params).catch((error: unknown) => error)
    expect((overloaded as InstanceType<typeof Anthropic.APIError>).status).toBe(529)
    expect((overloaded as InstanceType<typeof Anthropic.APIError>).type).toBe('overloaded_error')
    await expect(client.messages.create(params)).rejects.toBeInstanceOf(Anthropic.AuthenticationError)
  })

  it('answers an unknown model with 404 not_found_error', async () => {
    fake = await startFakeAnthropic()
    await expect(sdk(fake.url).messages.create({ ...params, model: 'claude-nope-1' })).rejects.toBeInstanceOf(Anthropic.NotFoundError)
  })

  it('rejects a wrong key when a key is configured', async () => {
    fake = await startFakeAnthropic({ apiKey: 'sk-ant-right-000000000000000000', replies: [textReply('x')] })
    await expect(sdk(fake.url).messages.create(params)).rejects.toBeInstanceOf(Anthropic.AuthenticationError)
  })

  it('can fail mid-stream with an overloaded error event after some text', async () => {
    fake = await startFakeAnthropic({ replies: [overloadedMidStream('The first part. The second part.', 5)] })
    const deltas: string[] = []
    const stream = sdk(fake.url).messages.stream(params)
    stream.on('text', (delta) => deltas.push(delta))
    const error = await stream.finalMessage().catch((caught: unknown) => caught)
    expect((error as InstanceType<typeof Anthropic.APIError>).type).toBe('overloaded_error')
    expect(deltas.join('')).not.toBe('')
  })

  it('holds a stream until released, so progress is visible before the end', async () => {
    let release = () => {}
    const until = new Promise<void>((resolve) => (release = resolve))
    fake = await startFakeAnthropic({ replies: [textReply('one two three four', { chunkSize: 4, holdAfter: { afterEvents: 4, until } })] })
    const stream = sdk(fake.url).messages.stream(params)
    const first = await new Promise<string>((resolve) => stream.on('text', (_delta, snapshot) => resolve(snapshot)))
    expect(first).toBe('one ')
    release()
    expect((await stream.finalText())).toBe('one two three four')
  })

  it('drops the connection mid-stream', async () => {
    fake = await startFakeAnthropic({ replies: [textReply('some text here', { chunkSize: 2, dropAfter: { afterEvents: 4 } })] })
    await expect(sdk(fake.url).messages.stream(params).finalMessage()).rejects.toThrow()
  })

  it('lists models through the Models API, across pages', async () => {
    fake = await startFakeAnthropic()
    const ids: string[] = []
    for await (const model of sdk(fake.url).models.list({ limit: 2 })) ids.push(model.id)
    expect(ids).toEqual(DEFAULT_FAKE_MODELS.map((model) => model.id))
  })
})
