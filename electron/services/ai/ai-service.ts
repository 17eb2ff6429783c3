// Serves the ai channels by handing each to the part that owns it: the models and the key test
// (models/ai-models.ts), the coach's threads (threads/coach-threads.ts), "what will be sent" and the
// per-repository scope (context/context-preview.ts), and the read-only viewer (viewer/repo-viewer.ts).
// Each method takes its input and the signal that cancels it (and, where the work reports as it goes,
// a Progress); it knows nothing of calls. Never returns or logs the API key.
import type { aiChannels } from '../../../shared/channels/ai.ts'
import type { ParsedInputOf } from '../../../shared/contract.ts'
import { GembaError } from '../../../shared/errors.ts'
import type {
  AiAnswer,
  AiContextPreview,
  AiModelChoice,
  AiModelInfo,
  AiModelProfile,
  AiNextCallEstimate,
  AiRequestRecord,
  AiThreadView,
  ApiKeyTest,
  CacheTtl,
  CitationCheck,
  RepoContextSettings,
  RepoFileView,
} from '../../../shared/models/ai.ts'
import { DisposableStore, toDisposable } from '../disposables.ts'
import type { Progress } from '../events-port.ts'
import { SecretRedactor, type Redactor } from '../secrets/index.ts'
import type { CoachRecordPort, SpendingPort, ViewerRecordPort } from '../sessions/index.ts'
import type { AiRuntimeSettings } from './ai-settings.ts'
import { AiClient, type AiClientOptions, type SdkFactory } from './client/ai-client.ts'
import { checkContextScope, normaliseContextScope } from './context/context-scope.ts'
import { ContextPreview } from './context/context-preview.ts'
import { contextSettingsStore, type ContextSettingsStore } from './context/context-settings-store.ts'
import type { RepoContextPort } from './context/repo-context.ts'
import type { PastVisitsSource } from './memory/past-visits.ts'
import { AiModels } from './models/ai-models.ts'
import type { ModelCatalogue } from './models/model-catalogue.ts'
import { CoachThreads } from './threads/coach-threads.ts'
import { threadSetup, type SetUpThread } from './threads/thread-setup.ts'
import type { ThreadStore } from './threads/thread-store.ts'
import { RepoViewer } from './viewer/repo-viewer.ts'

export type { AiRuntimeSettings } from './ai-settings.ts'

type In<M extends keyof typeof aiChannels> = ParsedInputOf<(typeof aiChannels)[M]>

export interface AiServiceDeps {
  readonly settings: () => Promise<AiRuntimeSettings>
  readonly createSdk: SdkFactory
  /** Each session's one spending record (the sessions service's port). */
  readonly spending: SpendingPort
  readonly context: RepoContextPort
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
  /** Where a file the leader opened in the viewer during a session is listed with it (paths only). */
  readonly viewerRecords?: ViewerRecordPort
  /** Overrides the cached prefix's lifetime (the hour-cost bench's 5-minute baseline). */
  readonly prefixCacheTtl?: (profile: AiModelProfile) => CacheTtl
}

export class AiService {
  readonly #deps: AiServiceDeps
  readonly #disposables = new DisposableStore()
  readonly #models: AiModels
  readonly #threads: CoachThreads
  readonly #preview: ContextPreview
  readonly #viewer: RepoViewer

