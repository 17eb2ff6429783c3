// A session's spending is kept once, by the sessions service: the coach's explore thread and the small
// change spend from the same record, the calls stop at the session's one budget, and the count
// survives a restart (a new backend over the same data folder). Real backend, real SDK, fake server.
import { afterEach, describe, expect, it } from 'vitest'
import type { ChannelName } from '../../../shared/api.ts'
import type { SessionView } from '../../../shared/models/sessions.ts'
import type { AiThreadView } from '../../../shared/models/ai.ts'
import type { TaskProposals } from '../../../shared/models/change.ts'
import type { GembaErrorData } from '../../../shared/errors.ts'
import { textReply } from '../../fixtures/fake-anthropic/replies.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

const TASKS =
  '```json\n{"tasks":[{"title":"Fix the typo","description":"","kind":"todo","files":["src/greet.js:3"],"effortMinutes":15}]}\n```'

let fake: FakeAnthropic | undefined
let repo: RepoBuilder | undefined
const backends: TestBackend[] = []

afterEach(async () => {
  // The last one first: the first backend's cleanup removes the data folder they share.
  for (const backend of backends.splice(0).reverse()) await backend.cleanup()
  await fake?.close()
  await repo?.cleanup()
})

async function call<T>(test: TestBackend, channel: ChannelName, input: unknown): Promise<T> {
  const result = await test.backend.dispatcher.dispatch(channel, input)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { data: result.error })
  return result.value as T
}

async function failure(run: Promise<unknown>): Promise<GembaErrorData> {
  const error = await run.then(
    () => null,
    (caught: { data?: GembaErrorData }) => caught.data ?? null,
  )
  if (!error) throw new Error('expected the call to fail')
  return error
}

describe('one spending record per session', () => {
  it('counts explore and change against the same budget, stops there, and still does after a restart', async () => {
    // Every answer costs about $0.60 (60,000 output tokens at Sonnet 5.5's $10 per million).
    fake = await startFakeAnthropic({ respond: () => textReply(TASKS, { usage: { output_tokens: 60_000 } }) })
    repo = await buildRepo()
    await repo.files({ 'src/greet.js': '// TODO: say hello properly\nexport const greet = (name) => "Helo, " + name\n' })
    await repo.commit('Greeter')
    const env = { ANTHROPIC_API_KEY: 'sk-ant-test-6666666666666666666666', ANTHROPIC_BASE_URL: fake.url }
    const first = await makeTestBackend(env)
    backends.push(first)
    const { id: repoId } = await call<{ id: string }>(first, 'repos.add', { path: repo.dir })
    await call(first, 'settings.update', { ai: { sessionBudgetUsd: 1 } })
    const { session } = await call<SessionView>(first, 'sessions.start', { repoId })

    // Explore: the coach's first answer.
    const explore = await call<AiThreadView>(first, 'ai.startThread', { repoId, purpose: 'explore', sessionId: session.id })
    expect(explore).toMatchObject({ sessionCostUsd: 0, sessionBudgetUsd: 1 })
    await call(first, 'ai.ask', { threadId: explore.threadId, question: 'Walk me through it.' })
    const afterExplore = (await call<SessionView>(first, 'sessions.get', { id: session.id })).session.usage
    expect(afterExplore.costUsd).toBeGreaterThan(0.6)
    expect(afterExplore.outputTokens).toBe(60_000)

    // Change: Claude proposes tasks, spending from the same record, which passes the budget.
    const proposals = await call<TaskProposals>(first, 'change.proposeTasks', { repoId, sessionId: session.id })
    expect(proposals.source).toBe('ai')
    const afterChange = (await call<SessionView>(first, 'sessions.get', { id: session.id })).session.usage
    expect(afterChange.outputTokens).toBe(120_000)
    expect(afterChange.costUsd).toBeGreaterThan(1.2)
    const sent = fake.messageRequests().length

    // The next question of either step is refused before anything is sent.
    const refused = await failure(call(first, 'ai.ask', { threadId: explore.threadId, question: 'And then?' }))
    expect(refused).toMatchObject({ code: 'budget_exceeded' })
    expect(refused.message).toContain('of its $1.00 budget')
    const offline = await call<TaskProposals>(first, 'change.proposeTasks', { repoId, sessionId: session.id })
    expect(offline).toMatchObject({ source: 'offline' })
    expect(offline.note).toMatch(/budget/)
    expect(fake.messageRequests()).toHaveLength(sent)

    // A restart: a new backend over the same data folder starts from the saved session's spending.
    await first.backend.dispose()
    const second = await makeTestBackend(env, first.dataFolder)
    backends.push(second)
    const diagram = await call<AiThreadView>(second, 'ai.startThread', { repoId, purpose: 'diagram', sessionId: session.id })
    expect(diagram.sessionCostUsd).toBeCloseTo(afterChange.costUsd, 10)
    expect(await failure(call(second, 'ai.ask', { threadId: diagram.threadId, question: 'Draw it.' }))).toMatchObject({
      code: 'budget_exceeded',
    })
    expect((await call<TaskProposals>(second, 'change.proposeTasks', { repoId, sessionId: session.id })).source).toBe('offline')
    expect(fake.messageRequests()).toHaveLength(sent)

    // Raising the budget in Settings applies at once, to the same record.
    await call(second, 'settings.update', { ai: { sessionBudgetUsd: 5 } })
    await call(second, 'ai.ask', { threadId: diagram.threadId, question: 'Draw it.' })
    expect((await call<SessionView>(second, 'sessions.get', { id: session.id })).session.usage.outputTokens).toBe(180_000)
  })
})
