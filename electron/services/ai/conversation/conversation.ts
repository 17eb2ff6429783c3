// One AI thread of a session: a stable cached prefix, then questions and answers, with a bounded,
// cancellable tool-use loop. Streams text and tool calls through callbacks and keeps the record of what
// each request carried. Where citations are on, the answer's citations are mapped back to the exact
// lines Gemba sent. Never sends an unredacted question or tool result; never writes anything.
import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages'
import { GembaError } from '../../../../shared/errors.ts'
import type {
  AiAnswer,
  CacheTtl,
  EffortLevel,
  AiRequestRecord,
  AiRetryNotice,
  AiStopReason,
  AiToolCall,
  AiToolResult,
  AiUsage,
  AiUsageReport,
  ExcludedFile,
  Redaction,
  SentFile,
  TokenFigure,
} from '../../../../shared/models/ai.ts'
import { addUsage, ZERO_USAGE } from '../../../../shared/models/ai.ts'
import type { AiClient, StreamRequest } from '../client/ai-client.ts'
import { citedText, type MappedCitation } from '../citations/cited-answer.ts'
import { shortRevision, type SourceRecord } from '../citations/excerpt-blocks.ts'
import { toParam, toolResultBlock, withMovingBreakpoint } from './conversation-blocks.ts'
import type { Spending } from '../../sessions/index.ts'
import { costOf, estimateCachedCallUsd, estimateCostUsd } from '../client/pricing.ts'
import type { Redactor } from '../../secrets/index.ts'
import { buildStablePrefix, type StablePrefix } from './stable-prefix.ts'
import { estimateTokens } from '../context/token-estimate.ts'
import { requestTokens } from '../tokens/request-tokens.ts'
import type { ToolSet } from '../tools/repo-tools.ts'

export interface ContextManifest {
  readonly files: readonly SentFile[]
  readonly redactions: readonly Redaction[]
  readonly excluded: readonly ExcludedFile[]
}

export interface ConversationOptions {
  readonly client: AiClient
  readonly model: string
  readonly systemPrompt: string
  /** The packed, already-redacted repository context. */
  readonly contextText: string
  readonly contextManifest?: ContextManifest
  readonly tools?: ToolSet
  readonly redactor: Redactor
  /** The session's one spending record: room is checked before each request, its cost recorded after. */
  readonly spending: Spending
  /** Requests per question, tool rounds included (default 8). */
  readonly maxTurns?: number
  /** max_tokens of each request (default 4096). */
  readonly maxOutputTokens?: number
  /** Tokens (input, cache and output) one question may use across its tool rounds (default 400k). */
  readonly maxTokensPerQuestion?: number
  readonly now?: () => Date
  /** Send repository lines as search results with citations enabled (models that support them). */
  readonly citations?: boolean
  /** The commit the context (and the tools' reads) belong to. */
  readonly commit?: string | null
  /** "What I already know" from past sessions, redacted; part of the stable prefix. */
  readonly memoryNote?: string | null
  /** The step's instructions, after the shared (cached) part of the prefix. */
  readonly instructions?: string | null
  /** The lifetime of the cached prefix (1 hour where the model supports it). */
  readonly cacheTtl?: CacheTtl
  /** Adaptive thinking with this effort (null: the model's default effort); absent: no thinking. */
  readonly thinking?: { readonly effort: EffortLevel | null }
  /** Counts the first request with the API's token-counting endpoint, for the budget gate. */
  readonly countTokens?: boolean
}

/** An answer with its citations mapped to lines, before the caller checks them against the repository. */
export interface ConversationAnswer extends AiAnswer {
  readonly cited: readonly MappedCitation[]
}

export interface AskHandlers {
  onText?(delta: string): void
  onToolCall?(call: AiToolCall): void
  onToolResult?(result: AiToolResult): void
  onUsage?(report: AiUsageReport): void
  onRetry?(notice: AiRetryNotice): void
}

interface Added {
  readonly kind: 'question' | 'tool_results'
  readonly chars: number
  readonly files: readonly SentFile[]
  readonly redactions: readonly Redaction[]
}

const LAST_TURN_NOTE = 'That was the last tool round Gemba allows for this question: answer now with what you have, without calling tools.'

function stopReasonOf(reason: string | null): AiStopReason {
  return reason === 'end_turn' || reason === 'max_tokens' || reason === 'stop_sequence' || reason === 'refusal' ? reason : 'other'
}

export class Conversation {
  readonly #options: ConversationOptions
  readonly #prefix: StablePrefix
  readonly #history: MessageParam[] = []
  readonly #records: AiRequestRecord[] = []
  readonly #sources: SourceRecord[]
  #usage: AiUsage = ZERO_USAGE

