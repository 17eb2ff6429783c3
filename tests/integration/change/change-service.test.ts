// The small change end to end at the service boundary: real SDK against the fake server, a real git
// repository, real test runs. Propose → agent edits (staged, the working tree untouched) → apply on a
// gemba/ branch → run the tests → explain; and the refusals that must leave everything as it was.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventMap } from '../../../shared/api.ts'
import { changeChannels } from '../../../shared/channels/change.ts'
import { GembaError } from '../../../shared/errors.ts'
import { smallChangeScript, SPELLING_TEST } from '../../fixtures/fake-anthropic/small-change-script.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { AiClient, createAnthropicSdk } from '../../../electron/services/ai/client/ai-client.ts'
import { ModelCatalogue } from '../../../electron/services/ai/models/model-catalogue.ts'
import { recordedProgress, type RecordedProgress } from '../../fixtures/recorded-progress.ts'
import { makeHarness, type Harness } from './harness.ts'

type ChangeUsage = EventMap['change.usage']

let fake: FakeAnthropic | undefined
let h: Harness | undefined
const signal = new AbortController().signal

afterEach(async () => {
  await fake?.close()
  await h?.cleanup()
  fake = undefined
  h = undefined
})

async function withFake(): Promise<Harness> {
  fake = await startFakeAnthropic({ respond: (request) => smallChangeScript(request, { delayMs: 0 }) })
  h = await makeHarness({ baseUrl: fake.url })
  await h.repo.git(['config', 'user.name', 'Leader Person'])
  await h.repo.git(['config', 'user.email', 'leader@example.com'])
  return h
}

