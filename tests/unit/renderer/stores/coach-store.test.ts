import { describe, expect, it } from 'vitest'
import { coachKey, createCoachStore, type MermaidCheck } from '../../../../renderer/stores/coach-store.ts'
import type { AiAnswer, AiThreadView, CitationCheck } from '../../../../shared/models/ai.ts'
import { deferred, fakeClient, type Handlers } from '../../../fixtures/fake-client.ts'

const THREAD: AiThreadView = {
  threadId: 'thread-1',
  repoId: 'r1',
  purpose: 'explore',
  model: 'claude-sonnet-5-5',
  scope: null,
  headCommit: 'abc',
  contextChars: 100,
  estimatedPrefixTokens: 25,
  estimatedFirstCallUsd: 0.01,
  contextFiles: [],
  excluded: [],
  redactions: [],
  sessionBudgetUsd: 2,
  sessionCostUsd: 0.1,
}
const usage = { inputTokens: 10, cacheWriteTokens: 0, cacheReadTokens: 100, outputTokens: 40 }

function answer(text: string): AiAnswer {
  return { text, stopReason: 'end_turn', toolCalls: [], usage, costUsd: 0.002, sessionCostUsd: 0.102, requests: [] }
}

function coach(handlers: Handlers, validate: (source: string) => MermaidCheck = () => ({ ok: true })) {
  const fake = fakeClient({
    'ai.startThread': () => THREAD,
    'ai.verifyCitations': () => [],
    'ai.estimate': () => ({ tokens: 1, tokensSource: 'estimated', cachedTokens: 0, estimatedCostUsd: 0 }),
    ...handlers,
  })
  const store = createCoachStore(fake.client, { validateMermaid: async (source) => validate(source) })
  const key = store.getState().ensure('explore', 'r1', '2026-01-06-w01-abc12')
  return { fake, store, key }
}

describe('the coach store', () => {
  it('opens the thread in its session, streams the answer by call id, and adds each call’s usage', async () => {
    const reply = deferred<AiAnswer>()
    const { fake, store, key } = coach({ 'ai.ask': () => reply.promise })
    const asking = store.getState().ask(key, 'Walk me through it.')
    await new Promise((resolve) => setImmediate(resolve))
    expect(fake.inputs('ai.startThread')).toEqual([{ repoId: 'r1', purpose: 'explore', sessionId: '2026-01-06-w01-abc12' }])
    const callId = store.getState().panels[key]!.activeCallId!
    expect(store.getState().calls[callId]).toMatchObject({ key })
    fake.emit('ai.delta', { callId, threadId: 'thread-1', text: 'It is ' })
    fake.emit('ai.delta', { callId: 'other', threadId: 'thread-9', text: 'noise' })
    fake.emit('ai.delta', { callId, threadId: 'thread-1', text: 'a shop.' })
    fake.emit('ai.usage', {
      callId,
      threadId: 'thread-1',
      model: 'claude-sonnet-5-5',
      usage,
      cost: { usd: 0.002, priced: true, priceRow: 'Sonnet 5.5' },
      sessionUsage: usage,
      sessionCostUsd: 0.102,
      sessionBudgetUsd: 2,
    })
    expect(store.getState().panels[key]!.turns[0]).toMatchObject({ text: 'It is a shop.', status: 'streaming', usage, costUsd: 0.002 })
    reply.resolve(answer('It is a shop.'))
    expect(await asking).toBe('It is a shop.')
    expect(store.getState().panels[key]).toMatchObject({ sessionCostUsd: 0.102, sessionBudgetUsd: 2, activeCallId: null, controller: null })
    expect(store.getState().panels[key]!.turns[0]!.status).toBe('done')
  })

  it('cancels the panel’s own call through the controller it holds; other panels keep theirs', async () => {
    const { fake, store, key } = coach({ 'ai.ask': () => new Promise<AiAnswer>(() => undefined) })
    const other = store.getState().ensure('diagram', 'r1', '2026-01-06-w01-abc12')
    const asking = store.getState().ask(key, 'Explain it.')
    void store.getState().ask(other, 'Draw it.')
    await new Promise((resolve) => setImmediate(resolve))
    expect(store.getState().panels[key]!.controller).not.toBe(store.getState().panels[other]!.controller)
    store.getState().cancel(key)
    expect(await asking).toBeNull()
    expect(store.getState().panels[key]!.turns[0]!.status).toBe('cancelled')
    expect(store.getState().panels[other]!.activeCallId).not.toBeNull()
    const asks = fake.calls.filter((call) => call.name === 'ai.ask')
    expect(asks.map((call) => call.options.signal?.aborted)).toEqual([true, false])
  })

  it('draws a diagram: a broken one is repaired once with the parser’s error, else the offline diagram is offered', async () => {
    const replies = ['```mermaid\nflowchart TD\n  a -->\n```', '```mermaid\nflowchart TD\n  a --> b\n```']
    const { fake, store, key } = coach({ 'ai.ask': () => answer(replies.shift()!) }, (source) =>
      source.includes('a --> b') ? { ok: true } : { ok: false, error: 'Parse error on line 2' },
    )
    await store.getState().drawDiagram(key)
    expect(fake.inputs('ai.ask')[1]?.question).toContain('Parse error on line 2')
    expect(store.getState().panels[key]!.diagram).toMatchObject({ status: 'ready', source: 'flowchart TD\n  a --> b' })

    fake.answer({ 'ai.ask': () => answer('no diagram here') })
    await store.getState().drawDiagram(key, 'the payment flow')
    expect(store.getState().panels[key]!.diagram).toMatchObject({ status: 'fallback', source: null })
    expect(store.getState().panels[key]!.diagram.reason).toMatch(/did not parse/)
  })
})

it('keys panels by purpose, repository and session', () => {
  expect(coachKey('explore', 'r1', null)).toBe('explore|r1|')
  expect(coachKey('diagram', 'r1', 's1')).toBe('diagram|r1|s1')
})

describe('which of a diagram’s node labels the repository has', () => {
  it('answers what the repository says of each path, on the caller’s signal; nothing either way on a failure', async () => {
    const { fake, store } = coach({
      'ai.verifyCitations': (input) =>
        input.citations.map(({ path }): CitationCheck => {
          const found = path === 'src/api'
          return { path, line: null, status: found ? 'verified' : 'missing', kind: found ? 'folder' : null, lines: null }
        }),
    })
    const controller = new AbortController()
    expect(await store.getState().checkPaths('r1', ['src/api', 'src/nope'], controller.signal)).toEqual(
      new Map([
        ['src/api', 'verified'],
        ['src/nope', 'missing'],
      ]),
    )
    expect(fake.calls.at(-1)?.options.signal).toBe(controller.signal)
    controller.abort()
    expect(await store.getState().checkPaths('r1', ['src/api'], controller.signal)).toBeNull()
  })
})
