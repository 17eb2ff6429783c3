// The grounded coach end to end with the real SDK against the fake server, on a real repository (real
// scan, parser and redactor): repository lines sent as search results and Claude's citations of them
// checked word for word; the 1-hour cached prefix surviving a ten-minute pause (and the 5-minute one
// not); the token-counting endpoint sizing "what will be sent" (and the local estimate offline); the
// Models API choosing citations, budget and cache; and the "what I already know" note from the journal.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AiClient, createAnthropicSdk } from '../../../electron/services/ai/client/ai-client.ts'
import { AiService, type AiRuntimeSettings } from '../../../electron/services/ai/ai-service.ts'
import { contextSettingsStore } from '../../../electron/services/ai/context/context-settings-store.ts'
import { RepoContextProvider } from '../../../electron/services/ai/context/repo-context-provider.ts'
import { journalVisits } from '../../../electron/services/ai/memory/journal-visits.ts'
import { ModelCatalogue } from '../../../electron/services/ai/models/model-catalogue.ts'
import { SecretRedactor } from '../../../electron/services/secrets/secret-redactor.ts'
import { createCodeParser, type CodeParser } from '../../../electron/services/repos/parse/code-parser.ts'
import { scanRepo } from '../../../electron/services/repos/scan/scan-repo.ts'
import type { JournalSessionRecord } from '../../../shared/models/journal.ts'
import { capabilities, DEFAULT_FAKE_MODELS } from '../../fixtures/fake-anthropic/fake-models.ts'
import { citedReply, textReply, toolUseReply } from '../../fixtures/fake-anthropic/replies.ts'
import { citeLine, searchResultsOf } from '../../fixtures/fake-anthropic/search-results.ts'
import { startFakeAnthropic, type FakeAnthropic, type FakeAnthropicOptions } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { buildSessionRecord } from '../../unit/electron/services/journal/fixtures/build-session-record.ts'
import { PLANTED } from './planted-secrets.ts'
import { unsavedSpending } from '../../fixtures/spending.ts'
import { recordedProgress } from '../../fixtures/recorded-progress.ts'

const KEY = 'sk-ant-test-1717171717171717171717'
const signal = new AbortController().signal
const redactor = new SecretRedactor()
let repo: RepoBuilder
let firstCommit: string
let cacheFolder: string
let parser: CodeParser
let fake: FakeAnthropic | undefined
let ids = 0

const SERVER = "import { route } from './api/route.ts'\nexport function start() {\n  return route('/pay')\n}\n"
const ROUTE = 'export function route(path: string) {\n  return path.trim()\n}\n'

beforeAll(async () => {
  repo = await buildRepo()
  await repo.files({
    'README.md': '# Payments\n\nTakes card payments.\n',
    'package.json': JSON.stringify({ name: 'payments' }),
    'src/server.ts': SERVER,
    'src/api/route.ts': ROUTE,
  })
  firstCommit = await repo.commit('Start the payments service')
  await repo.write('src/server.ts', `${SERVER}export const port = 8080\n`)
  await repo.commit('Listen on a port')
  cacheFolder = await mkdtemp(join(tmpdir(), 'gemba-grounded-'))
  parser = await createCodeParser()
}, 60_000)
afterAll(async () => {
  parser.dispose()
  await repo.cleanup()
  await rm(cacheFolder, { recursive: true, force: true })
})
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function service(
  options: {
    settings?: Partial<AiRuntimeSettings>
    budgetUsd?: number
    fakeOptions?: FakeAnthropicOptions
    deps?: Partial<ConstructorParameters<typeof AiService>[0]>
  } = {},
): Promise<AiService> {
  fake ??= await startFakeAnthropic(options.fakeOptions)
  const settings: AiRuntimeSettings = {
    apiKey: KEY,
    endpoint: fake.url,
    model: 'claude-sonnet-5-5',
    contextTokens: null,
    memory: 'off',
    ...options.settings,
  }
  const store = contextSettingsStore(null)
  const scan = await scanRepo(
    { repoId: 'payments', path: repo.dir },
    { cacheFolder, clock: () => new Date('2026-11-24T10:00:00Z'), parser: async () => parser },
  )
  const provider = new RepoContextProvider({ scan: async () => scan, settings: store, redactor, parser: async () => parser })
  return new AiService({
    settings: async () => settings,
    createSdk: createAnthropicSdk,
    spending: unsavedSpending(options.budgetUsd ?? 2),
    context: (request, s) => provider.context(request, s),
    repoRoot: async () => repo.dir,
    contextSettings: store,
    redactor,
    newId: () => `thread-${String(++ids).padStart(4, '0')}`,
    ...options.deps,
  })
}

