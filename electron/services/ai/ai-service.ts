// Serves the ai channels: the model list and what each model can do, threads on a repository (context
// packed once, through a port; the leader's "what I already know" note), questions streamed as events
// with their citations checked against the repository, and the record of what was sent. Holds threads
// in memory only; the session/journal domain persists transcripts. Never returns or logs the API key.
import { randomUUID } from 'node:crypto'
import type { EventMap } from '../../../shared/api.ts'
import type { aiChannels } from '../../../shared/channels/ai.ts'
import type { CallContext, ServiceFor } from '../../../shared/contract.ts'
import { GembaError } from '../../../shared/errors.ts'
import { editorUrl } from '../../../shared/editor-url.ts'
import type {
  ApiKeyTest,
  AiAnswer,
  AiContextPreview,
  AiModelChoice,
  AiModelInfo,
  AiModelProfile,
  CacheTtl,
  AiNextCallEstimate,
  AiPurpose,
  AiRequestRecord,
  AiThreadRecord,
  AiThreadTurn,
  AiThreadView,
  CitationCheck,
  EditorKind,
  RepoContextSettings,
  RepoFileView,
} from '../../../shared/models/ai.ts'
import { AiClient, type AiClientOptions, type SdkFactory } from './client/ai-client.ts'
import type { AiRuntimeSettings } from './ai-settings.ts'
import { verifyCitedLines } from './citations/verify-cited-lines.ts'
import { prefixTokens, threadSetup, type ThreadSetupRequest } from './threads/thread-setup.ts'
import { checkContextScope, normaliseContextScope } from './context/context-scope.ts'
import { contextSettingsStore, type ContextSettingsStore } from './context/context-settings-store.ts'
import type { PackedContext } from './context/pack-context.ts'
import { estimateTokens } from './context/token-estimate.ts'
import { Conversation, type ContextManifest } from './conversation/conversation.ts'
import type { PastVisitsSource } from './memory/past-visits.ts'
import type { ModelCatalogue } from './models/model-catalogue.ts'
import { testApiKey } from './models/test-api-key.ts'
import { contextBudgetFor, modelProfile } from './models/model-profile.ts'
import type { CoachRecordPort, SpendingPort } from '../sessions/index.ts'
import { findCitations } from '../../../shared/text/find-citations.ts'
import { estimateCachedCallUsd, estimateCostUsd } from './client/pricing.ts'
import { type Redactor, SecretRedactor } from '../secrets/index.ts'
import { prefixText } from './conversation/stable-prefix.ts'
import type { ThreadStore } from './threads/thread-store.ts'
import { gitTrackedFiles } from '../git/index.ts'
import { createRepoTools, REPO_TOOL_DEFINITIONS } from './tools/repo-tools.ts'
import { resolveInsideRepo } from '../fs/resolve-inside-repo.ts'
import { readForViewer } from './viewer/read-for-viewer.ts'
import { verifyCitations, type CitationInput } from './viewer/verify-citations.ts'

export type { AiRuntimeSettings } from './ai-settings.ts'

/** A repository's packed context: already redacted, with the manifest of what it carries. */
export interface RepoContext {
  readonly root: string
  readonly text: string
  readonly manifest: ContextManifest
  /** Tracked files for the tools; defaults to the git index of `root`. */
  readonly listFiles?: () => Promise<readonly string[]>
  /** The commit the context was packed at (citations are checked against it). */
  readonly headCommit?: string | null
  /** The pack's own account (scope applied, forms, what did not fit), when the port packs with packContext. */
  readonly packed?: PackedContext
}

export interface RepoContextRequest {
  readonly repoId: string
  readonly scope: string | null
  readonly purpose: AiPurpose
  readonly contextTokens: number
}