  constructor(deps: AiServiceDeps) {
    this.#deps = deps
    const redactor = deps.redactor ?? new SecretRedactor()
    const contextSettings = deps.contextSettings ?? contextSettingsStore(null)
    const client = (settings: AiRuntimeSettings) =>
      new AiClient({ createSdk: deps.createSdk, apiKey: settings.apiKey, baseURL: settings.endpoint, ...deps.clientOptions })
    const checkedScope = (repoId: string, scope: string | null | undefined) => this.#checkedScope(repoId, scope)
    this.#models = new AiModels({ settings: deps.settings, createSdk: deps.createSdk, client, catalogue: deps.models })
    const setup: SetUpThread = async (request, signal) => {
      const settings = await deps.settings()
      const scope = await checkedScope(request.repoId, request.scope)
      const prepared = await threadSetup(
        {
          context: deps.context,
          profileFor: (model, profileSignal) => this.#models.profileFor(model, profileSignal),
          redactor,
          ...(deps.pastVisits ? { pastVisits: deps.pastVisits } : {}),
          ...(deps.prefixCacheTtl ? { prefixCacheTtl: deps.prefixCacheTtl } : {}),
        },
        {
          repoId: request.repoId,
          purpose: request.purpose,
          scope,
          model: settings.model,
          contextTokens: settings.contextTokens,
          memory: settings.memory ?? 'off',
        },
        signal,
      )
      return { settings, scope, setup: prepared }
    }
    this.#threads = new CoachThreads({
      client,
      setup,
      spending: deps.spending,
      redactor,
      store: deps.threads,
      coachRecords: deps.coachRecords,
      newId: deps.newId,
      now: deps.now,
    })
    this.#preview = new ContextPreview({ client, setup, contextSettings, checkedScope })
    this.#viewer = new RepoViewer({
      repoRoot: (repoId) => this.#repoRoot(repoId),
      threadSnapshot: (threadId, repoId) => this.#threads.snapshot(threadId, repoId),
      redactor,
      openExternal: deps.openExternal,
    })
    // Disposed newest first: the model list still being fetched settles, the context port frees its
    // code parser (WebAssembly memory), the open threads are forgotten (each is kept on disk).
    this.#disposables.add(toDisposable(() => this.#threads.clear()))
    if (deps.release) this.#disposables.add(toDisposable(deps.release))
    if (deps.models) this.#disposables.add(toDisposable(() => deps.models?.settle()))
  }

  models(_input: In<'models'>, signal: AbortSignal): Promise<readonly AiModelInfo[]> {
    return this.#models.list(signal)
  }

  testKey(input: In<'testKey'>, signal: AbortSignal): Promise<ApiKeyTest> {
    return this.#models.testKey(input.key, signal)
  }

  modelChoice(input: In<'modelChoice'>, signal: AbortSignal): Promise<AiModelChoice> {
    return this.#models.choice(input, signal)
  }

  /** How Gemba uses `model` (the small-change agent asks too). */
  profileFor(model: string, signal: AbortSignal): Promise<AiModelProfile> {
    return this.#models.profileFor(model, signal)
  }

  startThread(input: In<'startThread'>, signal: AbortSignal): Promise<AiThreadView> {
    return this.#threads.start(input, signal)
  }

  ask(input: In<'ask'>, signal: AbortSignal, progress: Progress): Promise<AiAnswer> {
    return this.#threads.ask(input, signal, progress)
  }

  async sent(input: In<'sent'>): Promise<readonly AiRequestRecord[]> {
    return this.#threads.sent(input.threadId)
  }

  async estimate(input: In<'estimate'>): Promise<AiNextCallEstimate> {
    return this.#threads.estimate(input)
  }

  async closeThread(input: In<'closeThread'>): Promise<{ readonly closed: boolean }> {
    return { closed: this.#threads.close(input.threadId) }
  }

  preview(input: In<'preview'>, signal: AbortSignal): Promise<AiContextPreview> {
    return this.#preview.preview(input, signal)
  }

  contextSettings(input: In<'contextSettings'>): Promise<RepoContextSettings> {
    return this.#preview.settingsOf(input.repoId)
  }

  setContextSettings(input: In<'setContextSettings'>): Promise<RepoContextSettings> {
    return this.#preview.setSettings(input)
  }

  async readFile(input: In<'readFile'>, signal: AbortSignal): Promise<RepoFileView> {
    const file = await this.#viewer.readFile(input, signal)
    // Where the leader has been: a file opened during a session is kept with it (its path, nothing more).
    if (input.sessionId && file.kind === 'file') await this.#deps.viewerRecords?.opened(input.sessionId, file.path).catch(() => undefined)
    return file
  }

  verifyCitations(input: In<'verifyCitations'>): Promise<readonly CitationCheck[]> {
    return this.#viewer.verifyCitations(input)
  }

  openInEditor(input: In<'openInEditor'>): Promise<{ readonly url: string; readonly opened: boolean }> {
    return this.#viewer.openInEditor(input)
  }

  /** Ends what the service started: see the constructor. */
  dispose(): Promise<void> {
    return this.#disposables.dispose()
  }

  /** A scope inside the repository (through links too, when its folder is known), or null. */
  async #checkedScope(repoId: string, scope: string | null | undefined): Promise<string | null> {
    const normalised = normaliseContextScope(scope)
    return normalised === null || !this.#deps.repoRoot ? normalised : checkContextScope(await this.#repoRoot(repoId), normalised)
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
}