  constructor(options: ConversationOptions) {
    this.#options = options
    this.#prefix = buildStablePrefix({
      systemPrompt: options.systemPrompt,
      contextText: options.contextText,
      tools: options.tools?.definitions ?? [],
      citations: options.citations ?? false,
      commit: options.commit ?? null,
      memoryNote: options.memoryNote ?? null,
      instructions: options.instructions ?? null,
      cacheTtl: options.cacheTtl ?? '5m',
    })
    this.#sources = [...this.#prefix.sources]
  }

  get prefix(): StablePrefix {
    return this.#prefix
  }

  get records(): readonly AiRequestRecord[] {
    return this.#records
  }

  get usage(): AiUsage {
    return this.#usage
  }

  get history(): readonly MessageParam[] {
    return this.#history
  }

  /** Asks a question in this thread. On failure the thread is left as it was before the question. */
  async ask(question: string, handlers: AskHandlers, signal: AbortSignal): Promise<ConversationAnswer> {
    // Shallow copies suffice: messages are never mutated in place, only replaced.
    const before = this.#history.map((message) => ({ ...message }))
    const sourcesBefore = this.#sources.length
    const firstRecord = this.#records.length
    const texts: string[] = []
    try {
      return await this.#run(question, handlers, signal, texts, firstRecord)
    } catch (caught) {
      this.#history.splice(0, this.#history.length, ...before)
      this.#sources.splice(sourcesBefore)
      if (!(caught instanceof GembaError) && !signal.aborted) throw caught
      const error =
        caught instanceof GembaError
          ? caught
          : new GembaError({ code: 'cancelled', message: 'Stopped.', next: 'Ask again when you are ready.' }, { cause: caught })
      const partial = [...texts, String(error.details?.partialText ?? '')].filter(Boolean).join('\n\n')
      if (!partial) throw error
      throw new GembaError({ ...error.toData(), details: { ...error.details, partialText: partial } }, { cause: error })
    }
  }

  async #run(
    question: string,
    handlers: AskHandlers,
    signal: AbortSignal,
    texts: string[],
    firstRecord: number,
  ): Promise<ConversationAnswer> {
    const { redactor, client, model } = this.#options
    const maxTurns = this.#options.maxTurns ?? 8
    const redactedQuestion = await redactor.redact('(your question)', question)
    this.#appendUser([{ type: 'text', text: redactedQuestion.text }])
    let added: Added = { kind: 'question', chars: redactedQuestion.text.length, files: [], redactions: redactedQuestion.redactions }
    const toolCalls: AiToolCall[] = []
    const cited: MappedCitation[] = []
    let askUsage = ZERO_USAGE
    let askCost = 0
    for (let turn = 1; ; turn++) {
      signal.throwIfAborted()
      const request = this.#request()
      await this.#checkBudget(added, request, signal)
      signal.throwIfAborted()
      const record = this.#startRecord(added)
      const result = await client.stream(
        request,
        { onText: (delta) => handlers.onText?.(delta), onRetry: (notice) => handlers.onRetry?.(notice) },
        signal,
      )
      const cost = costOf(result.usage, model)
      const totals = await this.#options.spending.record(result.usage, cost.usd)
      this.#usage = addUsage(this.#usage, result.usage)
      askUsage = addUsage(askUsage, result.usage)
      askCost += cost.usd
      this.#records[record] = { ...this.#records[record]!, usage: result.usage, costUsd: cost.usd }
      handlers.onUsage?.({
        model,
        usage: result.usage,
        cost,
        sessionUsage: this.#usage,
        sessionCostUsd: totals.spentUsd,
        sessionBudgetUsd: totals.limitUsd,
      })
      const written = this.#options.citations ? citedText(result.message.content, this.#sources) : { text: result.text, citations: [] }
      if (written.text) texts.push(written.text)
      cited.push(...written.citations)
      const content = result.message.content.map(toParam).filter((block): block is ContentBlockParam => block !== null)
      this.#history.push({ role: 'assistant', content })
      const calls = result.message.content.filter((block) => block.type === 'tool_use')
      const answer = (stopReason: AiStopReason): ConversationAnswer => ({
        text: texts.join('\n\n'),
        cited,
        stopReason,
        toolCalls,
        usage: askUsage,
        costUsd: askCost,
        sessionCostUsd: totals.spentUsd,
        requests: this.#records.slice(firstRecord),
      })
      if (result.message.stop_reason !== 'tool_use' || calls.length === 0) return answer(stopReasonOf(result.message.stop_reason))
      const tokensUsed = askUsage.inputTokens + askUsage.cacheWriteTokens + askUsage.cacheReadTokens + askUsage.outputTokens
      const limit = turn >= maxTurns ? 'turn_limit' : tokensUsed >= (this.#options.maxTokensPerQuestion ?? 400_000) ? 'token_limit' : null
      const executed = await this.#runTools(calls, limit, handlers, signal, toolCalls)
      if (limit) {
        this.#appendUser(executed.blocks)
        return answer(limit)
      }
      if (turn + 1 === maxTurns) executed.blocks.push({ type: 'text', text: LAST_TURN_NOTE })
      this.#appendUser(executed.blocks)
      added = { kind: 'tool_results', chars: executed.chars, files: executed.files, redactions: executed.redactions }
    }
  }

  async #runTools(
    calls: readonly { id: string; name: string; input: unknown }[],
    limit: string | null,
    handlers: AskHandlers,
    signal: AbortSignal,
    toolCalls: AiToolCall[],
  ): Promise<{ blocks: ContentBlockParam[]; chars: number; files: SentFile[]; redactions: Redaction[] }> {
    const blocks: ContentBlockParam[] = []
    const files: SentFile[] = []
    const redactions: Redaction[] = []
    let chars = 0
    for (const block of calls) {
      const call: AiToolCall = { id: block.id, name: block.name, input: (block.input ?? {}) as Record<string, unknown> }
      toolCalls.push(call)
      handlers.onToolCall?.(call)
      const execution = limit
        ? {
            content: `Not run: Gemba's ${limit === 'turn_limit' ? 'turn' : 'token'} limit for this question was reached.`,
            isError: true,
            summary: 'not run (limit reached)',
            files: [],
            redactions: [],
          }
        : this.#options.tools
          ? await this.#options.tools.execute(call.name, call.input, signal)
          : {
              content: 'No tools are available in this conversation.',
              isError: true,
              summary: 'no tools available',
              files: [],
              redactions: [],
            }
      handlers.onToolResult?.({
        id: call.id,
        name: call.name,
        ok: !execution.isError,
        summary: execution.summary,
        files: execution.files,
        redactions: execution.redactions,
      })
      const citations = this.#options.citations ? { revision: shortRevision(this.#options.commit), sources: this.#sources } : null
      blocks.push(toolResultBlock(call.id, execution, citations))
      chars += execution.content.length
      files.push(...execution.files)
      redactions.push(...execution.redactions)
    }
    return { blocks, chars, files, redactions }
  }

  /**
   * Adds user content; the thread's first message opens with the stable lead; merges into a trailing user
   * message (after a turn-limited tool round).
   */
  #appendUser(blocks: ContentBlockParam[]): void {
    const last = this.#history.at(-1)
    if (this.#history.length === 0) this.#history.push({ role: 'user', content: [...this.#prefix.lead, ...blocks] })
    else if (last?.role === 'user' && Array.isArray(last.content)) last.content = [...last.content, ...blocks]
    else this.#history.push({ role: 'user', content: blocks })
  }

  #request(): StreamRequest {
    const thinking = this.#options.thinking
    return {
      model: this.#options.model,
      maxTokens: this.#options.maxOutputTokens ?? 4096,
      system: this.#prefix.system,
      tools: this.#prefix.tools,
      messages: withMovingBreakpoint(this.#history),
      ...(thinking ? { thinking: { type: 'adaptive' as const } } : {}),
      ...(thinking?.effort ? { outputConfig: { effort: thinking.effort } } : {}),
    }
  }

  /**
   * Refuses a request that could pass the session budget. The first request of the thread (the whole
   * prefix, written to the cache) is counted by the API where it can be; later ones are the previous
   * request's exact size (read from the cache) plus Gemba's estimate of what they add.
   */
  async #checkBudget(added: Added, request: StreamRequest, signal: AbortSignal): Promise<void> {
    const { model } = this.#options
    const expectedOutput = Math.min(this.#options.maxOutputTokens ?? 4096, 1500)
    const previous = this.#records.findLast((record) => record.usage !== null)?.usage
    if (!previous) {
      const count = this.#options.countTokens ? (countSignal: AbortSignal) => this.#options.client.countTokens(request, countSignal) : null
      const figure = await requestTokens(count, this.#prefix.chars + added.chars, signal)
      return this.#ensureRoom(estimateCostUsd(model, figure.tokens, expectedOutput, this.#options.cacheTtl ?? '5m'), figure.source)
    }
    // What the previous request sent is now read from the cache; its answer and this addition are new.
    const cachedTokens = previous.inputTokens + previous.cacheReadTokens + previous.cacheWriteTokens
    const freshTokens = previous.outputTokens + estimateTokens(added.chars)
    return this.#ensureRoom(estimateCachedCallUsd(model, cachedTokens, freshTokens, expectedOutput), 'counted')
  }

  /** The budget's refusal, saying where the size it was judged on came from. */
  async #ensureRoom(estimateUsd: number, source: TokenFigure['source']): Promise<void> {
    try {
      await this.#options.spending.ensureRoom(estimateUsd)
    } catch (error) {
      if (!(error instanceof GembaError) || error.code !== 'budget_exceeded') throw error
      const how =
        source === 'counted' ? 'sized with Anthropic’s token count' : 'sized by Gemba’s own estimate (the token count could not be reached)'
      throw new GembaError(
        {
          ...error.toData(),
          message: `${error.message.replace(/\.$/, '')} (${how}).`,
          details: { ...error.details, tokensSource: source },
        },
        { cause: error },
      )
    }
  }

  #startRecord(added: Added): number {
    const manifest = this.#options.contextManifest
    this.#records.push({
      index: this.#records.length,
      at: (this.#options.now?.() ?? new Date()).toISOString(),
      model: this.#options.model,
      prefix: { sha256: this.#prefix.sha256, chars: this.#prefix.chars, files: manifest?.files ?? [] },
      added: { kind: added.kind, chars: added.chars, files: added.files },
      redactions: [...(manifest?.redactions ?? []), ...added.redactions],
      excluded: manifest?.excluded ?? [],
      usage: null,
      costUsd: null,
    })
    return this.#records.length - 1
  }
}
