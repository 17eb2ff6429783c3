// Serves the ai channels: the model list, threads on a repository (context packed once, through a
// port), questions streamed as events, and the record of what was sent. Holds threads in memory only;
// the session/journal domain persists transcripts. Never returns or logs the API key.
import { randomUUID } from 'node:crypto'
import type { EventMap } from '../../../shared/api.ts'
import type { aiChannels } from '../../../shared/channels/ai.ts'
import type { CallContext, ServiceFor } from '../../../shared/contract.ts'
import { GembaError } from '../../../shared/errors.ts'
import { editorUrl } from '../../../shared/editor-url.ts'
import type {
  AiAnswer,
  AiContextPreview,
  AiModelInfo,
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
import { AiClient, type AiClientOptions, type SdkFactory } from './ai-client.ts'
import type { AiRuntimeSettings } from './ai-settings.ts'
import { contextSettingsStore, type ContextSettingsStore } from './context/context-settings-store.ts'
import type { PackedContext } from './context/pack-context.ts'
import { estimateTokens } from './context/token-estimate.ts'
import { Conversation, type ContextManifest } from './conversation.ts'
import type { SpendingPort } from '../sessions/index.ts'
import { estimateCachedCallUsd, estimateCostUsd } from './pricing.ts'
import { SecretRedactor, type Redactor } from './redact/secret-redactor.ts'
import { buildStablePrefix } from './stable-prefix.ts'
import { systemPromptFor } from './system-prompt.ts'
import type { ThreadStore } from './thread-store.ts'
import { gitTrackedFiles } from './tools/git-tracked-files.ts'
import { createRepoTools, REPO_TOOL_DEFINITIONS } from './tools/repo-tools.ts'
import { resolveInsideRepo } from './tools/resolve-inside-repo.ts'
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
}