describe('citations by construction', () => {
  it('sends the files as search results and checks each citation of them, from the context and from a tool, against the commit', async () => {
    fake = await startFakeAnthropic({
      replies: [toolUseReply([{ name: 'read_file', input: { path: 'src/api/route.ts' } }], { preamble: 'Let me read the route.' })],
      respond: (request) => {
        const results = searchResultsOf(request.body)
        return citedReply([
          { text: 'The service starts in start()', citations: [citeLine(results, 'src/server.ts', 2)!] },
          { text: ' and trims the path', citations: [citeLine(results, 'src/api/route.ts', 2)!] },
          { text: '.' },
        ])
      },
    })
    const ai = await service()
    const thread = await ai.startThread({ repoId: 'payments', purpose: 'explore' }, signal)
    expect(thread.citations).toBe(true)
    const answer = await ai.ask({ threadId: thread.threadId, question: 'Where does it start?' }, signal, recordedProgress())

    const first = fake.messageRequests()[0]!
    const sources = searchResultsOf(first.body).map((result) => result.source)
    expect(sources).toEqual(
      expect.arrayContaining([`src/server.ts@${thread.headCommit!.slice(0, 12)}`, `README.md@${thread.headCommit!.slice(0, 12)}`]),
    )
    // A tool's read goes back as a search result too, numbered after the context's.
    const second = fake.messageRequests()[1]!
    expect(searchResultsOf(second.body).at(-1)?.source).toBe(`src/api/route.ts@${thread.headCommit!.slice(0, 12)}`)

    expect(answer.text).toMatch(
      /^Let me read the route\.\n\nThe service starts in start\(\) \(src\/server\.ts:1-5\) and trims the path \(src\/api\/route\.ts:1-3\)\.$/,
    )
    expect(answer.checkedAgainst).toBe(thread.headCommit)
    expect(answer.citations).toEqual([
      expect.objectContaining({ path: 'src/server.ts', line: 1, endLine: 5, status: 'verified', checkedBy: 'content' }),
      expect.objectContaining({ path: 'src/api/route.ts', line: 1, endLine: 3, status: 'verified', checkedBy: 'content' }),
    ])
    expect(JSON.stringify(answer)).not.toContain('citedText')
  })

  it('verifies a correct quote of a file with an uncommitted edit, read and labelled as the working tree', async () => {
    await repo.write('src/api/route.ts', 'export function route(path: string) {\n  return path.toLowerCase()\n}\n')
    try {
      fake = await startFakeAnthropic({
        replies: [toolUseReply([{ name: 'read_file', input: { path: 'src/api/route.ts' } }])],
        respond: (request) =>
          citedReply([{ text: 'It lower-cases the path', citations: [citeLine(searchResultsOf(request.body), 'src/api/route.ts', 2)!] }]),
      })
      const ai = await service()
      const thread = await ai.startThread({ repoId: 'payments', purpose: 'explore' }, signal)
      const answer = await ai.ask({ threadId: thread.threadId, question: 'What does route do?' }, signal, recordedProgress())
      const short = thread.headCommit!.slice(0, 12)
      // The edited file is sent and named as the working tree over the commit, never as the commit alone.
      const sources = searchResultsOf(fake.messageRequests()[0]!.body).map((result) => result.source)
      expect(sources).toContain(`src/api/route.ts@${short}+working-tree`)
      expect(sources).toContain(`src/server.ts@${short}`)
      expect(sources).not.toContain(`src/api/route.ts@${short}`)
      expect(answer.citations).toEqual([
        expect.objectContaining({ path: 'src/api/route.ts', status: 'verified', checkedBy: 'content', readAt: 'working tree' }),
      ])
      // The viewer opened from the thread shows the same revision the coach read.
      const view = await ai.readFile({ repoId: 'payments', path: 'src/api/route.ts', threadId: thread.threadId }, signal)
      expect(view).toMatchObject({ kind: 'file', revision: { commit: thread.headCommit, workingTree: true } })
      expect(view.kind === 'file' && view.text).toContain('toLowerCase')
    } finally {
      await repo.write('src/api/route.ts', ROUTE)
    }
  })

  it('checks a quote of a file clean in the snapshot against the commit, whatever is edited after', async () => {
    fake = await startFakeAnthropic({
      replies: [toolUseReply([{ name: 'read_file', input: { path: 'src/api/route.ts' } }])],
      respond: (request) =>
        citedReply([{ text: 'It trims the path', citations: [citeLine(searchResultsOf(request.body), 'src/api/route.ts', 2)!] }]),
    })
    const ai = await service()
    const thread = await ai.startThread({ repoId: 'payments', purpose: 'explore' }, signal)
    await repo.write('src/api/route.ts', 'export function route(path: string) {\n  return path\n}\n')
    try {
      const answer = await ai.ask({ threadId: thread.threadId, question: 'What does route do?' }, signal, recordedProgress())
      expect(answer.citations).toEqual([expect.objectContaining({ path: 'src/api/route.ts', status: 'verified', readAt: 'commit' })])
      const toolResult = JSON.stringify(fake.messageRequests()[1]!.body)
      expect(toolResult).toContain('path.trim()')
      expect(toolResult).not.toContain('  return path\\n')
    } finally {
      await repo.write('src/api/route.ts', ROUTE)
    }
  })

  it('sends plain text to a model the Models API says cannot cite, with the budget its small window allows', async () => {
    const small = {
      ...DEFAULT_FAKE_MODELS[1]!,
      id: 'claude-sonnet-5-5',
      max_input_tokens: 64_000,
      capabilities: capabilities({ citations: false, adaptive: false, effort: false }),
    }
    fake = await startFakeAnthropic({ models: [small], respond: () => textReply('Plain.') })
    const url = fake.url
    const models = new ModelCatalogue({
      list: (s) => new AiClient({ createSdk: createAnthropicSdk, apiKey: KEY, baseURL: url }).listModels(s),
      endpoint: async () => url,
      file: null,
    })
    const ai = await service({ deps: { models } })
    const choice = await ai.modelChoice({}, signal)
    expect(choice).toMatchObject({
      profile: { source: 'models_api', contextWindow: 64_000, capabilities: { citations: false } },
      contextBudget: { tokens: 13_000, source: 'model' },
    })
    const preview = await ai.preview({ repoId: 'payments', purpose: 'explore' }, signal)
    expect(preview).toMatchObject({ budgetTokens: 13_000, budgetSource: 'model', citations: false })
    const thread = await ai.startThread({ repoId: 'payments', purpose: 'explore' }, signal)
    await ai.ask({ threadId: thread.threadId, question: 'Hello?' }, signal, recordedProgress())
    expect(searchResultsOf(fake.messageRequests()[0]!.body)).toEqual([])
    expect(fake.requests.filter((request) => request.path === '/v1/models')).toHaveLength(1)
  })
})

