// Kept threads, real SDK against the fake server: what was sent stays readable after a restart, no
// planted secret (nor the API key) reaches the thread file, a damaged file is reported and kept, and a
// finished session's journal sidecar carries both conversations and what each request carried.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAnthropicSdk } from '../../../electron/services/ai/client/ai-client.ts'
import { AiService } from '../../../electron/services/ai/ai-service.ts'
import { aiThreadsFolder } from '../../../electron/services/ai/create-ai-service.ts'
import { SecretRedactor } from '../../../electron/services/secrets/secret-redactor.ts'
import { threadStore } from '../../../electron/services/ai/threads/thread-store.ts'
import { threadTranscripts } from '../../../electron/services/ai/threads/thread-transcripts.ts'
import { JournalService } from '../../../electron/services/journal/journal-service.ts'
import { SessionsService } from '../../../electron/services/sessions/sessions-service.ts'
import { GembaError } from '../../../shared/errors.ts'
import { DEFAULT_TIMEBOXES } from '../../../shared/models/sessions.ts'
import { textReply, toolUseReply } from '../../fixtures/fake-anthropic/replies.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { PLANTED } from './planted-secrets.ts'
import { unsavedSpending } from '../../fixtures/spending.ts'
import { recordedProgress } from '../../fixtures/recorded-progress.ts'

const API_KEY = 'sk-ant-test-kept-4444444444444444444444'
let repo: RepoBuilder
let data: string
let fake: FakeAnthropic | undefined
let ids = 0

beforeAll(async () => {
  repo = await buildRepo()
  await repo.files({ 'README.md': '# Tiny\n', 'src/main.ts': 'console.log("hi")\n' })
  for (const planted of PLANTED) await repo.write(planted.path, `# settings\n${planted.line}\n# end\n`)
  await repo.commit('initial')
})
afterAll(() => repo.cleanup())
afterEach(async () => {
  await fake?.close()
  fake = undefined
  if (data) await rm(data, { recursive: true, force: true })
})

const signal = new AbortController().signal

async function service(): Promise<AiService> {
  const redactor = new SecretRedactor()
  const readme = await redactor.redact('README.md', '# Tiny\n')
  const head = await repo.head()
  return new AiService({
    settings: async () => ({ apiKey: API_KEY, endpoint: fake!.url, model: 'claude-sonnet-5-5', contextTokens: 40_000 }),
    spending: unsavedSpending(),
    createSdk: createAnthropicSdk,
    context: async (request) => ({
      snapshot: { root: repo.dir, commit: head, dirty: new Set<string>() },
      text: `<repository id="${request.repoId}">\n<file path="README.md">\n${readme.text}</file>\n</repository>`,
      manifest: { files: [{ path: 'README.md', bytes: 7 }], redactions: [], excluded: [{ path: '.env', rule: 'env-file' }] },
    }),
    threads: threadStore(aiThreadsFolder(data)),
    redactor,
    newId: () => `thread-${String(++ids).padStart(4, '0')}`,
  })
}

const readPlanted = toolUseReply(
  PLANTED.map((planted, index) => ({ id: `toolu_${index}`, name: 'read_file', input: { path: planted.path } })),
)

