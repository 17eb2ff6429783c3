// One AI thread of a session: a stable cached prefix, then questions and answers, with a bounded,
// cancellable tool-use loop. Streams text and tool calls through callbacks and keeps the record of what
// each request carried. Never sends an unredacted question or tool result; never writes anything.
import type { ContentBlock, ContentBlockParam, MessageParam, ToolResultBlockParam } from '@anthropic-ai/sdk/resources/messages'
import { GembaError } from '../../../shared/errors.ts'
import type {
  AiAnswer,
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
} from '../../../shared/models/ai.ts'
import { addUsage, ZERO_USAGE } from '../../../shared/models/ai.ts'
import type { AiClient } from './ai-client.ts'
import type { Spending } from '../sessions/index.ts'
import { costOf, estimateCostUsd } from './pricing.ts'
import type { Redactor } from './redact/secret-redactor.ts'
import { buildStablePrefix, type StablePrefix } from './stable-prefix.ts'
import type { ToolSet } from './tools/repo-tools.ts'

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

function toParam(block: ContentBlock): ContentBlockParam | null {
  if (block.type === 'text') return { type: 'text', text: block.text }
  if (block.type === 'tool_use') return { type: 'tool_use', id: block.id, name: block.name, input: block.input }
  return null
}

function stopReasonOf(reason: string | null): AiStopReason {
  return reason === 'end_turn' || reason === 'max_tokens' || reason === 'stop_sequence' || reason === 'refusal' ? reason : 'other'
}

/** The history as sent: the last user block carries a moving cache breakpoint (the conversation so far). */
function withMovingBreakpoint(history: readonly MessageParam[]): MessageParam[] {
  const messages = history.map((message) => ({ ...message }))
  const last = messages.at(-1)
  if (last && Array.isArray(last.content) && last.content.length > 0) {
    const blocks = [...last.content]
    blocks[blocks.length - 1] = { ...blocks.at(-1)!, cache_control: { type: 'ephemeral' } } as ContentBlockParam
    last.content = blocks
  }
  return messages
}

export class Conversation {
  readonly #options: ConversationOptions
  readonly #prefix: StablePrefix
  readonly #history: MessageParam[] = []
  readonly #records: AiRequestRecord[] = []
  #usage: AiUsage = ZERO_USAGE

  constructor(options: ConversationOptions) {
    this.#options = options
    this.#prefix = buildStablePrefix(options.systemPrompt, options.contextText, options.tools?.definitions ?? [])
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
  async ask(question: string, handlers: AskHandlers, signal: AbortSignal): Promise<AiAnswer> {
    // Shallow copies suffice: messages are never mutated in place, only replaced.
    const before = this.#history.map((message) => ({ ...message }))
    const firstRecord = this.#records.length
    const texts: string[] = []
    try {
      return await this.#run(question, handlers, signal, texts, firstRecord)
    } catch (caught) {
      this.#history.splice(0, this.#history.length, ...before)
      if (!(caught instanceof GembaError) && !signal.aborted) throw caught
      const error =
        caught instanceof GembaError ? caught : new GembaError({ code: 'cancelled', message: 'Stopped.', next: 'Ask again when you are ready.' }, { cause: caught })
      const partial = [...texts, String(error.details?.partialText ?? '')].filter(Boolean).join('\n\n')
      if (!partial) throw error
      throw new GembaError({ ...error.toData(), details: { ...error.details, partialText: partial } }, { cause: error })
    }
  }

  async #run(question: string, handlers: AskHandlers, signal: AbortSignal, texts: string[], firstRecord: number): Promise<AiAnswer> {
    const { redactor, client, model } = this.#options
    const maxTurns = this.#options.maxTurns ?? 8
    const redactedQuestion = await redactor.redact('(your question)', question)
    this.#appendUser([{ type: 'text', text: redactedQuestion.text }])
    let added: Added = { kind: 'question', chars: redactedQuestion.text.length, files: [], redactions: redactedQuestion.redactions }
    const toolCalls: AiToolCall[] = []
    let askUsage = ZERO_USAGE
    let askCost = 0
    for (let turn = 1; ; turn++) {
      signal.throwIfAborted()
      await this.#checkBudget(added)
      signal.throwIfAborted()
      const request = { model, maxTokens: this.#options.maxOutputTokens ?? 4096, system: this.#prefix.system, tools: this.#prefix.tools, messages: withMovingBreakpoint(this.#history) }
      const record = this.#startRecord(added)
      const result = await client.stream(request, { onText: (delta) => handlers.onText?.(delta), onRetry: (notice) => handlers.onRetry?.(notice) }, signal)
      const cost = costOf(result.usage, model)
      const totals = await this.#options.spending.record(result.usage, cost.usd)
      this.#usage = addUsage(this.#usage, result.usage)
      askUsage = addUsage(askUsage, result.usage)
      askCost += cost.usd
      this.#records[record] = { ...this.#records[record]!, usage: result.usage, costUsd: cost.usd }
      handlers.onUsage?.({ model, usage: result.usage, cost, sessionUsage: this.#usage, sessionCostUsd: totals.spentUsd, sessionBudgetUsd: totals.limitUsd })
      if (result.text) texts.push(result.text)
      const content = result.message.content.map(toParam).filter((block): block is ContentBlockParam => block !== null)
      this.#history.push({ role: 'assistant', content })
      const calls = result.message.content.filter((block) => block.type === 'tool_use')
      const answer = (stopReason: AiStopReason): AiAnswer => ({
        text: texts.join('\n\n'),
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
        ? { content: `Not run: Gemba's ${limit === 'turn_limit' ? 'turn' : 'token'} limit for this question was reached.`, isError: true, summary: 'not run (limit reached)', files: [], redactions: [] }
        : this.#options.tools
          ? await this.#options.tools.execute(call.name, call.input, signal)
          : { content: 'No tools are available in this conversation.', isError: true, summary: 'no tools available', files: [], redactions: [] }
      handlers.onToolResult?.({ id: call.id, name: call.name, ok: !execution.isError, summary: execution.summary, files: execution.files, redactions: execution.redactions })
      const result: ToolResultBlockParam = { type: 'tool_result', tool_use_id: call.id, content: execution.content, ...(execution.isError ? { is_error: true } : {}) }
      blocks.push(result)
      chars += execution.content.length
      files.push(...execution.files)
      redactions.push(...execution.redactions)
    }
    return { blocks, chars, files, redactions }
  }

  /** Adds user content; merges into a trailing user message (after a turn-limited tool round). */
  #appendUser(blocks: ContentBlockParam[]): void {
    const last = this.#history.at(-1)
    if (last?.role === 'user' && Array.isArray(last.content)) last.content = [...last.content, ...blocks]
    else this.#history.push({ role: 'user', content: blocks })
  }

  async #checkBudget(added: Added): Promise<void> {
    // Rough: the first request pays for the whole prefix, later ones mostly for what they add.
    const freshChars = this.#records.length === 0 ? this.#prefix.chars + added.chars : added.chars
    const expectedOutput = Math.min(this.#options.maxOutputTokens ?? 4096, 1500)
    await this.#options.spending.ensureRoom(estimateCostUsd(this.#options.model, Math.ceil(freshChars / 4), expectedOutput))
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
