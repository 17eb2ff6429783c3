// The conversation engine with the real SDK against the fake server, on a real repository: streaming,
// the tool-use round trip, the cached stable prefix, limits, cancel, and no secret in any request.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AiClient, createAnthropicSdk, type Sleep } from '../../../electron/services/ai/client/ai-client.ts'
import { Conversation, type ConversationOptions } from '../../../electron/services/ai/conversation/conversation.ts'
import { SecretRedactor } from '../../../electron/services/secrets/secret-redactor.ts'
import { unsavedSpending } from '../../fixtures/spending.ts'
import { gitTrackedFiles, workingTreeSnapshot } from '../../../electron/services/git/git-layer.ts'
import { createRepoTools } from '../../../electron/services/ai/tools/repo-tools.ts'
import { GembaError } from '../../../shared/errors.ts'
import type { AiToolCall, AiToolResult, AiUsageReport } from '../../../shared/models/ai.ts'
import { httpError, textReply, toolUseReply } from '../../fixtures/fake-anthropic/replies.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { PLANTED } from './planted-secrets.ts'

let repo: RepoBuilder
let fake: FakeAnthropic | undefined
const redactor = new SecretRedactor()
const never = new AbortController().signal
const noSleep: Sleep = async () => {}
const plantedPath = (index: number) => `config/planted-${index}.${PLANTED[index]!.path.split('.').at(-1)}`

beforeAll(async () => {
  repo = await buildRepo()
  await repo.files({ 'README.md': '# Shop\n\nSells things.\n', 'src/server.ts': 'export function start() {\n  listen(8080)\n}\n' })
  for (const [index, planted] of PLANTED.entries()) await repo.write(plantedPath(index), `# settings\n${planted.line}\n# end\n`)
  await repo.commit('initial')
  await repo.write('.env', `STRIPE_KEY=${PLANTED[4]!.secret}\n`)
})
afterAll(() => repo.cleanup())
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function conversation(overrides: Partial<ConversationOptions> = {}): Promise<Conversation> {
  fake ??= await startFakeAnthropic()
  const client = new AiClient({
    createSdk: createAnthropicSdk,
    apiKey: 'sk-ant-test-2222222222222222222222',
    baseURL: fake.url,
    sleep: noSleep,
  })
  const readme = await redactor.redact('README.md', '# Shop\n\nSells things.\n')
  return new Conversation({
    client,
    model: 'claude-sonnet-5-5',
    systemPrompt: 'You are Gemba, a patient guide to this codebase. Cite code as path:line.',
    contextText: `<file path="README.md">\n${readme.text}\n</file>\n${'Context padding. '.repeat(300)}`,
    contextManifest: { files: [{ path: 'README.md', bytes: 24 }], redactions: [], excluded: [{ path: '.env', rule: 'env-file' }] },
    tools: createRepoTools({ snapshot: workingTreeSnapshot(repo.dir), redactor, listFiles: gitTrackedFiles(repo.dir) }),
    redactor,
    spending: unsavedSpending(5).open({ sessionId: null, key: 'thread' }),
    ...overrides,
  })
}

