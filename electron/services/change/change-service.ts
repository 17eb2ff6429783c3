// Serves the change channels: proposing tasks, the agent's staged change and its revisions, applying
// it on a gemba/ branch, the leader's own edits, the team's tests (only when asked) and the
// explanation, recorded to the session. Holds drafts in memory; writes to a repository only in apply,
// returnToOriginal and discardBranch.
import { randomUUID } from 'node:crypto'
import { watch } from 'node:fs'
import type { EventMap } from '../../../shared/api.ts'
import type { changeChannels } from '../../../shared/channels/change.ts'
import type { CallContext, ParsedInputOf, ServiceFor } from '../../../shared/contract.ts'
import { GembaError } from '../../../shared/errors.ts'
import type { ChangeDraftView, ChangeExplanation, CommitMessageDraft, GitIdentity, TaskProposals, TestCommandView, TestRunResult, WorkingChanges } from '../../../shared/models/change.ts'
import type { ChangePayload } from '../../../shared/models/sessions.ts'
import type { RepoView, ScanResult } from '../../../shared/models/repos.ts'
import type { AiModelProfile } from '../../../shared/models/ai.ts'
import { AiClient, type AiClientOptions, type SdkFactory } from '../ai/ai-client.ts'
import { SecretRedactor, type Redactor } from '../ai/redact/secret-redactor.ts'
import { SessionBudget } from '../ai/session-budget.ts'
import { gitTrackedFiles } from '../ai/tools/git-tracked-files.ts'
import { applyStaged, applyWorking, commitFollowUp } from './apply-change.ts'
import { recoverInterruptedLanding } from './git/land-change.ts'
import { ChangeAgent, draftCommitMessageWithAi, explainWithAi, proposeWithAi, type AiRuntime, type ChangeHandlers } from './change-ai.ts'
import { changeContext } from './change-context.ts'
import { draftView, stagedFiles, type ChangeDraft } from './change-draft.ts'
import { redactedDiff } from './redact-diff.ts'
import { checkoutRef, deleteBranch, headState, isPushed } from './git/commit-on-branch.ts'
import { readGitIdentity } from './git/git-identity.ts'
import { workingDiff } from './git/working-changes.ts'
import { filesWithoutTests, findTodoHits, isTestPath, offlineProposals } from './offline-tasks.ts'
import { offlineCommitMessage, offlineExplanation } from './offline-text.ts'
import { StagedCopy } from './staged-copy.ts'
import { DEFAULT_TEST_TIMEOUT_SECONDS, runTestCommand } from './test-runner.ts'

type Ctx = CallContext<EventMap>
type In<M extends keyof typeof changeChannels> = ParsedInputOf<(typeof changeChannels)[M]>

export interface ChangeAiSettings {
  readonly apiKey: string | null
  readonly endpoint: string | null
  readonly model: string
  readonly sessionBudgetUsd: number
}

export interface ChangeServiceDeps {
  readonly repos: { info(repoId: string, ctx: Ctx): Promise<RepoView>; scan(repoId: string, ctx: Ctx): Promise<ScanResult> }
  readonly ai: () => Promise<ChangeAiSettings>
  readonly createSdk: SdkFactory
  /** Small remembered values (test command per repository, commit identity): the settings file. */
  readonly prefs: { get(key: string): unknown; set(key: string, value: unknown): void }
  /** Saves part of the session's change step (sessions.updateStep). */
  readonly recordToSession?: (sessionId: string, patch: Partial<ChangePayload>, ctx: Ctx) => Promise<unknown>
  readonly home: string
  readonly xdgConfigHome?: string
  /** The environment the team's tests run in. */
  readonly testEnv: NodeJS.ProcessEnv
  readonly now?: () => Date
  readonly newId?: () => string
  readonly redactor?: Redactor
  readonly clientOptions?: Pick<AiClientOptions, 'sleep' | 'requestTimeoutMs' | 'idleTimeoutMs' | 'maxRetries' | 'maxAutoWaitSeconds'>
  readonly watchDebounceMs?: number
  /** What the model can do (the ai domain's Models API catalogue); without it the agent neither thinks nor caches for the hour. */
  readonly modelProfile?: (model: string, signal: AbortSignal) => Promise<AiModelProfile>
}

const IDENTITY_KEY = 'change.identity'
const TEST_COMMANDS_KEY = 'change.testCommands'

