// Faults: the Anthropic endpoint answering garbage, through the real AiService, SDK and fake server.
// Each ends in a mapped error (never 'internal') that keeps the answer so far, and the thread answers
// the next question as if the failed one had not been asked. Dropped connections, stalls and a
// mid-stream overloaded error are covered in tests/integration/ai/ai-client.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAnthropicSdk } from '../../../electron/services/ai/client/ai-client.ts'
import { AiService } from '../../../electron/services/ai/ai-service.ts'
import { GembaError } from '../../../shared/errors.ts'
import { textReply, type ScriptedReply } from '../../fixtures/fake-anthropic/replies.ts'
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

function service(url: string): AiService {
  return new AiService({
    settings: async () => ({
      apiKey: 'sk-ant-test-5555555555555555555555',
      endpoint: url,
      model: 'claude-sonnet-5-5',
      contextTokens: 40_000,
    }),
    spending: unsavedSpending(),
    createSdk: createAnthropicSdk,
    context: async () => ({
      snapshot: workingTreeSnapshot(repo.dir),
      text: '<repository>\n<file path="README.md">\n# Tiny\n</file>\n</repository>',
      manifest: { files: [], redactions: [], excluded: [] },
    }),
    newId: () => `thread-${++ids}`,
    clientOptions: { maxRetries: 0, idleTimeoutMs: 5_000, requestTimeoutMs: 5_000 },
  })
}

const ANSWER = 'The service starts in src/main.ts and prints a greeting.'
const PARTIAL = /^The service/

const garbage: readonly [string, ScriptedReply, RegExp | null][] = [
  [
    'a 200 whose body is an HTML page (a proxy or captive portal)',
    { kind: 'raw', status: 200, contentType: 'text/html', body: '<html><body>Sign in to the hotel network</body></html>' },
    null,
  ],
  [
    'a 200 whose JSON body is cut off',
    { kind: 'raw', status: 200, contentType: 'application/json', body: '{"type":"message","content":[{"ty' },
    null,
  ],
  [
    'a stream whose data line is not valid JSON',
    textReply(ANSWER, {
      chunkSize: 6,
      garbleAfter: {
        afterEvents: 5,
        raw: 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_de\n\n',
      },
    }),
    PARTIAL,
  ],
  [
    'a stream of malformed frames (no event or data fields)',
    textReply(ANSWER, { chunkSize: 6, garbleAfter: { afterEvents: 5, raw: 'lorem ipsum\n\u0000\u0001 not a frame\n:\n\n' } }),
    PARTIAL,
  ],
  ['a stream that ends before message_stop', textReply(ANSWER, { chunkSize: 6, truncateAfter: { afterEvents: 6 } }), PARTIAL],
]

describe('the endpoint answers garbage', () => {
  it.each(garbage)('%s: a mapped error with the answer so far, and the thread still answers', async (_name, reply, partial) => {
    fake = await startFakeAnthropic({ replies: [reply, textReply('Second answer, complete.')] })
    const ai = service(fake.url)
    const thread = await ai.startThread({ repoId: 'r1', purpose: 'explore' }, signal)
    const failed = recordedProgress()
    const error = await ai
      .ask({ threadId: thread.threadId, question: 'What does it do?' }, signal, failed)
      .catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(GembaError)
    const gemba = error as GembaError
    expect(gemba.code).toBe('unavailable')
    expect(gemba.message).toMatch(/could not be read: it was garbled or cut short/)
    expect(gemba.next).toMatch(/Try again.*endpoint in Settings/)
    expect(gemba.details?.garbled).toBe(true)
    if (partial) {
      expect(gemba.message).toMatch(/answer so far is kept/)
      expect(String(gemba.details?.partialText)).toMatch(partial)
      expect(
        failed
          .of('ai.delta')
          .map((delta) => delta.text)
          .join(''),
      ).toBe(gemba.details?.partialText)
    } else {
      expect(gemba.details?.partialText).toBeUndefined()
    }
    expect(JSON.stringify(gemba.toData())).not.toContain('sk-ant-test')

    const answer = await ai.ask({ threadId: thread.threadId, question: 'And then?' }, signal, recordedProgress())
    expect(answer.text).toBe('Second answer, complete.')
    // The failed question left nothing behind: the retry carries one question, no half answer.
    const sent = fake.messageRequests()[1]!.body as { messages: { role: string }[] }
    expect(sent.messages.map((message) => message.role)).toEqual(['user'])
    expect(fake.messageRequests()[1]!.rawBody).toContain('And then?')
    expect(fake.messageRequests()[1]!.rawBody).not.toContain('What does it do?')
  })
})