describe('Conversation', () => {
  it('runs a tool-use round trip: streamed tool input, executed, result sent back, answer streamed', async () => {
    fake = await startFakeAnthropic({
      replies: [
        toolUseReply([{ name: 'read_file', input: { path: 'src/server.ts', start_line: 1, end_line: 3 } }], {
          preamble: 'Let me read the server.',
          chunkSize: 5,
        }),
        textReply('The server starts in `src/server.ts:1` and listens on port 8080 (`src/server.ts:2`).', { chunkSize: 10 }),
      ],
    })
    const thread = await conversation()
    const deltas: string[] = []
    const calls: AiToolCall[] = []
    const results: AiToolResult[] = []
    const answer = await thread.ask(
      'Where does the server start?',
      { onText: (d) => deltas.push(d), onToolCall: (c) => calls.push(c), onToolResult: (r) => results.push(r) },
      never,
    )
    expect(calls).toEqual([
      { id: expect.stringMatching(/^toolu_/), name: 'read_file', input: { path: 'src/server.ts', start_line: 1, end_line: 3 } },
    ])
    expect(results).toEqual([expect.objectContaining({ ok: true, files: [{ path: 'src/server.ts', bytes: expect.any(Number) }] })])
    expect(deltas.length).toBeGreaterThan(4)
    expect(answer.text).toBe(
      'Let me read the server.\n\nThe server starts in `src/server.ts:1` and listens on port 8080 (`src/server.ts:2`).',
    )
    expect(answer.stopReason).toBe('end_turn')
    const second = fake.messageRequests()[1]!.body as { messages: { role: string; content: { type: string; content?: string }[] }[] }
    const toolResult = second.messages.at(-1)!.content[0]!
    expect(toolResult.type).toBe('tool_result')
    expect(toolResult.content).toContain('2\t  listen(8080)')
    expect(answer.requests.map((r) => r.added.kind)).toEqual(['question', 'tool_results'])
    expect(answer.requests[1]!.added.files).toEqual([{ path: 'src/server.ts', bytes: expect.any(Number) }])
  })

  it('keeps the prefix byte-identical and cache-marked across calls; a follow-up adds only its turn and reads the cache', async () => {
    fake = await startFakeAnthropic({ respond: () => textReply('An answer.') })
    const thread = await conversation()
    const reports: AiUsageReport[] = []
    await thread.ask('What does this do?', { onUsage: (r) => reports.push(r) }, never)
    await thread.ask('And who uses it?', { onUsage: (r) => reports.push(r) }, never)
    const [first, second] = fake
      .messageRequests()
      .map((request) => JSON.parse(request.rawBody) as { system: unknown[]; tools: unknown[]; messages: unknown[] })
    expect(JSON.stringify(second!.system)).toBe(JSON.stringify(first!.system))
    expect(JSON.stringify(second!.tools)).toBe(JSON.stringify(first!.tools))
    // The repository context opens the first message and carries the prefix's breakpoint; the question the moving one.
    const opening = (first!.messages[0] as { content: { text: string; cache_control?: unknown }[] }).content
    expect(opening.map((block) => block.cache_control ?? null)).toEqual([{ type: 'ephemeral' }, { type: 'ephemeral' }])
    expect(opening[0]!.text).toContain('Context padding.')
    const strip = (messages: unknown[]) =>
      JSON.parse(JSON.stringify(messages).replaceAll(',"cache_control":{"type":"ephemeral"}', '')) as unknown[]
    expect(strip(second!.messages).slice(0, 1)).toEqual(strip(first!.messages))
    expect(JSON.stringify(second!.messages[0])).toContain('"cache_control":{"type":"ephemeral"}')
    expect(second!.messages).toHaveLength(3)
    expect(second!.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'An answer.' }] })
    expect(reports[0]!.usage.cacheWriteTokens).toBeGreaterThan(1000)
    expect(reports[1]!.usage.cacheReadTokens).toBeGreaterThanOrEqual(reports[0]!.usage.cacheWriteTokens)
    expect(reports[1]!.sessionCostUsd).toBeCloseTo(reports[0]!.cost.usd + reports[1]!.cost.usd, 10)
    expect(thread.records.map((r) => r.prefix.sha256)).toEqual([thread.prefix.sha256, thread.prefix.sha256])
  })

  it('never lets a planted secret reach any request, whatever Claude asks to read or search', async () => {
    const reads = PLANTED.map((_, index) => ({ name: 'read_file', input: { path: plantedPath(index) } }))
    const searches = PLANTED.map((planted) => ({ name: 'search_code', input: { query: planted.secret.slice(0, 12) } }))
    fake = await startFakeAnthropic({
      replies: [
        toolUseReply(reads),
        toolUseReply([...searches, { name: 'read_file', input: { path: '.env' } }, { name: 'list_folder', input: { path: 'config' } }]),
        toolUseReply([
          { name: 'search_code', input: { query: 'planted', path: 'config' } },
          { name: 'search_code', input: { query: '=', path: 'config' } },
        ]),
        textReply('Done.'),
      ],
    })
    const thread = await conversation()
    const question = `Why does this fail? My key is ${PLANTED[2]!.secret}`
    const answer = await thread.ask(question, {}, never)
    expect(answer.text).toBe('Done.')
    expect(fake.messageRequests()).toHaveLength(4)
    const sent = fake.requests.map((request) => request.rawBody).join('\n')
    for (const planted of PLANTED) for (const part of planted.secret.split('\n')) expect(sent, planted.path).not.toContain(part)
    const redactedPaths = new Set(answer.requests.flatMap((record) => record.redactions.map((r) => r.path)))
    expect(redactedPaths).toContain('(your question)')
    for (const [index] of PLANTED.entries()) expect(redactedPaths).toContain(plantedPath(index))
    expect(JSON.stringify(answer.requests)).not.toContain(PLANTED[0]!.secret)
  })

  it('stops a tool loop at the turn limit, warns on the last round, and keeps the thread usable', async () => {
    fake = await startFakeAnthropic({
      respond: (request) =>
        String(request.rawBody).includes('Second question') ? textReply('Fine.') : toolUseReply([{ name: 'list_folder', input: {} }]),
    })
    const thread = await conversation({ maxTurns: 3 })
    const answer = await thread.ask('Explore forever', {}, never)
    expect(answer.stopReason).toBe('turn_limit')
    expect(fake.messageRequests()).toHaveLength(3)
    expect(fake.messageRequests()[2]!.rawBody).toContain('last tool round')
    const followUp = await thread.ask('Second question', {}, never)
    expect(followUp.text).toBe('Fine.')
    const last = (fake.messageRequests()[3]!.body as { messages: { role: string; content: { type: string }[] }[] }).messages.at(-1)!
    expect(last.role).toBe('user')
    expect(last.content.map((block) => block.type)).toEqual(['tool_result', 'text'])
  })

  it('refuses a request that would pass the session budget, before sending it', async () => {
    fake = await startFakeAnthropic({ respond: () => textReply('x', { usage: { output_tokens: 100_000 } }) })
    const thread = await conversation({ spending: unsavedSpending(0.6).open({ sessionId: null, key: 'thread' }) })
    await thread.ask('One', {}, never)
    const error = await thread.ask('Two', {}, never).catch((caught: unknown) => caught)
    expect((error as GembaError).code).toBe('budget_exceeded')
    expect(fake.messageRequests()).toHaveLength(1)
  })

  it('cancels mid-loop, keeps the partial answer, and rolls the thread back', async () => {
    let release = () => {}
    const until = new Promise<void>((resolve) => (release = resolve))
    fake = await startFakeAnthropic({
      replies: [
        toolUseReply([{ name: 'list_folder', input: {} }], { preamble: 'Looking around.' }),
        textReply('Partial answer that never ends.', { chunkSize: 8, holdAfter: { afterEvents: 4, until } }),
        textReply('Fresh.'),
      ],
    })
    const thread = await conversation()
    const controller = new AbortController()
    const error = await thread
      .ask('Tell me everything', { onText: (delta) => delta.startsWith('Partial') && controller.abort() }, controller.signal)
      .catch((caught: unknown) => caught)
    release()
    expect((error as GembaError).code).toBe('cancelled')
    expect((error as GembaError).details?.partialText).toBe('Looking around.\n\nPartial ')
    expect(thread.history).toHaveLength(0)
    await thread.ask('Again', {}, never)
    expect((fake.messageRequests()[2]!.body as { messages: unknown[] }).messages).toHaveLength(1)
  })

  it('cancels between tool rounds as cancelled, not as a crash', async () => {
    fake = await startFakeAnthropic({
      replies: [toolUseReply([{ name: 'list_folder', input: {} }], { preamble: 'Looking.' }), textReply('never')],
    })
    const thread = await conversation()
    const controller = new AbortController()
    const error = await thread.ask('Go', { onToolCall: () => controller.abort() }, controller.signal).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GembaError)
    expect((error as GembaError).code).toBe('cancelled')
    expect((error as GembaError).details?.partialText).toBe('Looking.')
    expect(fake.messageRequests()).toHaveLength(1)
  })

  it('maps API errors and leaves nothing half-done in the thread', async () => {
    fake = await startFakeAnthropic({ replies: [httpError(401)] })
    const thread = await conversation()
    const error = await thread.ask('Hello', {}, never).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GembaError)
    expect((error as GembaError).code).toBe('auth_failed')
    expect(thread.history).toHaveLength(0)
    expect(thread.records).toHaveLength(1)
    expect(thread.records[0]!.usage).toBeNull()
  })
})