export interface AiServiceDeps {
  readonly settings: () => Promise<AiRuntimeSettings>
  readonly createSdk: SdkFactory
  /** Each session's one spending record (the sessions service's port). */
  readonly spending: SpendingPort
  readonly context: (request: RepoContextRequest, signal: AbortSignal) => Promise<RepoContext>
  /** The folder of a repository the leader added (for the file viewer and citation checks). */
  readonly repoRoot?: (repoId: string) => Promise<string>
  /** Per-repository scope and globs; in memory when not given. */
  readonly contextSettings?: ContextSettingsStore
  /** Opens a URL with the operating system (desktop only); browser mode links instead. */
  readonly openExternal?: (url: string) => Promise<void>
  readonly redactor?: Redactor
  /** Frees what the context port holds (its code parser) when the service is disposed. */
  readonly release?: () => Promise<void>
  /** Where threads are kept after each question; in memory only when not given. */
  readonly threads?: ThreadStore
  readonly newId?: () => string
  readonly now?: () => Date
  readonly clientOptions?: Pick<AiClientOptions, 'sleep' | 'requestTimeoutMs' | 'idleTimeoutMs' | 'maxRetries' | 'maxAutoWaitSeconds'>
  /** The endpoint's models and what each can do (cached); without it, what Gemba knows of the families. */
  readonly models?: ModelCatalogue
  /** The leader's past sessions on a repository, for the "what I already know" note. */
  readonly pastVisits?: PastVisitsSource
  /** Where answered questions of a session's coach are kept with the session (the sessions service). */
  readonly coachRecords?: CoachRecordPort
  /** Overrides the cached prefix's lifetime (the hour-cost bench's 5-minute baseline). */
  readonly prefixCacheTtl?: (profile: AiModelProfile) => CacheTtl
}

interface Thread {
  readonly view: Omit<AiThreadView, 'sessionCostUsd'>
  /** The repository's folder, where citations are checked. */
  readonly root: string
  readonly conversation: Conversation
  readonly sessionId: string | null
  readonly createdAt: string
  readonly turns: AiThreadTurn[]
  busy: boolean
}

type Ctx = CallContext<EventMap>

export class AiService implements ServiceFor<typeof aiChannels, EventMap> {
  readonly #deps: AiServiceDeps
  readonly #threads = new Map<string, Thread>()
  readonly #redactor: Redactor
  readonly #contextSettings: ContextSettingsStore

  constructor(deps: AiServiceDeps) {
    this.#deps = deps
    this.#redactor = deps.redactor ?? new SecretRedactor()
    this.#contextSettings = deps.contextSettings ?? contextSettingsStore(null)
  }

  async models(_input: Record<string, never>, ctx: Ctx): Promise<readonly AiModelInfo[]> {
    // Settings asks for the list as it is now: a key that cannot list models says so.
    if (this.#deps.models) return this.#deps.models.list(ctx.signal, { refresh: true, fallback: false })
    const settings = await this.#deps.settings()
    return this.#client(settings).listModels(ctx.signal)
  }

  /** Tests a key (the typed one, else the saved one) with a Models API call; the key never comes back. */
  async testKey(input: { key?: string | undefined }, ctx: Ctx): Promise<ApiKeyTest> {
    const settings = await this.#deps.settings()
    return testApiKey({
      key: input.key ?? settings.apiKey,
      endpoint: settings.endpoint,
      createSdk: this.#deps.createSdk,
      signal: ctx.signal,
    })
  }

  async modelChoice(input: { model?: string | undefined; contextTokens?: number | null | undefined }, ctx: Ctx): Promise<AiModelChoice> {
    const settings = await this.#deps.settings()
    const profile = await this.profileFor(input.model ?? settings.model, ctx.signal)
    return {
      profile,
      contextBudget: contextBudgetFor(profile, input.contextTokens === undefined ? settings.contextTokens : input.contextTokens),
    }
  }

  /** How Gemba uses `model` (the small-change agent asks too). */
  async profileFor(model: string, signal: AbortSignal): Promise<AiModelProfile> {
    return this.#deps.models ? this.#deps.models.profileFor(model, signal) : modelProfile(model, undefined)
  }

  async startThread(
    input: { repoId: string; purpose: AiPurpose; scope?: string | undefined; sessionId?: string | undefined },
    ctx: Ctx,
  ): Promise<AiThreadView> {
    const settings = await this.#deps.settings()
    const scope = await this.#checkedScope(input.repoId, input.scope)
    const setup = await this.#setup(settings, { repoId: input.repoId, purpose: input.purpose, scope }, ctx.signal)
    const { context } = setup
    const threadId = this.#deps.newId?.() ?? randomUUID()
    const spending = this.#deps.spending.open({ sessionId: input.sessionId ?? null, key: threadId })
    const totals = await spending.totals()
    const conversation = new Conversation({
      ...setup.parts,
      client: this.#client(settings),
      model: settings.model,
      contextManifest: context.manifest,
      tools: createRepoTools({
        root: context.root,
        redactor: this.#redactor,
        listFiles: context.listFiles ?? gitTrackedFiles(context.root),
      }),
      redactor: this.#redactor,
      spending,
      countTokens: true,
      ...(setup.profile.maxOutputTokens ? { maxOutputTokens: Math.min(4096, setup.profile.maxOutputTokens) } : {}),
      ...(this.#deps.now ? { now: this.#deps.now } : {}),
    })
    const prefixTokens = estimateTokens(conversation.prefix.chars + JSON.stringify(REPO_TOOL_DEFINITIONS).length)
    const view = {
      threadId,
      repoId: input.repoId,
      purpose: input.purpose,
      model: settings.model,
      scope: context.packed ? context.packed.scope : scope,
      headCommit: context.headCommit ?? null,
      contextChars: context.text.length,
      estimatedPrefixTokens: prefixTokens,
      estimatedFirstCallUsd: estimateCostUsd(settings.model, prefixTokens, 1500, setup.parts.cacheTtl),
      contextFiles: context.manifest.files,
      excluded: context.manifest.excluded,
      redactions: context.manifest.redactions,
      sessionBudgetUsd: totals.limitUsd,
      citations: setup.parts.citations ?? false,
      prefixCacheTtl: setup.parts.cacheTtl ?? '5m',
      memory: setup.memory,
    }
    this.#threads.set(threadId, {
      view,
      root: context.root,
      conversation,
      sessionId: input.sessionId ?? null,
      createdAt: this.#now().toISOString(),
      turns: [],
      busy: false,
    })
    return { ...view, sessionCostUsd: totals.spentUsd }
  }