/** Lands the greeter change in a child process that kills itself (SIGKILL) at the landing's write `step`. */
function killedLanding(dir: string, step: string): Promise<void> {
  const child = join(import.meta.dirname, '..', 'faults', 'apply-change-child.ts')
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir, step, 'agent'], { stdio: 'ignore' })
    proc.on('error', reject)
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the landing was not stopped at ${step}`))))
  })
}

async function failure(run: () => Promise<unknown>): Promise<GembaError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof GembaError) return error
    throw error
  }
  throw new Error('expected a failure')
}

describe('ChangeService with Claude (fake server, real SDK)', () => {
  it('proposes three tasks, stages the agent’s edits, applies them on a new branch, runs the tests and explains', async () => {
    const { service, repo, repoId } = await withFake()
    const proposals = await service.proposeTasks(changeChannels.proposeTasks.input.parse({ repoId }), signal, recordedProgress())
    expect(proposals.source).toBe('ai')
    expect(proposals.tasks).toHaveLength(3)
    expect(proposals.tasks[0]).toMatchObject({ files: ['src/greet.js:3'], effortMinutes: 15 })

    const ctx = recordedProgress()
    const draft = await service.start(
      changeChannels.start.input.parse({
        repoId,
        request: proposals.tasks[0]!.title,
        estimateMinutes: 20,
        mode: 'agent',
        sessionId: 'session-0001',
      }),
      signal,
      ctx,
    )
    expect(draft.plan).toContain('## Plan')
    expect(draft.files.map((file) => [file.path, file.status])).toEqual([
      ['src/greet.js', 'modified'],
      ['test/greet-spelling.test.js', 'added'],
    ])
    expect(draft.files[0]!.diff).toContain("-  return 'Helo, ' + name + '!'")
    expect(draft.files[0]!.diff).toContain("+  return 'Hello, ' + name + '!'")
    expect(ctx.events.some(([name]) => name === 'change.agent')).toBe(true)
    // The edit tool went out as Anthropic's text editor, and nothing reached the working tree.
    const agentRequest = fake!.messageRequests().find((request) => JSON.stringify(request.body?.system).includes('Make the change'))
    expect(agentRequest?.body?.tools).toContainEqual(
      expect.objectContaining({ type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' }),
    )
    expect(await readFile(join(repo.dir, 'src/greet.js'), 'utf8')).toContain('Helo')
    expect((await repo.git(['status', '--porcelain'])).trim()).toBe('')

    const message = await service.commitMessage({ draftId: draft.draftId }, signal, recordedProgress())
    expect(message).toMatchObject({ source: 'ai' })
    const base = await repo.head()
    const applied = await service.apply(
      changeChannels.apply.input.parse({
        draftId: draft.draftId,
        acceptedPaths: ['src/greet.js', 'test/greet-spelling.test.js'],
        message: message.message,
      }),
      signal,
      recordedProgress(),
    )
    const branch = applied.applied!.branch
    expect(branch).toMatch(/^gemba\/\d{4}-\d{2}-\d{2}-fix-the-helo-typo-in-the-greeting$/)
    expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe(branch)
    expect((await repo.git(['rev-parse', 'main'])).trim()).toBe(base)
    expect(await repo.git(['log', '-1', '--format=%an <%ae>%n%s', branch])).toBe(
      'Leader Person <leader@example.com>\nFix the spelling of the greeting\n',
    )
    expect(await repo.git(['show', `${branch}:test/greet-spelling.test.js`])).toBe(SPELLING_TEST)
    expect((await repo.git(['status', '--porcelain'])).trim()).toBe('')

    const testCtx = recordedProgress()
    const command = await service.testCommand({ repoId }, signal)
    expect(command).toEqual({ command: 'npm test', source: 'detected', from: 'package.json’s `test` script' })
    const run = await service.runTests(
      changeChannels.runTests.input.parse({ repoId, command: 'node --test', sessionId: 'session-0001', draftId: draft.draftId }),
      signal,
      testCtx,
    )
    expect(run).toMatchObject({ exitCode: 0, outcome: 'passed', branch, commit: applied.applied!.commit, onChange: true, summary: null })
    expect(testCtx.events.some(([name]) => name === 'change.testOutput')).toBe(true)
    expect(await service.testCommand({ repoId }, signal)).toEqual({ command: 'node --test', source: 'remembered', from: null })

    const explanation = await service.explain({ draftId: draft.draftId }, signal, recordedProgress())
    expect(explanation.source).toBe('ai')
    expect(explanation.markdown).toContain('src/greet.js:3')
    // Claude was told what Gemba measured, and Gemba's own line closes the explanation.
    expect(JSON.stringify(fake!.messageRequests().at(-1)!.body?.messages)).toContain('passed on this change')
    expect(explanation.markdown).toMatch(
      /\*\*The tests, as Gemba measured them:\*\* `node --test` passed on this change \(commit [0-9a-f]{10}\) in \d+\.\d s\.$/,
    )
    const patches = h!.recorded.map((entry) => Object.keys(entry.patch).join(','))
    expect(patches).toEqual([
      // Never the estimate: the session step owns it, written there by the leader.
      'request,manual',
      // How long the leader waited on the agent's draft, a developer-loop fact.
      'agentWait',
      'branch,commit,diff,originalBranch,authorship,branchDeleted,returned,cloneOn,branchTip',
      'testRun,testLog',
      'explanation',
    ])

    const back = await service.returnToOriginal({ draftId: draft.draftId }, signal, recordedProgress())
    expect(back.applied?.onGembaBranch).toBe(false)
    expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('main')
    expect(await readFile(join(repo.dir, 'src/greet.js'), 'utf8')).toContain('Helo')
    await service.discardBranch({ draftId: draft.draftId }, signal, recordedProgress())
    expect(await repo.git(['branch', '--list', 'gemba/*'])).toBe('')
  })

  it('refuses to apply on a dirty working tree, listing the files and touching nothing', async () => {
    const { service, repo, repoId } = await withFake()
    const draft = await service.start(
      changeChannels.start.input.parse({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'agent' }),
      signal,
      recordedProgress(),
    )
    await writeFile(join(repo.dir, 'README.md'), '# Greeter, edited\n')
    await writeFile(join(repo.dir, 'notes.txt'), 'mine\n')
    const error = await failure(() =>
      service.apply({ draftId: draft.draftId, acceptedPaths: ['src/greet.js'], message: 'x' }, signal, recordedProgress()),
    )
    expect(error.code).toBe('dirty_working_tree')
    expect(error.message).toContain('README.md (modified)')
    expect(error.message).toContain('notes.txt (untracked)')
    expect(await repo.git(['branch', '--list'])).toBe('* main\n')
    expect(await readFile(join(repo.dir, 'src/greet.js'), 'utf8')).toContain('Helo')
  })

  it('applies with empty folders in the working tree: git calls it clean, and so does Gemba', async () => {
    const { service, repo, repoId } = await withFake()
    const draft = await service.start(
      changeChannels.start.input.parse({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'agent' }),
      signal,
      recordedProgress(),
    )
    await mkdir(join(repo.dir, 'build', 'cache'), { recursive: true })
    await mkdir(join(repo.dir, 'src', 'empty'))
    expect((await repo.git(['status', '--porcelain'])).trim()).toBe('')
    const applied = await service.apply(
      { draftId: draft.draftId, acceptedPaths: ['src/greet.js'], message: 'Fix the typo' },
      signal,
      recordedProgress(),
    )
    expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe(applied.applied!.branch)
  })

  it('lands in a linked worktree with the identity its main checkout shares, on a branch the main checkout sees', async () => {
    fake = await startFakeAnthropic({ respond: (request) => smallChangeScript(request, { delayMs: 0 }) })
    const linked = await makeHarness({ baseUrl: fake.url, linkedWorktree: true })
    h = linked
    await linked.main.git(['config', 'user.name', 'Shared Person'])
    await linked.main.git(['config', 'user.email', 'shared@example.com'])
    expect((await linked.repo.git(['config', 'user.email'])).trim()).toBe('shared@example.com')
    const draft = await linked.service.start(
      changeChannels.start.input.parse({ repoId: linked.repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'agent' }),
      signal,
      recordedProgress(),
    )
    const applied = await linked.service.apply(
      { draftId: draft.draftId, acceptedPaths: ['src/greet.js'], message: 'Fix the typo' },
      signal,
      recordedProgress(),
    )
    const branch = applied.applied!.branch
    expect(applied.applied!.originalBranch).toBe('linked')
    expect((await linked.repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe(branch)
    expect(await linked.main.git(['log', '-1', '--format=%an <%ae>', branch])).toBe('Shared Person <shared@example.com>\n')
    expect((await linked.repo.git(['status', '--porcelain'])).trim()).toBe('')
    expect((await linked.main.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('main')
  })

  it('refuses to apply a file that changed on disk since the agent read it; nothing is written', async () => {
    const { service, repo, repoId } = await withFake()
    const draft = await service.start(
      changeChannels.start.input.parse({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'agent' }),
      signal,
      recordedProgress(),
    )
    await writeFile(join(repo.dir, 'src/greet.js'), "export function greet(name) { return 'Hi ' + name }\n")
    await repo.commit('Someone else changed greet')
    const error = await failure(() =>
      service.apply({ draftId: draft.draftId, acceptedPaths: ['src/greet.js'], message: 'x' }, signal, recordedProgress()),
    )
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('src/greet.js')
    expect(await repo.git(['branch', '--list'])).toBe('* main\n')
  })

  it('hands on the keyboard: the agent leaves a marked piece; the leader’s edit is committed on the same branch and judged by the tests', async () => {
    const { service, repo, repoId } = await withFake()
    const draft = await service.start(
      changeChannels.start.input.parse({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'agent', handsOnKeyboard: true }),
      signal,
      recordedProgress(),
    )
    expect(draft.files.find((file) => file.path === 'src/greet.js')?.hasLeaderMarker).toBe(true)
    expect(draft.checks.map((check) => check.kind)).not.toContain('no_leader_piece')
    const applied = await service.apply(
      {
        draftId: draft.draftId,
        acceptedPaths: draft.files.map((file) => file.path),
        message: 'Fix the greeting (leader writes the return)',
      },
      signal,
      recordedProgress(),
    )
    expect(applied.authorship).toEqual({ leaderLines: 0, agentLines: 7 })
    const failing = await service.runTests({ repoId, command: 'node --test', draftId: draft.draftId }, signal, recordedProgress())
    expect(failing).toMatchObject({
      outcome: 'failed',
      onChange: true,
      summary: { failed: ['spells hello correctly', 'greets by name'], runner: 'node --test' },
    })
    expect(failing.summary?.firstError).toMatch(/Expected values to be strictly equal/)
    expect((await service.explain({ draftId: draft.draftId }, signal, recordedProgress())).markdown).toContain(
      '`node --test` failed on this change',
    )

    const greet = join(repo.dir, 'src/greet.js')
    await writeFile(greet, (await readFile(greet, 'utf8')).replace("  return ''", "  return 'Hello, ' + name + '!'"))
    const working = await service.workingChanges({ repoId }, signal)
    expect(working.files.map((file) => file.path)).toEqual(['src/greet.js'])
    expect(working.files[0]!.diff).toContain("+  return 'Hello, ' + name + '!'")
    const second = await service.apply(
      { draftId: draft.draftId, acceptedPaths: ['src/greet.js'], message: 'Write the greeting myself' },
      signal,
      recordedProgress(),
    )
    expect(second.applied!.branch).toBe(applied.applied!.branch)
    expect(second.authorship).toEqual({ leaderLines: 1, agentLines: 7 })
    expect(await repo.git(['log', '--format=%s', '-2'])).toBe('Write the greeting myself\nFix the greeting (leader writes the return)\n')
    expect((await service.runTests({ repoId, command: 'node --test' }, signal, recordedProgress())).outcome).toBe('passed')
  })

  it('an agent that oversteps: the refused edit is told to it and it says what it could not do; its claim and the missing import are flagged', async () => {
    const { service, repoId } = await withFake()
    const ctx = recordedProgress()
    const draft = await service.start(
      changeChannels.start.input.parse({ repoId, request: 'Trim the name before greeting', estimateMinutes: 15, mode: 'agent' }),
      signal,
      ctx,
    )
    expect(draft.files.map((file) => file.path)).toEqual(['src/greet.js', 'test/greet-trim.test.js'])
    expect(draft.refused).toEqual([expect.objectContaining({ path: '../shared/trim.js', command: 'create' })])
    // Gemba told the agent; its last word is the admission, not the claim.
    const told = fake!.messageRequests().at(-1)!
    expect(JSON.stringify(told.body?.messages)).toContain('Gemba refused 1 of your edits')
    expect(draft.summary).toMatch(/^I could not write the helper/)
    expect(draft.plan).toContain('Trimmed the name with a new helper')
    expect(draft.checks.map((check) => check.kind)).toEqual(['refused', 'claimed_not_in_diff', 'missing_import', 'missing_import'])
    expect(draft.checks[1]).toMatchObject({ paths: ['src/trim.js'] })
    expect(draft.checks.filter((check) => check.kind === 'missing_import').map((check) => check.message)).toEqual([
      'The file src/greet.js imports ./trim.js, which exists neither in the repository nor in the change: it fails before it runs.',
      'The test test/greet-trim.test.js imports ../src/trim.js, which exists neither in the repository nor in the change: it fails before it runs.',
    ])
    expect(ctx.events.some(([name, payload]) => name === 'change.agent' && (payload as { kind: string }).kind === 'refused')).toBe(true)
  })

  it('a draft whose tests cannot run here says so before the commit', async () => {
    const { service, repo, repoId } = await withFake()
    await repo.write(
      'package.json',
      JSON.stringify({ name: 'greeter', type: 'module', scripts: { test: 'node --test' }, devDependencies: { typescript: '^5.0.0' } }),
    )
    await repo.commit('A dev dependency')
    const draft = await service.start(
      changeChannels.start.input.parse({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'agent' }),
      signal,
      recordedProgress(),
    )
    const check = draft.checks.find((candidate) => candidate.kind === 'tests_not_ready')
    expect(check?.message).toBe(
      'The team’s tests cannot run here yet: The dependencies are not installed (no node_modules); there is no lockfile. The setup (`npm install`) gets there.',
    )
    const readiness = await service.testReadiness({ repoId, command: 'npm test' }, signal)
    expect(readiness).toMatchObject({ ecosystem: 'node', ready: false, steps: [{ command: 'npm install', done: false }], blocked: null })
  })

  it('revises with a comment, undoing the rejected files', async () => {
    const { service, repoId } = await withFake()
    const draft = await service.start(
      changeChannels.start.input.parse({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'agent' }),
      signal,
      recordedProgress(),
    )
    const revised = await service.revise(
      changeChannels.revise.input.parse({
        draftId: draft.draftId,
        comment: 'No new test file, please.',
        rejectedPaths: ['test/greet-spelling.test.js'],
      }),
      signal,
      recordedProgress(),
    )
    expect(revised.files.map((file) => file.path)).toEqual(['src/greet.js'])
    expect(revised.plan).toContain('Revised')
  })

  it('reports every model call’s usage and cost with its session (change.usage), so the session can count the change', async () => {
    const { service, repoId } = await withFake()
    const usageOf = (ctx: RecordedProgress) =>
      ctx.events.filter(([name]) => name === 'change.usage').map(([, payload]) => payload as ChangeUsage)
    const proposeCtx = recordedProgress()
    await service.proposeTasks(changeChannels.proposeTasks.input.parse({ repoId, sessionId: 'session-0001' }), signal, proposeCtx)
    expect(usageOf(proposeCtx)).toHaveLength(fake!.messageRequests().length)
    expect(usageOf(proposeCtx)[0]).toMatchObject({
      draftId: null,
      sessionId: 'session-0001',
      model: 'claude-sonnet-5-5',
    })

    const before = fake!.messageRequests().length
    const startCtx = recordedProgress()
    const draft = await service.start(
      changeChannels.start.input.parse({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'agent', sessionId: 'session-0001' }),
      signal,
      startCtx,
    )
    const agentCalls = usageOf(startCtx)
    // One report per request of the agent's tool loop, each with real tokens, summing to the change's cost.
    expect(agentCalls.length).toBe(fake!.messageRequests().length - before)
    expect(agentCalls.length).toBeGreaterThan(1)
    expect(
      agentCalls.every((call) => call.draftId === draft.draftId && call.sessionId === 'session-0001' && call.usage.outputTokens > 0),
    ).toBe(true)
    expect(agentCalls.reduce((sum, call) => sum + call.cost.usd, 0)).toBeCloseTo(draft.costUsd, 10)
    expect(draft.costUsd).toBeGreaterThan(0)

    const messageCtx = recordedProgress()
    await service.commitMessage({ draftId: draft.draftId }, signal, messageCtx)
    expect(usageOf(messageCtx)).toHaveLength(1)
    const explainCtx = recordedProgress()
    await service.explain({ draftId: draft.draftId }, signal, explainCtx)
    expect(usageOf(explainCtx)).toMatchObject([{ draftId: draft.draftId, sessionId: 'session-0001' }])
  })
})

describe('the agent’s planning, by model capabilities', () => {
  async function agentRequests(model: string): Promise<Record<string, unknown>[]> {
    fake = await startFakeAnthropic({ respond: (request) => smallChangeScript(request, { delayMs: 0 }) })
    const url = fake.url
    const models = new ModelCatalogue({
      list: (signal) =>
        new AiClient({ createSdk: createAnthropicSdk, apiKey: 'sk-ant-test-4444444444444444444444', baseURL: url }).listModels(signal),
      endpoint: async () => url,
      file: null,
    })
    h = await makeHarness({
      baseUrl: url,
      deps: { modelProfile: (id, signal) => models.profileFor(id === 'claude-sonnet-5-5' ? model : id, signal) },
    })
    await h.service.start(
      changeChannels.start.input.parse({ repoId: h.repoId, request: 'Fix the greeting typo', estimateMinutes: 20, mode: 'agent' }),
      signal,
      recordedProgress(),
    )
    return fake
      .messageRequests()
      .map((request) => request.body!)
      .filter((body) => JSON.stringify(body.system).includes('Make the change'))
  }

  it('thinks adaptively at a medium effort where the Models API offers it, handing its thinking back through the tool loop; its prefix is kept for the hour', async () => {
    const requests = await agentRequests('claude-sonnet-5-5')
    expect(requests.length).toBeGreaterThanOrEqual(3)
    for (const body of requests) expect(body).toMatchObject({ thinking: { type: 'adaptive' }, output_config: { effort: 'medium' } })
    const later = requests.at(-1)!.messages as { role: string; content: { type: string }[] }[]
    const assistants = later.filter((message) => message.role === 'assistant')
    expect(assistants.every((message) => message.content[0]!.type === 'thinking')).toBe(true)
    expect(JSON.stringify((requests[0]!.messages as unknown[])[0])).toContain('"ttl":"1h"')
  })

  it('does not think where the model cannot (Haiku 5.5 lists no adaptive thinking)', async () => {
    const requests = await agentRequests('claude-haiku-5-5')
    expect(requests.length).toBeGreaterThanOrEqual(3)
    for (const body of requests) {
      expect(body.thinking).toBeUndefined()
      expect(body.output_config).toBeUndefined()
    }
  })
})

describe('ChangeService without AI', () => {
  it('proposes tasks from the scan alone (TODO with file:line), clearly labelled', async () => {
    h = await makeHarness({ baseUrl: null })
    const proposals = await h.service.proposeTasks({ repoId: h.repoId }, signal, recordedProgress())
    expect(proposals.source).toBe('offline')
    expect(proposals.note).toMatch(/no AI/)
    expect(proposals.tasks[0]).toMatchObject({ kind: 'todo', files: ['src/greet.js:2'] })
  })

  it('the agent needs a key; manual mode watches, diffs and commits the leader’s own edit on a new branch', async () => {
    h = await makeHarness({ baseUrl: null })
    const { service, repo, repoId } = h
    expect(
      (
        await failure(() =>
          service.start({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'agent' }, signal, recordedProgress()),
        )
      ).code,
    ).toBe('no_api_key')
    const draft = await service.start({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'manual' }, signal, recordedProgress())
    expect(draft.files).toEqual([])

    const controller = new AbortController()
    const watchCtx = recordedProgress()
    const watching = service.watchWorkingTree({ repoId }, controller.signal, watchCtx)
    const greet = join(repo.dir, 'src/greet.js')
    await expect.poll(() => watchCtx.events.length).toBeGreaterThan(0)
    await writeFile(greet, (await readFile(greet, 'utf8')).replace('Helo', 'Hello'))
    await expect.poll(() => JSON.stringify(watchCtx.events.at(-1)), { timeout: 5_000 }).toContain('src/greet.js')
    controller.abort()
    expect(await watching).toEqual({ stopped: true })

    const identityError = await failure(() =>
      service.apply({ draftId: draft.draftId, acceptedPaths: ['src/greet.js'], message: 'Fix typo' }, signal, recordedProgress()),
    )
    expect(identityError.details).toMatchObject({ needsIdentity: true })
    await service.setIdentity({ name: 'Hand Writer', email: 'hand@example.com' })
    const message = await service.commitMessage({ draftId: draft.draftId }, signal, recordedProgress())
    expect(message).toEqual({ source: 'offline', message: 'Fix the typo\n\n- src/greet.js (+1 -1)' })
    const applied = await service.apply(
      { draftId: draft.draftId, acceptedPaths: ['src/greet.js'], message: message.message },
      signal,
      recordedProgress(),
    )
    expect(await repo.git(['log', '-1', '--format=%an%n%s'])).toBe('Hand Writer\nFix the typo\n')
    expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe(applied.applied!.branch)
    const explanation = await service.explain({ draftId: draft.draftId }, signal, recordedProgress())
    expect(explanation.source).toBe('offline')
    expect(explanation.markdown).toContain('`src/greet.js` — modified')
  })

  it('rolls back a landing killed while it held its own index.lock before checking it may write, and the next change lands', async () => {
    h = await makeHarness({ baseUrl: null })
    const { service, repo, repoId } = h
    await service.setIdentity({ name: 'Hand Writer', email: 'hand@example.com' })
    // A landing stopped (SIGKILL) while it held .git/index.lock: git itself now refuses to write.
    await killedLanding(repo.dir, 'index-locked')
    expect(existsSync(join(repo.dir, '.git', 'index.lock'))).toBe(true)
    const draft = await service.start({ repoId, request: 'Fix the typo', estimateMinutes: 10, mode: 'manual' }, signal, recordedProgress())
    expect(existsSync(join(repo.dir, '.git', 'index.lock'))).toBe(false)
    expect((await repo.git(['status', '--porcelain', '--untracked-files=all'])).trim()).toBe('')
    await writeFile(join(repo.dir, 'src/greet.js'), (await readFile(join(repo.dir, 'src/greet.js'), 'utf8')).replace('Helo', 'Hello'))
    const applied = await service.apply(
      { draftId: draft.draftId, acceptedPaths: ['src/greet.js'], message: 'Fix the typo' },
      signal,
      recordedProgress(),
    )
    expect((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe(applied.applied!.branch)
  })

  it('stops a test run on cancel and times out a slow one', async () => {
    h = await makeHarness({ baseUrl: null })
    const controller = new AbortController()
    const ctx = recordedProgress()
    const running = h.service.runTests({ repoId: h.repoId, command: 'echo started; sleep 30' }, controller.signal, ctx)
    await expect.poll(() => ctx.events.length).toBeGreaterThan(0)
    controller.abort()
    expect(await running).toMatchObject({ outcome: 'could_not_run', couldNotRun: { reason: 'cancelled' }, exitCode: null })
    expect(
      await h.service.runTests({ repoId: h.repoId, command: 'sleep 30', timeoutSeconds: 1 }, signal, recordedProgress()),
    ).toMatchObject({
      outcome: 'could_not_run',
      couldNotRun: { reason: 'timed_out' },
      exitCode: null,
    })
  }, 20_000)
})