describe('an hour’s cache', () => {
  it('reads the 1-hour prefix from the cache after a ten-minute pause; the 5-minute one is written again', async () => {
    let now = Date.parse('2026-11-24T10:00:00Z')
    const pauseAfterFirst = async (ttl: '1h' | '5m') => {
      await fake?.close()
      fake = await startFakeAnthropic({ now: () => now, respond: () => textReply('An answer of a few words.') })
      const ai = await service({ deps: { prefixCacheTtl: () => ttl } })
      const thread = await ai.startThread({ repoId: 'payments', purpose: 'explore' }, signal)
      const first = recordedProgress()
      await ai.ask({ threadId: thread.threadId, question: 'Walk me through it.' }, signal, first)
      now += 10 * 60_000
      const second = recordedProgress()
      await ai.ask({ threadId: thread.threadId, question: 'And after a coffee?' }, signal, second)
      return { first: first.of('ai.usage')[0]!.usage, second: second.of('ai.usage')[0]!.usage }
    }
    const hour = await pauseAfterFirst('1h')
    expect(hour.first.cacheWrite1hTokens).toBeGreaterThan(500)
    expect(hour.second.cacheReadTokens).toBeGreaterThanOrEqual(hour.first.cacheWrite1hTokens!)
    expect(hour.second.cacheWrite1hTokens ?? 0).toBe(0)
    const five = await pauseAfterFirst('5m')
    expect(five.first.cacheWrite1hTokens ?? 0).toBe(0)
    expect(five.second.cacheReadTokens).toBe(0)
    expect(five.second.cacheWriteTokens).toBeGreaterThan(hour.first.cacheWrite1hTokens!)
  })
})

describe('what will be sent', () => {
  it('is counted by the token-counting endpoint when asked and online, estimated offline, and says which', async () => {
    const online = await service()
    const counted = await online.preview({ repoId: 'payments', purpose: 'explore', count: true }, signal)
    expect(counted.tokensSource).toBe('counted')
    const offline = await service({ settings: { endpoint: 'http://127.0.0.1:9' } })
    const estimated = await offline.preview({ repoId: 'payments', purpose: 'explore', count: true }, signal)
    expect(estimated).toMatchObject({ tokensSource: 'estimated', countProblem: 'Anthropic’s token counter could not be reached.' })
    expect(estimated.text).toBe(counted.text)

    // The budget gate sizes the first request the same way, and its refusal says which it used.
    const tight = await service({ budgetUsd: 0.0001 })
    const thread = await tight.startThread({ repoId: 'payments', purpose: 'explore' }, signal)
    await expect(tight.ask({ threadId: thread.threadId, question: 'Hello?' }, signal, recordedProgress())).rejects.toMatchObject({
      code: 'budget_exceeded',
      message: expect.stringContaining('sized with Anthropic’s token count'),
      details: { tokensSource: 'counted' },
    })
    const tightOffline = await service({ budgetUsd: 0.0001, settings: { endpoint: 'http://127.0.0.1:9' } })
    const offlineThread = await tightOffline.startThread({ repoId: 'payments', purpose: 'explore' }, signal)
    await expect(
      tightOffline.ask({ threadId: offlineThread.threadId, question: 'Hello?' }, signal, recordedProgress()),
    ).rejects.toMatchObject({
      code: 'budget_exceeded',
      details: { tokensSource: 'estimated' },
    })
    expect(fake!.messageRequests()).toHaveLength(0)
    expect(Math.abs(estimated.tokens - counted.tokens) / counted.tokens).toBeLessThan(0.5)
  })
})

