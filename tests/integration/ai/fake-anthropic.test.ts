// The fake Anthropic server, exercised with the real SDK: if the SDK parses it, it speaks the protocol.
import Anthropic from '@anthropic-ai/sdk'
import { afterEach, describe, expect, it } from 'vitest'
import { citedReply, httpError, overloadedMidStream, textReply, toolUseReply } from '../../fixtures/fake-anthropic/replies.ts'
import { citeLine, searchResultsOf } from '../../fixtures/fake-anthropic/search-results.ts'
import { DEFAULT_FAKE_MODELS } from '../../fixtures/fake-anthropic/fake-models.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'

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
      replies: [
        toolUseReply([{ name: 'read_file', input: { path: 'src/app.ts', start_line: 3 } }], { preamble: 'Let me look.', chunkSize: 4 }),
      ],
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
    const first = await sdk(fake.url)
      .messages.stream({ ...params, system })
      .finalMessage()
    const second = await sdk(fake.url)
      .messages.stream({ ...params, system, messages: [{ role: 'user', content: 'Again' }] })
      .finalMessage()
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
    expect(await stream.finalText()).toBe('one two three four')
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

  it('lists each model with its context window, output limit and capabilities, as the Models API does', async () => {
    fake = await startFakeAnthropic()
    const listed = (await sdk(fake.url).models.list()).data.find((info) => info.id === 'claude-haiku-5-5')!
    expect(listed.max_input_tokens).toBe(200_000)
    expect(listed.capabilities?.citations.supported).toBe(true)
    expect(listed.capabilities?.thinking.types.adaptive.supported).toBe(false)
    expect(listed.capabilities?.effort.medium.supported).toBe(false)
  })

  it('counts input tokens like the usage of the same request', async () => {
    fake = await startFakeAnthropic({ respond: () => textReply('ok') })
    const request = { ...params, system: [{ type: 'text' as const, text: 'system '.repeat(300) }] }
    const counted = await sdk(fake.url).messages.countTokens({ model: request.model, system: request.system, messages: request.messages })
    const message = await sdk(fake.url).messages.create(request)
    expect(counted.input_tokens).toBe(message.usage.input_tokens)
  })

  it('keeps a 1-hour prefix through a ten-minute pause while the 5-minute one expires, and splits writes by lifetime', async () => {
    let now = 0
    fake = await startFakeAnthropic({ now: () => now, respond: () => textReply('ok') })
    const system = [
      { type: 'text' as const, text: 'repository '.repeat(800), cache_control: { type: 'ephemeral' as const, ttl: '1h' as const } },
    ]
    const turn = (text: string) => ({
      role: 'user' as const,
      content: [{ type: 'text' as const, text: text.repeat(200), cache_control: { type: 'ephemeral' as const } }],
    })
    const first = await sdk(fake.url).messages.create({ ...params, system, messages: [turn('first ')] })
    expect(first.usage.cache_creation?.ephemeral_1h_input_tokens).toBeGreaterThan(2000)
    expect(first.usage.cache_creation?.ephemeral_5m_input_tokens).toBeGreaterThan(200)
    now += 10 * 60_000
    const second = await sdk(fake.url).messages.create({ ...params, system, messages: [turn('first ')] })
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation!.ephemeral_1h_input_tokens)
    expect(second.usage.cache_creation?.ephemeral_5m_input_tokens).toBe(first.usage.cache_creation!.ephemeral_5m_input_tokens)
    now += 61 * 60_000
    const third = await sdk(fake.url).messages.create({ ...params, system, messages: [turn('first ')] })
    expect(third.usage.cache_read_input_tokens).toBe(0)
  })

  it('refuses what the real API refuses: a 1-hour breakpoint after a 5-minute one, mixed citation settings, a thinking tool loop without its thinking block', async () => {
    fake = await startFakeAnthropic({ respond: () => textReply('ok') })
    const short = { type: 'text' as const, text: 'a', cache_control: { type: 'ephemeral' as const } }
    const long = { type: 'text' as const, text: 'b', cache_control: { type: 'ephemeral' as const, ttl: '1h' as const } }
    await expect(sdk(fake.url).messages.create({ ...params, system: [short, long] })).rejects.toBeInstanceOf(Anthropic.BadRequestError)
    const result = (enabled: boolean) => ({
      type: 'search_result' as const,
      source: 'a.ts@1',
      title: 'a.ts',
      content: [{ type: 'text' as const, text: '1\tx' }],
      citations: { enabled },
    })
    await expect(
      sdk(fake.url).messages.create({
        ...params,
        messages: [{ role: 'user', content: [result(true), result(false), { type: 'text', text: 'q' }] }],
      }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError)
    const loop = [
      { role: 'user' as const, content: 'Go' },
      { role: 'assistant' as const, content: [{ type: 'tool_use' as const, id: 'toolu_1', name: 'list_folder', input: {} }] },
      { role: 'user' as const, content: [{ type: 'tool_result' as const, tool_use_id: 'toolu_1', content: 'src/' }] },
    ]
    await expect(sdk(fake.url).messages.create({ ...params, thinking: { type: 'adaptive' }, messages: loop })).rejects.toThrow(
      /must start with a thinking block/,
    )
    await expect(
      sdk(fake.url).messages.create({ ...params, model: 'claude-haiku-5-5', thinking: { type: 'adaptive' } }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError)
  })

  it('cites search results the request carried, streamed as citations_delta and numbered across tool results', async () => {
    const result = (source: string, lines: string[]) => ({
      type: 'search_result' as const,
      source,
      title: source,
      content: lines.map((text) => ({ type: 'text' as const, text })),
      citations: { enabled: true },
    })
    fake = await startFakeAnthropic({
      respond: (request) => {
        const results = searchResultsOf(request.body)
        return citedReply([
          { text: 'It listens ' },
          { text: 'on port 8080', citations: [citeLine(results, 'src/server.ts', 2)!] },
          { text: '.' },
        ])
      },
    })
    const messages = [
      { role: 'user' as const, content: [result('README.md@abc', ['1\t# Shop\n']), { type: 'text' as const, text: 'Where?' }] },
      {
        role: 'assistant' as const,
        content: [{ type: 'tool_use' as const, id: 'toolu_1', name: 'read_file', input: { path: 'src/server.ts' } }],
      },
      {
        role: 'user' as const,
        content: [
          {
            type: 'tool_result' as const,
            tool_use_id: 'toolu_1',
            content: [result('src/server.ts@abc', ['1\tfunction start() {\n', '2\t  listen(8080)\n'])],
          },
        ],
      },
    ]
    const stream = sdk(fake.url).messages.stream({ ...params, messages })
    const seen: unknown[] = []
    stream.on('citation', (citation) => seen.push(citation))
    const message = await stream.finalMessage()
    const cited = message.content[1]
    expect(cited?.type === 'text' && cited.citations).toEqual([
      {
        type: 'search_result_location',
        source: 'src/server.ts@abc',
        title: 'src/server.ts@abc',
        cited_text: '2\t  listen(8080)\n',
        search_result_index: 1,
        start_block_index: 1,
        end_block_index: 2,
      },
    ])
    expect(seen).toHaveLength(1)
  })

  it('starts a thinking answer with a signed thinking block when the request asks for adaptive thinking', async () => {
    fake = await startFakeAnthropic({ replies: [textReply('Planned.', { thinking: 'First read the code.' })] })
    const message = await sdk(fake.url)
      .messages.stream({ ...params, thinking: { type: 'adaptive' }, output_config: { effort: 'medium' } })
      .finalMessage()
    expect(message.content[0]).toMatchObject({
      type: 'thinking',
      thinking: 'First read the code.',
      signature: expect.stringMatching(/^fake-sig-/),
    })
    expect(message.content[1]).toMatchObject({ type: 'text', text: 'Planned.' })
  })
})