interface Thread {
  readonly view: Omit<AiThreadView, 'sessionCostUsd'>
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
    const settings = await this.#deps.settings()
    return this.#client(settings).listModels(ctx.signal)
  }

  async startThread(input: { repoId: string; purpose: AiPurpose; scope?: string | undefined; sessionId?: string | undefined }, ctx: Ctx): Promise<AiThreadView> {
    const settings = await this.#deps.settings()
    const scope = input.scope ?? null
    const context = await this.#deps.context({ repoId: input.repoId, scope, purpose: input.purpose, contextTokens: settings.contextTokens }, ctx.signal)
    const threadId = this.#deps.newId?.() ?? randomUUID()
    const spending = this.#deps.spending.open({ sessionId: input.sessionId ?? null, key: threadId })
    const totals = await spending.totals()
    const conversation = new Conversation({
      client: this.#client(settings),
      model: settings.model,
      systemPrompt: systemPromptFor(input.purpose),
      contextText: context.text,
      contextManifest: context.manifest,
      tools: createRepoTools({ root: context.root, redactor: this.#redactor, listFiles: context.listFiles ?? gitTrackedFiles(context.root) }),
      redactor: this.#redactor,
      spending,
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
      estimatedFirstCallUsd: estimateCostUsd(settings.model, prefixTokens, 1500),
      contextFiles: context.manifest.files,
      excluded: context.manifest.excluded,
      redactions: context.manifest.redactions,
      sessionBudgetUsd: totals.limitUsd,
    }
    this.#threads.set(threadId, { view, conversation, sessionId: input.sessionId ?? null, createdAt: this.#now().toISOString(), turns: [], busy: false })
    return { ...view, sessionCostUsd: totals.spentUsd }
  }

  async ask(input: { threadId: string; question: string }, ctx: Ctx): Promise<AiAnswer> {
    const thread = this.#thread(input.threadId)
    if (thread.busy) {
      throw new GembaError({ code: 'conflict', message: 'This thread is still answering the previous question.', next: 'Wait for it to finish, or stop it first.' })
    }
    thread.busy = true
    const base = { callId: ctx.callId, threadId: input.threadId }
    const at = this.#now().toISOString()
    const toolCalls: { id: string; name: string; input: Readonly<Record<string, unknown>>; ok: boolean; summary: string }[] = []
    let answer: AiAnswer | null = null
    let failure: unknown = null
    try {
      answer = await thread.conversation.ask(
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
      return answer
    } catch (error) {
      failure = error
      throw error
    } finally {
      try {
        await this.#keep(input.threadId, thread, await this.#turnOf(at, input.question, answer, failure, toolCalls))
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

  /** The turn as kept: the question and answer redacted like everything sent (defence in depth). */
  async #turnOf(at: string, question: string, answer: AiAnswer | null, failure: unknown, toolCalls: readonly (AiThreadTurn['toolCalls'][number] & { id: string })[]): Promise<AiThreadTurn> {
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

  async preview(input: { repoId: string; purpose: AiPurpose; scope?: string | undefined }, ctx: Ctx): Promise<AiContextPreview> {
    const settings = await this.#deps.settings()
    const context = await this.#deps.context({ repoId: input.repoId, scope: input.scope ?? null, purpose: input.purpose, contextTokens: settings.contextTokens }, ctx.signal)
    const prefix = buildStablePrefix(systemPromptFor(input.purpose), context.text, REPO_TOOL_DEFINITIONS)
    const tokens = estimateTokens(prefix.chars + JSON.stringify(REPO_TOOL_DEFINITIONS).length)
    const packed = context.packed
    return {
      repoId: input.repoId,
      purpose: input.purpose,
      model: settings.model,
      scope: packed?.scope ?? input.scope ?? null,
      headCommit: context.headCommit ?? null,
      text: prefix.system.map((block) => block.text).join('\n\n'),
      tokens,
      budgetTokens: packed?.budgetTokens ?? settings.contextTokens,
      estimatedCostUsd: estimateCostUsd(settings.model, tokens, 1500),
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
    const prefix = estimateTokens(conversation.prefix.chars + JSON.stringify(REPO_TOOL_DEFINITIONS).length)
    const history = estimateTokens(JSON.stringify(conversation.history).length)
    const question = estimateTokens(Math.max(40, input.question?.length ?? 200))
    // After the first request the prefix and the conversation so far are cache reads (moving breakpoint).
    const cachedTokens = conversation.records.length > 0 ? prefix + history : 0
    const freshTokens = prefix + history + question - cachedTokens
    return { tokens: prefix + history + question, cachedTokens, estimatedCostUsd: estimateCachedCallUsd(thread.view.model, cachedTokens, freshTokens, 1500) }
  }

  async contextSettings(input: { repoId: string }): Promise<RepoContextSettings> {
    return this.#contextSettings.get(input.repoId)
  }

  async setContextSettings(input: { repoId: string } & RepoContextSettings): Promise<RepoContextSettings> {
    const { repoId, scope, include, exclude } = input
    return this.#contextSettings.set(repoId, { scope, include: [...new Set(include)], exclude: [...new Set(exclude)] })
  }

  async readFile(input: { repoId: string; path: string }, ctx: Ctx): Promise<RepoFileView> {
    return readForViewer(await this.#repoRoot(input.repoId), input.path, this.#redactor, ctx.signal)
  }

  async verifyCitations(input: { repoId: string; commit?: string | null | undefined; citations: readonly CitationInput[] }): Promise<readonly CitationCheck[]> {
    return verifyCitations(await this.#repoRoot(input.repoId), input.commit ?? null, input.citations, this.#redactor)
  }

  async openInEditor(input: { repoId: string; path: string; line?: number | null | undefined; editor: EditorKind }): Promise<{ readonly url: string; readonly opened: boolean }> {
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

  #client(settings: AiRuntimeSettings): AiClient {
    return new AiClient({ createSdk: this.#deps.createSdk, apiKey: settings.apiKey, baseURL: settings.endpoint, ...this.#deps.clientOptions })
  }

  async #repoRoot(repoId: string): Promise<string> {
    if (!this.#deps.repoRoot) throw new GembaError({ code: 'unavailable', message: 'Repository files cannot be shown here.', next: 'Open the repository in your editor instead.' })
    return this.#deps.repoRoot(repoId)
  }

  #thread(threadId: string): Thread {
    const thread = this.#threads.get(threadId)
    if (!thread) throw new GembaError({ code: 'not_found', message: 'That AI thread is no longer open.', next: 'Start the step again to open a new thread.' })
    return thread
  }
}