describe('a coach that remembers', () => {
  function pastSession(overrides: Partial<JournalSessionRecord> = {}): JournalSessionRecord {
    return buildSessionRecord({
      id: 'past-1',
      date: '2026-11-17',
      repository: { id: 'payments', name: 'Payments', path: repo.dir, commit: firstCommit },
      walkthrough: {
        markdown: 'It starts in `src/server.ts:2`.',
        citations: [
          { path: 'src/server.ts', line: 2 },
          { path: 'src/api/route.ts', line: 1 },
        ],
      },
      change: null,
      reflection: `The routing is simpler than I feared.\nThe deploy script still says ${PLANTED[2]!.line}`,
      questions: [{ id: 'q1', text: 'Who owns routing?', status: 'answered', answer: 'The platform team.' }],
      ...overrides,
    })
  }

  async function remembering(memory: AiRuntimeSettings['memory']): Promise<AiService> {
    const pastVisits = journalVisits({ sessionsOn: async () => [pastSession()], repoPath: async () => repo.dir })
    return service({ settings: { memory }, fakeOptions: { respond: () => textReply('Welcome back.') }, deps: { pastVisits } })
  }

  it('shows the note built from the journal before anything is sent, and sends it in the stable prefix, redacted', async () => {
    const ai = await remembering('with_reflections')
    const preview = await ai.preview({ repoId: 'payments', purpose: 'explore' }, signal)
    const note = preview.memory?.text ?? ''
    expect(preview.memory).toMatchObject({ choice: 'with_reflections', sessions: 1, lastVisit: '2026-11-17', redactions: 1 })
    expect(note).toContain('Looked at: src/server.ts, src/api/route.ts')
    expect(note).toContain('Answered: “Who owns routing?” — “The platform team.”')
    expect(note).toContain('The routing is simpler than I feared.')
    expect(note).toMatch(/Since the last session \(\w{12} → \w{12}\): 1 commit, the latest “Listen on a port”/)
    expect(note).toContain('these changed: src/server.ts.')
    expect(note).not.toContain(PLANTED[2]!.secret)
    expect(preview.text).toContain(note)
    expect(preview.text).toContain('Last time you looked at')

    const thread = await ai.startThread({ repoId: 'payments', purpose: 'explore' }, signal)
    expect(thread.memory?.text).toBe(note)
    await ai.ask({ threadId: thread.threadId, question: 'Walk me through it again.' }, signal, recordedProgress())
    await ai.ask({ threadId: thread.threadId, question: 'And now?' }, signal, recordedProgress())
    const [first, second] = fake!.messageRequests().map((request) => request.rawBody)
    expect(first).toContain(JSON.stringify(note).slice(1, -1))
    expect(first).not.toContain(PLANTED[2]!.secret)
    // The note sits in the stable prefix: byte-identical in the follow-up, with its own 1-hour breakpoint.
    expect(second!.slice(0, second!.indexOf('Walk me through it again.'))).toBe(
      first!.slice(0, first!.indexOf('Walk me through it again.')),
    )
  })

  it('leaves the reflections out, or the whole note, as the leader chose', async () => {
    const without = await (await remembering('without_reflections')).preview({ repoId: 'payments', purpose: 'explore' }, signal)
    expect(without.memory?.text).toContain('Who owns routing?')
    expect(without.memory?.text).not.toContain('simpler than I feared')
    await fake?.close()
    fake = undefined
    const off = await remembering('off')
    const preview = await off.preview({ repoId: 'payments', purpose: 'explore' }, signal)
    expect(preview.memory).toMatchObject({ choice: 'off', text: null })
    const thread = await off.startThread({ repoId: 'payments', purpose: 'explore' }, signal)
    await off.ask({ threadId: thread.threadId, question: 'Hello' }, signal, recordedProgress())
    expect(fake!.messageRequests()[0]!.rawBody).not.toContain('what_i_already_know')
    expect(fake!.messageRequests()[0]!.rawBody).not.toContain('Last time you looked at')
  })
})
