// The coach's threads on a repository (explore and diagram): each starts from the same setup as the
// preview (context packed once, the leader's "what I already know" note) and reads one snapshot of the
// repository for its whole life (the context, its tools, the viewer it opens, both citation checks), its
// questions are streamed as progress with their citations checked against that snapshot, every turn is kept on disk with
// what each request carried, and an answered question of a session is handed to the session. Holds
// open threads in memory only; never returns or logs the API key.
import { randomUUID } from 'node:crypto'
import { GembaError } from '../../../../shared/errors.ts'
import type {
  AiAnswer,
  AiNextCallEstimate,
  AiPurpose,
  AiRequestRecord,
  AiThreadRecord,
  AiThreadTurn,
  AiThreadView,
} from '../../../../shared/models/ai.ts'
import { findCitations } from '../../../../shared/text/find-citations.ts'
import type { Progress } from '../../events-port.ts'
import { gitTrackedFiles, type RepoSnapshot } from '../../git/git-layer.ts'
import type { Redactor } from '../../secrets/index.ts'
import type { CoachRecordPort, SpendingPort } from '../../sessions/index.ts'
import type { AiRuntimeSettings } from '../ai-settings.ts'
import { verifyCitedLines } from '../citations/verify-cited-lines.ts'
import type { AiClient } from '../client/ai-client.ts'
import { estimateCachedCallUsd, estimateCostUsd } from '../client/pricing.ts'
import { estimateTokens } from '../context/token-estimate.ts'
import { Conversation } from '../conversation/conversation.ts'
import { createRepoTools, REPO_TOOL_DEFINITIONS } from '../tools/repo-tools.ts'
import { verifyCitations } from '../viewer/verify-citations.ts'
import type { SetUpThread } from './thread-setup.ts'
import type { ThreadStore } from './thread-store.ts'

export interface CoachThreadsDeps {
  readonly client: (settings: AiRuntimeSettings) => AiClient
  readonly setup: SetUpThread
  /** Each session's one spending record (the sessions service's port). */
  readonly spending: SpendingPort
  readonly redactor: Redactor
  /** Where threads are kept after each question; in memory only when not given. */
  readonly store?: ThreadStore | undefined
  /** Where answered questions of a session's coach are kept with the session (the sessions service). */
  readonly coachRecords?: CoachRecordPort | undefined
  readonly newId?: (() => string) | undefined
  readonly now?: (() => Date) | undefined
}

interface Thread {
  readonly view: Omit<AiThreadView, 'sessionCostUsd'>
  /** What the thread reads of the repository: its context, tools and citation checks all read this. */
  readonly snapshot: RepoSnapshot
  readonly conversation: Conversation
  readonly sessionId: string | null
  readonly createdAt: string
  readonly turns: AiThreadTurn[]
  busy: boolean
}

export class CoachThreads {
  readonly #deps: CoachThreadsDeps
  readonly #threads = new Map<string, Thread>()

  constructor(deps: CoachThreadsDeps) {
    this.#deps = deps
  }

  async start(
    input: { repoId: string; purpose: AiPurpose; scope?: string | undefined; sessionId?: string | undefined },
    signal: AbortSignal,
  ): Promise<AiThreadView> {
    const { settings, scope, setup } = await this.#deps.setup(input, signal)
    const { context } = setup
    const threadId = this.#deps.newId?.() ?? randomUUID()
    const spending = this.#deps.spending.open({ sessionId: input.sessionId ?? null, key: threadId })
    const totals = await spending.totals()
    const conversation = new Conversation({
      ...setup.parts,
      client: this.#deps.client(settings),
      model: settings.model,
      contextManifest: context.manifest,
      tools: createRepoTools({
        snapshot: context.snapshot,
        redactor: this.#deps.redactor,
        listFiles: context.listFiles ?? gitTrackedFiles(context.snapshot.root),
      }),
      redactor: this.#deps.redactor,
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
      headCommit: context.snapshot.commit,
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
      snapshot: context.snapshot,
      conversation,
      sessionId: input.sessionId ?? null,
      createdAt: this.#now().toISOString(),
      turns: [],
      busy: false,
    })
    return { ...view, sessionCostUsd: totals.spentUsd }
  }