export class ChangeService implements ServiceFor<typeof changeChannels, EventMap> {
  readonly #deps: ChangeServiceDeps
  readonly #drafts = new Map<string, ChangeDraft>()
  readonly #budgets = new Map<string, SessionBudget>()
  readonly #redactor: Redactor

  constructor(deps: ChangeServiceDeps) {
    this.#deps = deps
    this.#redactor = deps.redactor ?? new SecretRedactor()
  }

  async proposeTasks(input: In<'proposeTasks'>, ctx: Ctx): Promise<TaskProposals> {
    const repo = await this.#deps.repos.info(input.repoId, ctx)
    const scan = await this.#deps.repos.scan(input.repoId, ctx)
    const runtime = input.offline ? null : await this.#runtime(input.sessionId ?? `repo-${input.repoId}`, ctx.signal)
    if (runtime) {
      try {
        const handlers = this.#handlers(ctx, 'propose', input.sessionId ?? null)
        const tasks = await proposeWithAi(runtime, repo.path, changeContext(scan), gitTrackedFiles(repo.path), handlers, ctx.signal)
        return { source: 'ai', tasks, note: 'Claude read the code and proposed these.' }
      } catch (error) {
        if (ctx.signal.aborted || !(error instanceof GembaError)) throw error
        return this.#offlineTasks(repo.path, scan, `Claude could not propose tasks (${error.message}) so these come from the scan alone, no AI.`, ctx.signal)
      }
    }
    const why = input.offline ? 'Offline: computed from the scan alone, no AI.' : 'No API key: computed from the scan alone, no AI.'
    return this.#offlineTasks(repo.path, scan, why, ctx.signal)
  }