describe('kept AI threads', () => {
  it('answers what was sent from disk after a restart, with no planted secret or key in the file', async () => {
    data = await mkdtemp(join(tmpdir(), 'gemba-'))
    fake = await startFakeAnthropic({ replies: [readPlanted, textReply('The settings live in config/ (`config/aws.ini:2`).')] })
    const before = await service()
    const thread = await before.startThread({ repoId: 'r1', purpose: 'explore', sessionId: 'session-1' }, signal)
    const question = `Where are the settings?\nOur token is ${PLANTED[2]!.secret}`
    await before.ask({ threadId: thread.threadId, question }, signal, recordedProgress())
    const live = await before.sent({ threadId: thread.threadId })

    const after = await service()
    const sent = await after.sent({ threadId: thread.threadId })
    expect(sent).toEqual(live)
    expect(sent.map((record) => record.added.kind)).toEqual(['question', 'tool_results'])
    expect(sent[1]!.added.files.map((file) => file.path)).toEqual(expect.arrayContaining(['config/aws.ini', 'src/notify.ts']))
    expect(sent[1]!.redactions.length).toBeGreaterThanOrEqual(PLANTED.length - 1)

    const file = await readFile(join(aiThreadsFolder(data), `${thread.threadId}.json`), 'utf8')
    expect(JSON.parse(file)).toMatchObject({
      threadId: thread.threadId,
      repoId: 'r1',
      sessionId: 'session-1',
      purpose: 'explore',
      headCommit: await repo.head(),
    })
    expect(file).toContain('Where are the settings?')
    expect(file).toContain('The settings live in config/')
    expect(file).not.toContain(API_KEY)
    for (const planted of PLANTED) expect(file).not.toContain(planted.secret)
  })

  it('keeps a failed question too, with the partial answer and the reason', async () => {
    data = await mkdtemp(join(tmpdir(), 'gemba-'))
    fake = await startFakeAnthropic({
      replies: [
        textReply('Half an answer, then the server gave up', {
          chunkSize: 5,
          midStreamError: { afterEvents: 5, type: 'overloaded_error', message: 'Overloaded' },
        }),
      ],
    })
    const ai = await service()
    const thread = await ai.startThread({ repoId: 'r1', purpose: 'explore' }, signal)
    await expect(ai.ask({ threadId: thread.threadId, question: 'Walk me through it' }, signal, recordedProgress())).rejects.toBeInstanceOf(
      GembaError,
    )
    const kept = await threadStore(aiThreadsFolder(data)).read(thread.threadId)
    expect(kept?.turns).toEqual([
      expect.objectContaining({
        question: 'Walk me through it',
        status: 'failed',
        answer: expect.stringContaining('Half an'),
        error: expect.any(String),
      }),
    ])
  })

  it('reports a damaged thread file clearly and leaves it on disk', async () => {
    data = await mkdtemp(join(tmpdir(), 'gemba-'))
    const folder = aiThreadsFolder(data)
    await threadStore(folder).save({
      version: 1,
      threadId: 'thread-broken',
      repoId: 'r1',
      sessionId: null,
      purpose: 'explore',
      model: 'm',
      headCommit: null,
      createdAt: '',
      updatedAt: '',
      turns: [],
      requests: [],
    })
    await writeFile(join(folder, 'thread-broken.json'), '{"threadId": "thread-bro')
    fake = await startFakeAnthropic({ replies: [] })
    const error = await (await service()).sent({ threadId: 'thread-broken' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GembaError)
    expect((error as GembaError).message).toMatch(/thread-broken\.json is damaged/)
    expect(await readdir(folder)).toContain('thread-broken.json')
    await expect((await service()).sent({ threadId: 'thread-unknown' })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('puts both conversations and what was sent into the journal sidecar when the session finishes', async () => {
    data = await mkdtemp(join(tmpdir(), 'gemba-'))
    fake = await startFakeAnthropic({
      replies: [
        readPlanted,
        textReply('This service prints hi; start at `src/main.ts:1`.'),
        textReply('```mermaid\nflowchart TD\n  a --> b\n```'),
      ],
    })
    const ai = await service()
    const explore = await ai.startThread({ repoId: 'r1', purpose: 'explore', sessionId: 's1' }, signal)
    await ai.ask({ threadId: explore.threadId, question: 'Walk me through the codebase.' }, signal, recordedProgress())
    const diagram = await ai.startThread({ repoId: 'r1', purpose: 'diagram', sessionId: 's1' }, signal)
    await ai.ask({ threadId: diagram.threadId, question: 'Draw me the architecture.' }, signal, recordedProgress())
    await ai.closeThread({ threadId: explore.threadId })

    const journalFolder = join(data, 'journal')
    const journal = new JournalService({
      journalFolder,
      createJournalFolder: true,
      cacheFolder: join(data, 'cache'),
      pendingFolder: join(data, 'pending'),
      now: () => new Date(),
    })
    const sessions = new SessionsService({
      folder: join(data, 'sessions'),
      events: { emit: () => undefined },
      clock: () => new Date('2026-01-06T09:30:00Z'),
      settings: {
        get: async () => ({
          schedule: { day: 'tuesday', start: '09:00', minutes: 60, timeZone: 'Europe/London' },
          stepMinutes: DEFAULT_TIMEBOXES,
          ai: { sessionBudgetUsd: 2 },
        }),
      },
      repos: { list: async () => [{ id: 'r1', name: 'tiny', path: repo.dir, addedAt: '2026-01-01T00:00:00Z' }] },
      journal,
      transcripts: threadTranscripts(threadStore(aiThreadsFolder(data))),
    })
    const { session } = await sessions.start({ commit: 'a'.repeat(40) }, signal)
    // The AI service records each answered question into the session (here for the session started above).
    const coach = sessions.coachRecords
    await coach.keep({
      sessionId: session.id,
      purpose: 'explore',
      threadId: explore.threadId,
      question: 'Walk me through the codebase.',
      answer: 'This service prints hi.',
      citations: [],
    })
    await coach.keep({
      sessionId: session.id,
      purpose: 'diagram',
      threadId: diagram.threadId,
      question: 'Draw me the architecture.',
      answer: '```mermaid\nflowchart TD\n  a --> b\n```',
      citations: [],
    })
    const finished = await sessions.finish({ id: session.id }, signal)

    const sidecarName = (await readdir(journalFolder)).find((name) => name.endsWith('.json'))!
    const sidecarText = await readFile(join(journalFolder, sidecarName), 'utf8')
    for (const planted of PLANTED) expect(sidecarText).not.toContain(planted.secret)
    const sidecar = JSON.parse(sidecarText) as {
      transcript: { step: string; role: string; text: string }[]
      sent: { step: string; added: { files: { path: string }[] }; contextFiles: { path: string }[] }[]
    }
    expect(sidecar.transcript).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ step: 'explore', role: 'leader', text: 'Walk me through the codebase.' }),
        expect.objectContaining({ step: 'explore', role: 'tool', text: expect.stringContaining('read_file') }),
        expect.objectContaining({ step: 'explore', role: 'coach', text: 'This service prints hi; start at `src/main.ts:1`.' }),
        expect.objectContaining({ step: 'diagram', role: 'leader', text: 'Draw me the architecture.' }),
        expect.objectContaining({ step: 'diagram', role: 'coach', text: expect.stringContaining('flowchart TD') }),
      ]),
    )
    expect(sidecar.sent.map((record) => record.step)).toEqual(['explore', 'explore', 'diagram'])
    expect(sidecar.sent[0]!.contextFiles).toEqual([{ path: 'README.md', bytes: 7 }])
    expect(sidecar.sent[1]!.added.files.map((file) => file.path)).toContain('src/notify.ts')

    const view = await journal.get({ id: finished.session.id }, signal)
    expect(view.record.sent).toHaveLength(3)
    expect(view.record.transcript.length).toBeGreaterThan(4)
  })
})
