// Nothing the leader typed or Gemba produced in a step is lost: one test per step, each through the
// real backend (the coach against the fake Anthropic server), finishing the session and then reading
// the journal file and searching the journal for that step's work. Remove a step's work from the
// entry and its test fails.
import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelName } from '../../../shared/api.ts'
import type { AiThreadView } from '../../../shared/models/ai.ts'
import type { JournalSearchResult, JournalSessionView } from '../../../shared/models/journal.ts'
import type { FinishResult, SessionView } from '../../../shared/models/sessions.ts'
import { textReply } from '../../fixtures/fake-anthropic/replies.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'

const EXPLORE_ANSWER =
  '## What this does\n\nGreetings live in src/greet.js:2, where the **salutation** is built; its settings in src/settings.js:4.'
/** How the change service records into a session (outside any call of the page). */
const DIAGRAM_ANSWER = 'The parts and their calls.\n\n```mermaid\nflowchart LR\n  greet["src/greet.js"] --> log["src/log.js"]\n```'

let fake: FakeAnthropic
let repo: RepoBuilder
let test: TestBackend
let repoId: string
let session: SessionView['session']

async function call<T>(channel: ChannelName, input: unknown): Promise<T> {
  const result = await test.backend.dispatcher.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

/** Finishes the session; answers the journal file's text and its entry as the journal reads it. */
async function finish(): Promise<{ markdown: string; entry: JournalSessionView }> {
  const result = await call<FinishResult>('sessions.finish', { id: session.id })
  expect(result.journalPath).not.toBeNull()
  return { markdown: await readFile(result.journalPath!, 'utf8'), entry: await call<JournalSessionView>('journal.get', { id: session.id }) }
}

async function found(query: string): Promise<string[]> {
  const { hits } = await call<JournalSearchResult>('journal.search', { query })
  return hits.filter((hit) => hit.entry.id === session.id).flatMap((hit) => hit.snippets.map((snippet) => snippet.field))
}

beforeEach(async () => {
  fake = await startFakeAnthropic({
    respond: (request) => textReply(JSON.stringify(request.body).includes('architecture') ? DIAGRAM_ANSWER : EXPLORE_ANSWER),
  })
  repo = await buildRepo()
  await repo.files({
    'src/greet.js': '// Greets people.\nexport const greet = (name) => "Hello, " + name\n',
    'src/log.js': 'export const log = console.log\n',
  })
  await repo.commit('Greeter')
  test = await makeTestBackend({ ANTHROPIC_API_KEY: 'sk-ant-test-7777777777777777777777', ANTHROPIC_BASE_URL: fake.url })
  repoId = (await call<{ id: string }>('repos.add', { path: repo.dir })).id
  session = (await call<SessionView>('sessions.start', { repoId })).session
})

afterEach(async () => {
  await test.cleanup()
  await fake.close()
  await repo.cleanup()
})

describe('nothing the leader did in a step is lost', () => {
  it('explore: Claude’s walkthrough is kept as it comes (no button), with its question, citations (marked as shown) and the notes', async () => {
    const thread = await call<AiThreadView>('ai.startThread', { repoId, purpose: 'explore', sessionId: session.id })
    await call('ai.ask', { threadId: thread.threadId, question: 'Walk me through the greeter.' })
    const kept = (await call<SessionView>('sessions.get', { id: session.id })).session.steps.explore.payload
    expect(kept).toMatchObject({ source: 'ai', questionsAsked: ['Walk me through the greeter.'], threadRefs: [thread.threadId] })
    await call('sessions.updateStep', { id: session.id, step: 'explore', payload: { notes: 'The zanzibar module greets.' } })

    const { markdown, entry } = await finish()
    expect(markdown).toContain('### Walk me through the greeter.\n\n#### What this does')
    expect(markdown).toContain('- `src/greet.js:2`\n')
    // A citation the repository did not confirm keeps the session's "(unverified)" in the file and the record.
    expect(markdown).toContain('- `src/settings.js:4` (unverified)')
    expect(markdown).toContain('### My notes\n\n<!-- gemba:explore-notes -->\nThe zanzibar module greets.')
    expect(entry.record.walkthrough).toMatchObject({
      source: 'ai',
      citations: [
        { path: 'src/greet.js', line: 2 },
        { path: 'src/settings.js', line: 4, mark: 'unverified' },
      ],
    })
    expect(entry.record.walkthrough?.citations[0]).not.toHaveProperty('mark')
    expect(entry.record.notes?.explore).toBe('The zanzibar module greets.')
    expect(entry.record.transcript).toContainEqual(expect.objectContaining({ step: 'explore', role: 'coach' }))
    expect(await found('salutation')).toContain('walkthrough')
    expect(await found('zanzibar')).toContain('notes')
  })

  it('diagram: the drawing, its caption, the notes and every diagram conversation', async () => {
    const thread = await call<AiThreadView>('ai.startThread', { repoId, purpose: 'diagram', sessionId: session.id })
    await call('ai.ask', { threadId: thread.threadId, question: 'Draw me the high-level architecture.' })
    // The page asks the session to keep the drawing once Mermaid has checked and drawn it (as the
    // diagram step does); the session takes its source and caption from Claude's answer.
    await call('sessions.keepRecord', {
      id: session.id,
      step: 'diagram',
      pick: {
        kind: 'drawing',
        threadId: thread.threadId,
        mermaid: 'flowchart LR\n  greet["src/greet.js"] --> log["src/log.js"]',
        svg: '<svg id="drawn"></svg>',
        by: 'auto',
      },
    })
    await call('sessions.updateStep', { id: session.id, step: 'diagram', payload: { notes: 'Logging is a quokka of a module.' } })

    const { markdown, entry } = await finish()
    expect(markdown).toMatch(/## Architecture[\s\S]*```mermaid\nflowchart LR\n {2}greet\["src\/greet.js"\] --> log\["src\/log.js"\]\n```/)
    expect(markdown).toContain('### My notes\n\n<!-- gemba:diagram-notes -->\nLogging is a quokka of a module.')
    expect(entry.record.diagram).toMatchObject({ caption: 'The parts and their calls.', source: 'ai' })
    expect(entry.record.notes?.diagram).toBe('Logging is a quokka of a module.')
    expect(entry.record.transcript).toContainEqual(
      expect.objectContaining({ step: 'diagram', role: 'leader', text: 'Draw me the high-level architecture.' }),
    )
    expect(await found('quokka')).toContain('notes')
    expect(await found('calls')).toContain('diagram')
  })

  it('small change: the request, the diff, the test run and the explanation', async () => {
    // The leader's estimate from the page; what the change did from the change service.
    await call('sessions.updateStep', { id: session.id, step: 'change', payload: { estimateMinutes: 10 } })
    await test.backend.sessions.changeRecords.record(session.id, {
      request: 'Say hello in Welsh',
      branch: 'gemba/welsh',
      commit: 'a'.repeat(40),
      diff: '--- a/src/greet.js\n+++ b/src/greet.js\n@@ -2 +2 @@\n-"Hello, "\n+"Shwmae, "\n',
      testRun: { command: 'npm test', exitCode: 0, durationMs: 1_200, outputTail: 'ok 1 greets in cymraeg' },
      explanation: 'The greeting string now says Shwmae.',
    })

    const { markdown, entry } = await finish()
    expect(markdown).toContain('+"Shwmae, "')
    expect(markdown).toContain('ok 1 greets in cymraeg')
    expect(markdown).toContain('The greeting string now says Shwmae.')
    expect(entry.record.change).toMatchObject({ request: 'Say hello in Welsh', branch: 'gemba/welsh' })
    expect(await found('shwmae')).toEqual(expect.arrayContaining(['change']))
    expect(await found('welsh')).toContain('change')
  })

  it('reflect: the leader’s reflection leads the entry, with friction, effort and the questions', async () => {
    await call('sessions.updateStep', { id: session.id, step: 'change', payload: { estimateMinutes: 10, actualMinutes: 25 } })
    await test.backend.sessions.changeRecords.record(session.id, { request: 'Tiny' })
    const drafted = await call<SessionView>('sessions.goToStep', { id: session.id, step: 'reflect' })
    const draft = drafted.session.steps.reflect.payload.markdown
    await call('sessions.updateStep', {
      id: session.id,
      step: 'reflect',
      payload: {
        markdown: draft.replace('### What surprised me\n', '### What surprised me\n\nNothing deploys on a marmalade merge.\n'),
        frictionTags: ['slow-tests'],
        questionsForTechLead: [{ text: 'Who owns the release train?' }],
      },
    })

    const { markdown, entry } = await finish()
    const body = markdown.slice(markdown.indexOf('\n---\n') + 5)
    const headings = [...body.matchAll(/^## (.+)$/gm)].map((match) => match[1])
    expect(headings).toEqual(['Reflection', 'Questions for the tech lead', 'Walkthrough', 'Architecture', 'The change'])
    expect(body).toContain('### What surprised me\n\nNothing deploys on a marmalade merge.')
    // Prompts left unanswered are not kept as empty headings.
    expect(body).not.toContain('### Where AI could help this team most')
    expect(body).toContain('**Estimate against actual:** 10 min estimated, 25 min taken (2.5× the estimate).')
    expect(body).toContain('**Friction:** `slow-tests`')
    expect(body).toContain('- [ ] Who owns the release train?')
    expect(entry.record.reflection).toContain('marmalade')
    expect(await found('marmalade')).toContain('reflection')
    expect(await found('release train')).toContain('questions')
  })
})
