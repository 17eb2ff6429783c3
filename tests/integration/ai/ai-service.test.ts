// The ai channels as the adapter calls them: service.method(parsedInput, signal, progress), real SDK, fake server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAnthropicSdk } from '../../../electron/services/ai/client/ai-client.ts'
import { AiService, type AiRuntimeSettings } from '../../../electron/services/ai/ai-service.ts'
import { aiChannels } from '../../../shared/channels/ai.ts'
import { GembaError } from '../../../shared/errors.ts'
import { textReply, toolUseReply } from '../../fixtures/fake-anthropic/replies.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { unsavedSpending } from '../../fixtures/spending.ts'
import { recordedProgress } from '../../fixtures/recorded-progress.ts'
import { workingTreeSnapshot } from '../../../electron/services/git/git-layer.ts'

let repo: RepoBuilder
let fake: FakeAnthropic | undefined
let ids = 0

beforeAll(async () => {
  repo = await buildRepo()
  await repo.files({ 'README.md': '# Tiny\n', 'src/main.ts': 'console.log("hi")\n' })
  await repo.commit('initial')
})
afterAll(() => repo.cleanup())
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const signal = new AbortController().signal

function service(settings: Partial<AiRuntimeSettings> = {}, budgetUsd = 2): AiService {
  return new AiService({
    settings: async () => ({
      apiKey: 'sk-ant-test-3333333333333333333333',
      endpoint: fake!.url,
      model: 'claude-sonnet-5-5',
      contextTokens: 40_000,
      ...settings,
    }),
    createSdk: createAnthropicSdk,
    spending: unsavedSpending(budgetUsd),
    context: async (request) => ({
      snapshot: workingTreeSnapshot(repo.dir),
      text: `<repository id="${request.repoId}" scope="${request.scope ?? '.'}">\n<file path="README.md">\n# Tiny\n</file>\n</repository>`,
      manifest: { files: [{ path: 'README.md', bytes: 7 }], redactions: [], excluded: [{ path: '.env', rule: 'env-file' }] },
    }),
    newId: () => `thread-${String(++ids).padStart(4, '0')}`,
  })
}

describe('AiService', () => {
  it('opens a thread showing what its prefix will carry, then streams an answer as events', async () => {
    fake = await startFakeAnthropic({
      replies: [
        toolUseReply([{ name: 'read_file', input: { path: 'src/main.ts' } }]),
        textReply('It prints hi (`src/main.ts:1`).', { chunkSize: 6 }),
      ],
    })
    const ai = service()
    const thread = await ai.startThread(aiChannels.startThread.input.parse({ repoId: 'r1', purpose: 'explore' }), signal)
    expect(thread).toMatchObject({
      purpose: 'explore',
      model: 'claude-sonnet-5-5',
      contextFiles: [{ path: 'README.md', bytes: 7 }],
      excluded: [{ path: '.env', rule: 'env-file' }],
      sessionCostUsd: 0,
    })
    expect(thread.estimatedPrefixTokens).toBeGreaterThan(100)
    expect(fake.requests).toHaveLength(0)

    const progress = recordedProgress()
    const answer = await ai.ask(aiChannels.ask.input.parse({ threadId: thread.threadId, question: 'What does it do?' }), signal, progress)
    expect(answer.text).toBe('It prints hi (`src/main.ts:1`).')
    const names = progress.events.map(([name]) => name)
    expect(names.filter((name) => name === 'ai.delta').length).toBeGreaterThan(3)
    expect(names).toContain('ai.toolCall')
    expect(names).toContain('ai.toolResult')
    expect(names.filter((name) => name === 'ai.usage')).toHaveLength(2)
    expect(progress.events.every(([, payload]) => (payload as { threadId: string }).threadId === thread.threadId)).toBe(true)
    const sent = await ai.sent({ threadId: thread.threadId })
    expect(sent.map((record) => record.added.kind)).toEqual(['question', 'tool_results'])
    expect(sent[1]!.added.files).toEqual([{ path: 'src/main.ts', bytes: expect.any(Number) }])
  })

  it('uses the diagram prompt for a diagram thread', async () => {
    fake = await startFakeAnthropic({ replies: [textReply('```mermaid\nflowchart TD\n  a --> b\n```')] })
    const ai = service()
    const thread = await ai.startThread({ repoId: 'r1', purpose: 'diagram' }, signal)
    await ai.ask({ threadId: thread.threadId, question: 'Draw me the architecture' }, signal, recordedProgress())
    expect(fake.messageRequests()[0]!.rawBody).toContain('Mermaid flowchart')
  })

  it('shares one budget between the threads of a session', async () => {
    fake = await startFakeAnthropic({ respond: () => textReply('x', { usage: { output_tokens: 60_000 } }) })
    const ai = service({}, 0.61)
    const explore = await ai.startThread({ repoId: 'r1', purpose: 'explore', sessionId: 'session-1' }, signal)
    await ai.ask({ threadId: explore.threadId, question: 'One' }, signal, recordedProgress())
    const diagram = await ai.startThread({ repoId: 'r1', purpose: 'diagram', sessionId: 'session-1' }, signal)
    expect(diagram.sessionCostUsd).toBeGreaterThan(0.5)
    const error = await ai
      .ask({ threadId: diagram.threadId, question: 'Two' }, signal, recordedProgress())
      .catch((caught: unknown) => caught)
    expect((error as GembaError).code).toBe('budget_exceeded')
  })

  it('refuses a second question while the thread is answering, and unknown threads', async () => {
    let release = () => {}
    const until = new Promise<void>((resolve) => (release = resolve))
    fake = await startFakeAnthropic({ replies: [textReply('slow answer', { holdAfter: { afterEvents: 3, until } })] })
    const ai = service()
    const thread = await ai.startThread({ repoId: 'r1', purpose: 'explore' }, signal)
    const first = ai.ask({ threadId: thread.threadId, question: 'One' }, signal, recordedProgress())
    await fake.waitForMessageRequests(1)
    const second = await ai
      .ask({ threadId: thread.threadId, question: 'Two' }, signal, recordedProgress())
      .catch((caught: unknown) => caught)
    expect((second as GembaError).code).toBe('conflict')
    release()
    await first
    await ai.closeThread({ threadId: thread.threadId })
    const gone = await ai
      .ask({ threadId: thread.threadId, question: 'Three' }, signal, recordedProgress())
      .catch((caught: unknown) => caught)
    expect((gone as GembaError).code).toBe('not_found')
  })

  it('lists models, and says no_api_key without a key', async () => {
    fake = await startFakeAnthropic()
    expect((await service().models({}, signal)).map((model) => model.id)).toContain('claude-opus-5-5')
    const error = await service({ apiKey: null })
      .models({}, signal)
      .catch((caught: unknown) => caught)
    expect((error as GembaError).code).toBe('no_api_key')
  })
})