  async ask(input: { threadId: string; question: string }, ctx: Ctx): Promise<AiAnswer> {
    const thread = this.#thread(input.threadId)
    if (thread.busy) {
      throw new GembaError({
        code: 'conflict',
        message: 'This thread is still answering the previous question.',
        next: 'Wait for it to finish, or stop it first.',
      })
    }
    thread.busy = true
    const base = { callId: ctx.callId, threadId: input.threadId }
    const at = this.#now().toISOString()
    const toolCalls: { id: string; name: string; input: Readonly<Record<string, unknown>>; ok: boolean; summary: string }[] = []
    let answer: AiAnswer | null = null
    let failure: unknown = null
    try {
      const { cited, ...answered } = await thread.conversation.ask(
        input.question,
        {
          onText: (text) => ctx.emit('ai.delta', { ...base, text }),
          onToolCall: (call) => {
            toolCalls.push({ id: call.id, name: call.name, input: { ...call.input }, ok: false, summary: 'not run' })
            ctx.emit('ai.toolCall', { ...base, ...call, input: { ...call.input } })
          },
          onToolResult: (result) => {
            const call = toolCalls.find((candidate) => candidate.id === result.id)
            if (call) Object.assign(call, { ok: result.ok, summary: result.summary })
            ctx.emit('ai.toolResult', { ...base, ...result, files: [...result.files], redactions: [...result.redactions] })
          },
          onUsage: (report) => ctx.emit('ai.usage', { ...base, ...report }),
          onRetry: (notice) => ctx.emit('ai.retry', { ...base, ...notice }),
        },
        ctx.signal,
      )
      const commit = thread.view.headCommit
      const citations = cited.length ? await verifyCitedLines(thread.root, commit, cited, this.#redactor) : []
      answer = { ...answered, citations, checkedAgainst: commit }
      return answer
    } catch (error) {
      failure = error
      throw error
    } finally {
      try {
        const turn = await this.#turnOf(at, input.question, answer, failure, toolCalls)
        await this.#keep(input.threadId, thread, turn)
        if (answer) await this.#recordInSession(input.threadId, thread, turn, answer)
      } finally {
        thread.busy = false
      }
    }
  }

  /** Keeps the thread on disk. A failed write must not cost the leader the answer they paid for. */
  async #keep(threadId: string, thread: Thread, turn: AiThreadTurn): Promise<void> {
    thread.turns.push(turn)
    if (!this.#deps.threads) return
    const record: AiThreadRecord = {
      version: 1,
      threadId,
      repoId: thread.view.repoId,
      sessionId: thread.sessionId,
      purpose: thread.view.purpose,
      model: thread.view.model,
      headCommit: thread.view.headCommit,
      createdAt: thread.createdAt,
      updatedAt: this.#now().toISOString(),
      turns: thread.turns,
      requests: thread.conversation.records,
    }
    await this.#deps.threads.save(record).catch(() => undefined)
  }

  /**
   * Hands an answered question of a session's coach to the session (the explore step keeps Claude's
   * walkthrough as it comes), with the citations the repository confirmed. Never fails the answer.
   */
  async #recordInSession(threadId: string, thread: Thread, turn: AiThreadTurn, answer: AiAnswer): Promise<void> {
    const port = this.#deps.coachRecords
    if (!port || !thread.sessionId) return
    try {
      const inProse = findCitations(turn.answer).map(({ path, line }) => ({ path, line }))
      const checked = [
        ...(answer.citations ?? []),
        ...(inProse.length ? await verifyCitations(thread.root, thread.view.headCommit, inProse.slice(0, 300), this.#redactor) : []),
      ]
      const citations = checked
        .filter((check) => check.status === 'verified')
        .map((check) => ({
          path: check.path,
          ...(check.line === null ? {} : { line: check.line }),
          ...(check.endLine && check.line !== null && check.endLine > check.line ? { endLine: check.endLine } : {}),
        }))
      await port.keep({
        sessionId: thread.sessionId,
        purpose: thread.view.purpose,
        threadId,
        question: turn.question,
        answer: turn.answer,
        citations,
      })
    } catch {
      // The answer is kept with its conversation; the session's copy follows the next answer.
    }
  }

  /** The turn as kept: the question and answer redacted like everything sent (defence in depth). */
  async #turnOf(
    at: string,
    question: string,
    answer: AiAnswer | null,
    failure: unknown,
    toolCalls: readonly (AiThreadTurn['toolCalls'][number] & { id: string })[],
  ): Promise<AiThreadTurn> {
    const error = failure instanceof GembaError ? failure : null
    const text = answer?.text ?? String(error?.details?.partialText ?? '')
    return {
      at,
      question: (await this.#redactor.redact('(your question)', question)).text,
      answer: text ? (await this.#redactor.redact('(answer)', text)).text : '',
      status: answer ? 'answered' : error?.code === 'cancelled' ? 'cancelled' : 'failed',
      error: answer ? null : (error?.message ?? 'The question failed.'),
      toolCalls: toolCalls.map(({ name, input, ok, summary }) => ({ name, input, ok, summary })),
    }
  }

  async sent(input: { threadId: string }): Promise<readonly AiRequestRecord[]> {
    const open = this.#threads.get(input.threadId)
    if (open) return open.conversation.records
    const kept = await this.#deps.threads?.read(input.threadId)
    if (!kept) return this.#thread(input.threadId).conversation.records
    return kept.requests
  }

  async preview(
    input: { repoId: string; purpose: AiPurpose; scope?: string | undefined; count?: boolean | undefined },
    ctx: Ctx,
  ): Promise<AiContextPreview> {
    const settings = await this.#deps.settings()
    const scope = await this.#checkedScope(input.repoId, input.scope)
    const setup = await this.#setup(settings, { repoId: input.repoId, purpose: input.purpose, scope }, ctx.signal)
    const { context, prefix } = setup
    // Counting sends the text to Anthropic's token counter: only when the leader asks for it.
    const counted = await prefixTokens(input.count && settings.apiKey ? this.#client(settings) : null, settings.model, prefix, ctx.signal)
    const countProblem =
      !input.count || counted.source === 'counted'
        ? null
        : settings.apiKey
          ? 'Anthropic’s token counter could not be reached.'
          : 'No API key is set.'
    const tokens = counted.tokens
    const packed = context.packed
    return {
      repoId: input.repoId,
      purpose: input.purpose,
      model: settings.model,
      scope: packed?.scope ?? scope,
      headCommit: context.headCommit ?? null,
      text: prefixText(prefix),
      tokens,
      tokensSource: counted.source,
      countProblem,
      budgetTokens: packed?.budgetTokens ?? setup.budget.tokens,
      budgetSource: setup.budget.source,
      estimatedCostUsd: estimateCostUsd(settings.model, tokens, 1500, setup.parts.cacheTtl),
      citations: setup.parts.citations ?? false,
      prefixCacheTtl: setup.parts.cacheTtl ?? '5m',
      memory: setup.memory,
      files: packed?.files ?? context.manifest.files.map((file) => ({ ...file, form: 'whole' as const })),
      redactions: context.manifest.redactions,
      excluded: context.manifest.excluded,
      treeSummarised: packed?.treeSummarised ?? false,
      omittedKeyFiles: packed?.omittedKeyFiles ?? 0,
    }
  }

  async estimate(input: { threadId: string; question?: string | undefined }): Promise<AiNextCallEstimate> {
    const thread = this.#thread(input.threadId)
    const conversation = thread.conversation
    const question = estimateTokens(Math.max(40, input.question?.length ?? 200))
    const last = conversation.records.findLast((record) => record.usage !== null)?.usage
    if (last) {
      // The API's own figures for the conversation so far: the last request is read from the cache, its answer is new.
      const cachedTokens = last.inputTokens + last.cacheReadTokens + last.cacheWriteTokens
      const freshTokens = last.outputTokens + question
      return {
        tokens: cachedTokens + freshTokens,
        tokensSource: 'counted',
        cachedTokens,
        estimatedCostUsd: estimateCachedCallUsd(thread.view.model, cachedTokens, freshTokens, 1500),
      }
    }
    const prefix = estimateTokens(conversation.prefix.chars + JSON.stringify(conversation.prefix.tools).length)
    const tokens = prefix + question
    return {
      tokens,
      tokensSource: 'estimated',
      cachedTokens: 0,
      estimatedCostUsd: estimateCostUsd(thread.view.model, tokens, 1500, thread.view.prefixCacheTtl ?? '5m'),
    }
  }

  async contextSettings(input: { repoId: string }): Promise<RepoContextSettings> {
    return this.#contextSettings.get(input.repoId)
  }

  async setContextSettings(input: { repoId: string } & RepoContextSettings): Promise<RepoContextSettings> {
    const { repoId, include, exclude } = input
    const scope = await this.#checkedScope(repoId, input.scope)
    return this.#contextSettings.set(repoId, { scope, include: [...new Set(include)], exclude: [...new Set(exclude)] })
  }

  /** A scope inside the repository (through links too, when its folder is known), or null. */
  async #checkedScope(repoId: string, scope: string | null | undefined): Promise<string | null> {
    const normalised = normaliseContextScope(scope)
    return normalised === null || !this.#deps.repoRoot ? normalised : checkContextScope(await this.#repoRoot(repoId), normalised)
  }

  async readFile(input: { repoId: string; path: string }, ctx: Ctx): Promise<RepoFileView> {
    return readForViewer(await this.#repoRoot(input.repoId), input.path, this.#redactor, ctx.signal)
  }

  async verifyCitations(input: {
    repoId: string
    commit?: string | null | undefined
    citations: readonly CitationInput[]
  }): Promise<readonly CitationCheck[]> {
    return verifyCitations(await this.#repoRoot(input.repoId), input.commit ?? null, input.citations, this.#redactor)
  }

  async openInEditor(input: {
    repoId: string
    path: string
    line?: number | null | undefined
    editor: EditorKind
  }): Promise<{ readonly url: string; readonly opened: boolean }> {
    const file = await resolveInsideRepo(await this.#repoRoot(input.repoId), input.path)
    const url = editorUrl(input.editor, file.absolute, input.line ?? null)
    if (!this.#deps.openExternal) return { url, opened: false }
    await this.#deps.openExternal(url)
    return { url, opened: true }
  }

  async closeThread(input: { threadId: string }): Promise<{ readonly closed: boolean }> {
    return { closed: this.#threads.delete(input.threadId) }
  }

  /** Forgets the open threads (each is kept on disk after every question) and frees the context port. */
  async dispose(): Promise<void> {
    this.#threads.clear()
    await this.#deps.release?.()
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date()
  }

  #setup(settings: AiRuntimeSettings, request: Pick<ThreadSetupRequest, 'repoId' | 'purpose' | 'scope'>, signal: AbortSignal) {
    const deps = {
      context: this.#deps.context,
      profileFor: (model: string, profileSignal: AbortSignal) => this.profileFor(model, profileSignal),
      redactor: this.#redactor,
      ...(this.#deps.pastVisits ? { pastVisits: this.#deps.pastVisits } : {}),
      ...(this.#deps.prefixCacheTtl ? { prefixCacheTtl: this.#deps.prefixCacheTtl } : {}),
    }
    return threadSetup(
      deps,
      { ...request, model: settings.model, contextTokens: settings.contextTokens, memory: settings.memory ?? 'off' },
      signal,
    )
  }

  #client(settings: AiRuntimeSettings): AiClient {
    return new AiClient({
      createSdk: this.#deps.createSdk,
      apiKey: settings.apiKey,
      baseURL: settings.endpoint,
      ...this.#deps.clientOptions,
    })
  }

  async #repoRoot(repoId: string): Promise<string> {
    if (!this.#deps.repoRoot)
      throw new GembaError({
        code: 'unavailable',
        message: 'Repository files cannot be shown here.',
        next: 'Open the repository in your editor instead.',
      })
    return this.#deps.repoRoot(repoId)
  }

  #thread(threadId: string): Thread {
    const thread = this.#threads.get(threadId)
    if (!thread)
      throw new GembaError({
        code: 'not_found',
        message: 'That AI thread is no longer open.',
        next: 'Start the step again to open a new thread.',
      })
    return thread
  }
}