  async ask(input: { threadId: string; question: string }, signal: AbortSignal, progress: Progress): Promise<AiAnswer> {
    const thread = this.#thread(input.threadId)
    if (thread.busy) {
      throw new GembaError({
        code: 'conflict',
        message: 'This thread is still answering the previous question.',
        next: 'Wait for it to finish, or stop it first.',
      })
    }
    thread.busy = true
    const threadId = input.threadId
    const at = this.#now().toISOString()
    const toolCalls: { id: string; name: string; input: Readonly<Record<string, unknown>>; ok: boolean; summary: string }[] = []
    let answer: AiAnswer | null = null
    let failure: unknown = null
    try {
      const { cited, ...answered } = await thread.conversation.ask(
        input.question,
        {
          onText: (text) => progress.report('ai.delta', { threadId, text }),
          onToolCall: (call) => {
            toolCalls.push({ id: call.id, name: call.name, input: { ...call.input }, ok: false, summary: 'not run' })
            progress.report('ai.toolCall', { threadId, ...call, input: { ...call.input } })
          },
          onToolResult: (result) => {
            const call = toolCalls.find((candidate) => candidate.id === result.id)
            if (call) Object.assign(call, { ok: result.ok, summary: result.summary })
            progress.report('ai.toolResult', { threadId, ...result, files: [...result.files], redactions: [...result.redactions] })
          },
          onUsage: (report) => progress.report('ai.usage', { threadId, ...report }),
          onRetry: (notice) => progress.report('ai.retry', { threadId, ...notice }),
        },
        signal,
      )
      const citations = cited.length ? await verifyCitedLines(thread.snapshot, cited, this.#deps.redactor) : []
      answer = { ...answered, citations, checkedAgainst: thread.snapshot.commit }
      return answer
    } catch (error) {
      failure = error
      throw error
    } finally {
      try {
        const turn = await this.#turnOf(at, input.question, answer, failure, toolCalls)
        await this.#keep(threadId, thread, turn)
        if (answer) await this.#recordInSession(threadId, thread, turn, answer)
      } finally {
        thread.busy = false
      }
    }
  }

  /** What each request of a thread carried: the open thread's, else the kept one's. */
  async sent(threadId: string): Promise<readonly AiRequestRecord[]> {
    const open = this.#threads.get(threadId)
    if (open) return open.conversation.records
    const kept = await this.#deps.store?.read(threadId)
    if (!kept) return this.#thread(threadId).conversation.records
    return kept.requests
  }

  /** The next question's size and cost, from the API's own figures for the thread so far where there are any. */
  estimate(input: { threadId: string; question?: string | undefined }): AiNextCallEstimate {
    const thread = this.#thread(input.threadId)
    const conversation = thread.conversation
    const question = estimateTokens(Math.max(40, input.question?.length ?? 200))
    const last = conversation.records.findLast((record) => record.usage !== null)?.usage
    if (last) {
      // The last request is read from the cache, its answer is new.
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

  /** The snapshot an open thread of `repoId` reads; undefined when no such thread is open. */
  snapshot(threadId: string, repoId: string): RepoSnapshot | undefined {
    const thread = this.#threads.get(threadId)
    return thread?.view.repoId === repoId ? thread.snapshot : undefined
  }

  close(threadId: string): boolean {
    return this.#threads.delete(threadId)
  }

  /** Forgets the open threads (each is kept on disk after every question). */
  clear(): void {
    this.#threads.clear()
  }

  /** Keeps the thread on disk. A failed write must not cost the leader the answer they paid for. */
  async #keep(threadId: string, thread: Thread, turn: AiThreadTurn): Promise<void> {
    thread.turns.push(turn)
    if (!this.#deps.store) return
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
    await this.#deps.store.save(record).catch(() => undefined)
  }

  /**
   * Hands an answered question of a session's coach to the session (the explore step keeps Claude's
   * walkthrough as it comes), with its citations as checked: one the repository did not confirm keeps
   * the mark the leader saw ("unverified", "withheld"). Never fails the answer.
   */
  async #recordInSession(threadId: string, thread: Thread, turn: AiThreadTurn, answer: AiAnswer): Promise<void> {
    const port = this.#deps.coachRecords
    if (!port || !thread.sessionId) return
    try {
      const inProse = findCitations(turn.answer).map(({ path, line }) => ({ path, line }))
      const checked = [
        ...(answer.citations ?? []),
        ...(inProse.length ? await verifyCitations(thread.snapshot, inProse.slice(0, 300), this.#deps.redactor) : []),
      ]
      const citations = checked.map((check) => ({
        path: check.path,
        ...(check.line === null ? {} : { line: check.line }),
        ...(check.endLine && check.line !== null && check.endLine > check.line ? { endLine: check.endLine } : {}),
        ...(check.status === 'verified' ? {} : { mark: check.status === 'withheld' ? ('withheld' as const) : ('unverified' as const) }),
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
      question: (await this.#deps.redactor.redact('(your question)', question)).text,
      answer: text ? (await this.#deps.redactor.redact('(answer)', text)).text : '',
      status: answer ? 'answered' : error?.code === 'cancelled' ? 'cancelled' : 'failed',
      error: answer ? null : (error?.message ?? 'The question failed.'),
      toolCalls: toolCalls.map(({ name, input, ok, summary }) => ({ name, input, ok, summary })),
    }
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date()
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