  async start(input: In<'start'>, ctx: Ctx): Promise<ChangeDraftView> {
    let repo = await this.#deps.repos.info(input.repoId, ctx)
    // A landing cut short (the app killed mid-apply) is rolled back before anything reads the files.
    if (await recoverInterruptedLanding(repo.path)) repo = await this.#deps.repos.info(input.repoId, ctx)
    const id = this.#deps.newId?.() ?? randomUUID()
    const scan = input.mode === 'agent' ? await this.#deps.repos.scan(input.repoId, ctx) : null
    const draft: ChangeDraft = {
      id,
      repoId: input.repoId,
      root: repo.path,
      sessionId: input.sessionId ?? null,
      request: input.request,
      estimateMinutes: input.estimateMinutes,
      mode: input.mode,
      handsOnKeyboard: input.handsOnKeyboard ?? false,
      staged: new StagedCopy({ root: repo.path, exclusion: (path, content) => this.#redactor.exclusion(path, content), redactor: this.#redactor }),
      contextText: scan ? changeContext(scan) : '',
      agent: null,
      plan: '',
      refused: [],
      activity: [],
      stopReason: null,
      costUsd: 0,
      applied: null,
      committedFiles: [],
      busy: false,
    }
    this.#drafts.set(id, draft)
    await this.#record(draft, { request: input.request, estimateMinutes: input.estimateMinutes, manual: input.mode === 'manual' }, ctx)
    if (input.mode === 'manual') return draftView(draft)
    const runtime = await this.#runtime(draft.sessionId ?? draft.id, ctx.signal)
    if (!runtime) throw noKey()
    draft.agent = new ChangeAgent(runtime, draft.staged, draft.contextText, draft.handsOnKeyboard, gitTrackedFiles(repo.path), (refusal) => draft.refused.push(refusal))
    return this.#turn(draft, input.request, ctx)
  }

  async revise(input: In<'revise'>, ctx: Ctx): Promise<ChangeDraftView> {
    const draft = this.#draft(input.draftId)
    if (!draft.agent || draft.applied) throw new GembaError({ code: 'conflict', message: 'Only an agent change that is not applied yet can be revised.', next: 'Start a new change.' })
    for (const path of input.rejectedPaths ?? []) draft.staged.revert(path)
    const rejected = input.rejectedPaths?.length ? `\n\nThe leader rejected these files, so their edits were undone: ${input.rejectedPaths.join(', ')}.` : ''
    return this.#turn(draft, `Please revise the change. The leader's comment: ${input.comment}${rejected}`, ctx)
  }

  async draft(input: In<'draft'>): Promise<ChangeDraftView> {
    return draftView(this.#draft(input.draftId))
  }

  async commitMessage(input: In<'commitMessage'>, ctx: Ctx): Promise<CommitMessageDraft> {
    const draft = this.#draft(input.draftId)
    const files = (await this.#reviewFiles(draft, ctx)).filter((file) => !input.acceptedPaths || input.acceptedPaths.includes(file.path))
    const runtime = await this.#runtime(draft.sessionId ?? draft.id, ctx.signal)
    if (runtime && files.length > 0) {
      try {
        return { source: 'ai', message: await draftCommitMessageWithAi(runtime, draft.contextText, draft.request, await redactedDiff(this.#redactor, files), this.#handlers(ctx, draft.id, draft.sessionId), ctx.signal) }
      } catch (error) {
        if (ctx.signal.aborted || !(error instanceof GembaError)) throw error
      }
    }
    return { source: 'offline', message: offlineCommitMessage(draft.request, files) }
  }

  async apply(input: In<'apply'>, ctx: Ctx): Promise<ChangeDraftView> {
    const draft = this.#draft(input.draftId)
    const author = await this.#identityFor(draft.root)
    await recoverInterruptedLanding(draft.root)
    const repo = await this.#deps.repos.info(draft.repoId, ctx)
    const base = { root: draft.root, request: draft.request, accepted: input.acceptedPaths, message: input.message, author, changedInWorkingTree: repo.changedFiles, now: this.#now() }
    const before = await this.#reviewFiles(draft, ctx)
    if (draft.applied) draft.applied = await commitFollowUp(base, draft.applied)
    else draft.applied = draft.mode === 'agent' ? await applyStaged(base, draft.staged) : await applyWorking(base)
    const kept = draft.committedFiles.filter((file) => !input.acceptedPaths.includes(file.path))
    draft.committedFiles = [...kept, ...before.filter((file) => input.acceptedPaths.includes(file.path))]
    // The session's diff goes into the journal and its exports: credentials in it are redacted, as for Claude.
    const diff = await redactedDiff(this.#redactor, draft.committedFiles)
    await this.#record(draft, { branch: draft.applied.branch, commit: draft.applied.commit, diff }, ctx)
    return draftView(draft)
  }

  async returnToOriginal(input: In<'returnToOriginal'>): Promise<ChangeDraftView> {
    const draft = this.#draft(input.draftId)
    const applied = this.#applied(draft)
    await checkoutRef(draft.root, applied.originalBranch)
    draft.applied = { ...applied, onGembaBranch: false }
    return draftView(draft)
  }

  async discardBranch(input: In<'discardBranch'>): Promise<ChangeDraftView> {
    const draft = this.#draft(input.draftId)
    const applied = this.#applied(draft)
    if (await isPushed(draft.root, applied.branch)) {
      throw new GembaError({ code: 'refused', message: `${applied.branch} has been pushed, so Gemba will not delete it.`, next: 'Delete it where it was pushed to, if you mean to.' })
    }
    const head = await headState(draft.root)
    if (head.branch === applied.branch) await checkoutRef(draft.root, applied.originalBranch)
    await deleteBranch(draft.root, applied.branch)
    draft.applied = null
    draft.committedFiles = []
    draft.activity.push({ kind: 'note', text: `Deleted ${applied.branch}; the repository is back on ${applied.originalBranch}.` })
    await this.#record(draft, { branch: null, commit: null }, undefined)
    return draftView(draft)
  }

  async identity(input: In<'identity'>, ctx: Ctx): Promise<GitIdentity | null> {
    const repo = await this.#deps.repos.info(input.repoId, ctx)
    return (await readGitIdentity(repo.path, this.#deps.home, this.#deps.xdgConfigHome)) ?? this.#savedIdentity()
  }

  async setIdentity(input: In<'setIdentity'>): Promise<GitIdentity> {
    const identity: GitIdentity = { name: input.name, email: input.email, source: 'gemba' }
    this.#deps.prefs.set(IDENTITY_KEY, { name: input.name, email: input.email })
    return identity
  }

  async workingChanges(input: In<'workingChanges'>, ctx: Ctx): Promise<WorkingChanges> {
    const repo = await this.#deps.repos.info(input.repoId, ctx)
    const diff = await workingDiff(repo.path, repo.headCommit, repo.changedFiles, ctx.signal)
    return { repoId: repo.id, branch: repo.branch, headCommit: repo.headCommit, files: diff.files, skipped: diff.skipped }
  }

  async watchWorkingTree(input: In<'watchWorkingTree'>, ctx: Ctx): Promise<{ stopped: boolean }> {
    const repo = await this.#deps.repos.info(input.repoId, ctx)
    const report = async () => ctx.emit('change.workingTree', { callId: ctx.callId, repoId: repo.id, changes: await this.workingChanges(input, ctx) })
    await report()
    let timer: ReturnType<typeof setTimeout> | undefined
    let running = Promise.resolve()
    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(() => (running = running.then(report).catch(() => undefined)), this.#deps.watchDebounceMs ?? 300)
    }
    let watcher: ReturnType<typeof watch> | null = null
    let poll: ReturnType<typeof setInterval> | null = null
    try {
      watcher = watch(repo.path, { recursive: true, signal: ctx.signal }, (_event, name) => {
        const file = String(name ?? '')
        if (!/^(\.git|node_modules)([\\/]|$)/.test(file) || /^\.git[\\/](HEAD|index)$/.test(file)) schedule()
      })
      watcher.on('error', () => undefined)
    } catch {
      poll = setInterval(schedule, 2_000)
    }
    await new Promise<void>((resolve) => (ctx.signal.aborted ? resolve() : ctx.signal.addEventListener('abort', () => resolve(), { once: true })))
    clearTimeout(timer)
    if (poll) clearInterval(poll)
    watcher?.close()
    return { stopped: true }
  }

  async testCommand(input: In<'testCommand'>, ctx: Ctx): Promise<TestCommandView> {
    const remembered = this.#testCommands()[input.repoId]
    if (remembered) return { command: remembered, source: 'remembered' }
    const scan = await this.#deps.repos.scan(input.repoId, ctx)
    return scan.project.testCommand ? { command: scan.project.testCommand, source: 'detected' } : { command: null, source: null }
  }

  async runTests(input: In<'runTests'>, ctx: Ctx): Promise<TestRunResult> {
    const repo = await this.#deps.repos.info(input.repoId, ctx)
    this.#deps.prefs.set(TEST_COMMANDS_KEY, { ...this.#testCommands(), [input.repoId]: input.command })
    const result = await runTestCommand({
      command: input.command,
      cwd: repo.path,
      env: this.#deps.testEnv,
      timeoutMs: (input.timeoutSeconds ?? DEFAULT_TEST_TIMEOUT_SECONDS) * 1000,
      signal: ctx.signal,
      onOutput: (stream, text) => ctx.emit('change.testOutput', { callId: ctx.callId, repoId: repo.id, stream, text }),
    })
    const run: TestRunResult = { ...result, branch: repo.branch }
    if (input.sessionId) {
      // What is kept (session, journal, exports) is redacted like what goes to Claude; the live stream
      // and the answer stay whole: they only ever reach the leader's own screen.
      const outputTail = (await this.#redactor.redact('(test output)', run.outputTail)).text
      const testRun = { command: run.command, exitCode: run.exitCode, durationMs: run.durationMs, outputTail }
      await this.#deps.recordToSession?.(input.sessionId, { testRun }, ctx)
    }
    return run
  }

  async explain(input: In<'explain'>, ctx: Ctx): Promise<ChangeExplanation> {
    const draft = this.#draft(input.draftId)
    const files = draft.applied ? draft.committedFiles : await this.#reviewFiles(draft, ctx)
    const runtime = await this.#runtime(draft.sessionId ?? draft.id, ctx.signal)
    const sessionId = input.sessionId ?? draft.sessionId
    let explanation: ChangeExplanation = { source: 'offline', markdown: offlineExplanation(draft.request, files) }
    if (runtime && files.length > 0) {
      try {
        const markdown = await explainWithAi(runtime, draft.contextText, draft.request, await redactedDiff(this.#redactor, files), this.#handlers(ctx, draft.id, sessionId), ctx.signal)
        explanation = { source: 'ai', markdown }
      } catch (error) {
        if (ctx.signal.aborted || !(error instanceof GembaError)) throw error
      }
    }
    if (sessionId) await this.#deps.recordToSession?.(sessionId, { explanation: explanation.markdown }, ctx)
    return explanation
  }

  // ---- internals ------------------------------------------------------------------------------

  async #turn(draft: ChangeDraft, message: string, ctx: Ctx): Promise<ChangeDraftView> {
    if (draft.busy) throw new GembaError({ code: 'conflict', message: 'The agent is still working on this change.', next: 'Wait for it, or stop it first.' })
    draft.busy = true
    try {
      const turn = await draft.agent!.turn(message, this.#handlers(ctx, draft.id, draft.sessionId, draft), ctx.signal)
      draft.plan = turn.text
      draft.stopReason = turn.stopReason
      draft.costUsd += turn.costUsd
      return draftView(draft)
    } finally {
      draft.busy = false
    }
  }

  #handlers(ctx: Ctx, draftId: string, sessionId: string | null, draft?: ChangeDraft): ChangeHandlers {
    return {
      onUsage: (call) => ctx.emit('change.usage', { callId: ctx.callId, draftId: draftId === 'propose' ? null : draftId, sessionId, ...call }),
      onText: (text) => ctx.emit('change.agent', { callId: ctx.callId, draftId, kind: 'text', text }),
      onActivity: (activity) => {
        draft?.activity.push(activity)
        ctx.emit('change.agent', { callId: ctx.callId, draftId, kind: activity.kind === 'refused' ? 'refused' : 'tool', text: activity.text })
      },
    }
  }

  async #reviewFiles(draft: ChangeDraft, ctx: Ctx) {
    if (draft.mode === 'agent' && !draft.applied) return stagedFiles(draft)
    return (await this.workingChanges({ repoId: draft.repoId }, ctx)).files
  }

  async #offlineTasks(root: string, scan: ScanResult, note: string, signal: AbortSignal): Promise<TaskProposals> {
    const hits = await findTodoHits(root, scan.files, (path) => this.#redactor.exclusion(path), signal)
    const untested = filesWithoutTests(scan.files, scan.keyFiles)
    const hasTests = scan.files.some((file) => isTestPath(file.path))
    return { source: 'offline', tasks: offlineProposals(hits, untested, hasTests), note }
  }

  async #runtime(budgetKey: string, signal: AbortSignal): Promise<AiRuntime | null> {
    const settings = await this.#deps.ai()
    if (!settings.apiKey) return null
    const profile = await this.#deps.modelProfile?.(settings.model, signal)
    const budget = this.#budgets.get(budgetKey) ?? new SessionBudget(settings.sessionBudgetUsd)
    this.#budgets.set(budgetKey, budget)
    const client = new AiClient({ createSdk: this.#deps.createSdk, apiKey: settings.apiKey, baseURL: settings.endpoint, ...this.#deps.clientOptions })
    return { client, model: settings.model, budget, redactor: this.#redactor, ...(profile ? { profile } : {}) }
  }

  async #record(draft: ChangeDraft, patch: Partial<ChangePayload>, ctx: Ctx | undefined): Promise<void> {
    if (draft.sessionId && ctx) await this.#deps.recordToSession?.(draft.sessionId, patch, ctx)
  }

  async #identityFor(root: string): Promise<GitIdentity> {
    const identity = (await readGitIdentity(root, this.#deps.home, this.#deps.xdgConfigHome)) ?? this.#savedIdentity()
    if (identity) return identity
    throw new GembaError({ code: 'invalid_input', message: 'Gemba needs a name and email for the commit, and git config has none.', next: 'Enter them once; Gemba remembers them.', details: { needsIdentity: true } })
  }

  #savedIdentity(): GitIdentity | null {
    const saved = this.#deps.prefs.get(IDENTITY_KEY) as { name?: unknown; email?: unknown } | undefined
    return typeof saved?.name === 'string' && typeof saved.email === 'string' ? { name: saved.name, email: saved.email, source: 'gemba' } : null
  }

  #testCommands(): Record<string, string> {
    const value = this.#deps.prefs.get(TEST_COMMANDS_KEY)
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {}
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date()
  }

  #draft(id: string): ChangeDraft {
    const draft = this.#drafts.get(id)
    if (!draft) throw new GembaError({ code: 'not_found', message: 'That change is no longer open (Gemba was restarted).', next: 'Start the change again; the branch, if applied, is still in the repository.' })
    return draft
  }

  #applied(draft: ChangeDraft) {
    if (!draft.applied) throw new GembaError({ code: 'conflict', message: 'This change has not been applied to a branch.', next: 'Apply it first.' })
    return draft.applied
  }
}

function noKey(): GembaError {
  return new GembaError({
    code: 'no_api_key',
    message: 'No Anthropic API key is set, so the agent cannot make the change.',
    next: 'Make the change yourself in your editor (“I’ll edit it myself”): Gemba shows the diff, commits it on a branch and runs the tests. Or add a key in Settings.',
    details: { offline: true },
  })
}
