// The one door to Claude: streams a Messages request with the real SDK, cancellable, with usage and
// errors as GembaErrors that keep the partial answer. Gets its key and endpoint as plain values; never
// reads process.env, never logs or returns the key.
import { Anthropic } from '@anthropic-ai/sdk'
import type { Message, MessageParam, OutputConfig, TextBlockParam, ThinkingConfigParam, Tool } from '@anthropic-ai/sdk/resources/messages'
import { GembaError } from '../../../../shared/errors.ts'
import type { AiModelInfo, AiRetryNotice, AiUsage } from '../../../../shared/models/ai.ts'
import { DEFAULT_ENDPOINT } from '../../../../shared/models/settings.ts'
import { blockSeparator } from './text-blocks.ts'
import { mapAiError, retryAfterSeconds } from './map-ai-error.ts'
import { toModelInfo } from '../models/model-info.ts'

export interface SdkClientOptions {
  readonly apiKey: string
  readonly baseURL: string
  readonly maxRetries: number
  readonly timeout: number
}

/** Builds the SDK client; tests pass the real one pointed at the fake server. */
export type SdkFactory = (options: SdkClientOptions) => Anthropic

export const createAnthropicSdk: SdkFactory = (options) =>
  // Every option is explicit so the SDK never falls back to ANTHROPIC_* environment variables itself.
  // logLevel 'off': the SDK would otherwise print a garbled answer (repository content) to the console.
  new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: options.maxRetries,
    timeout: options.timeout,
    logLevel: 'off',
  })

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })

export interface AiClientOptions {
  readonly createSdk: SdkFactory
  /** From Settings, else ANTHROPIC_API_KEY, resolved by the caller; null when there is none. */
  readonly apiKey: string | null
  /** From Settings, else ANTHROPIC_BASE_URL; null means Anthropic's own endpoint. */
  readonly baseURL: string | null
  readonly sleep?: Sleep
  /** Time to the response headers (the SDK's own timeout). */
  readonly requestTimeoutMs?: number
  /** Longest silence tolerated between stream events once a stream has started. */
  readonly idleTimeoutMs?: number
  /** Automatic retries before any text has arrived (429 / 529 / 5xx). */
  readonly maxRetries?: number
  /** A 429 asking to wait longer than this is surfaced to the leader instead of waited out. */
  readonly maxAutoWaitSeconds?: number
}

export interface StreamRequest {
  readonly model: string
  readonly maxTokens: number
  readonly system: readonly TextBlockParam[]
  readonly messages: readonly MessageParam[]
  readonly tools?: readonly Tool[]
  /** Adaptive thinking, for models that offer it (the change agent's planning). */
  readonly thinking?: ThinkingConfigParam
  /** The effort level, for models that offer it. */
  readonly outputConfig?: OutputConfig
}

export interface StreamHandlers {
  onText?(delta: string): void
  onRetry?(notice: AiRetryNotice): void
}

export interface StreamResult {
  readonly message: Message
  readonly text: string
  readonly usage: AiUsage
}

export function usageOf(message: Pick<Message, 'usage'>): AiUsage {
  const longWrites = message.usage.cache_creation?.ephemeral_1h_input_tokens ?? 0
  return {
    inputTokens: message.usage.input_tokens,
    cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
    outputTokens: message.usage.output_tokens,
    ...(longWrites > 0 ? { cacheWrite1hTokens: longWrites } : {}),
  }
}

function retryReason(error: unknown): AiRetryNotice['reason'] | null {
  const e = error as { status?: number; name?: string }
  if (e.status === 429) return 'rate_limited'
  if (e.status === 529) return 'overloaded'
  if (e.status !== undefined && e.status >= 500) return 'unavailable'
  return null
}

export class AiClient {
  readonly #options: AiClientOptions
  readonly #sleep: Sleep
  #sdk: Anthropic | undefined

  constructor(options: AiClientOptions) {
    this.#options = options
    this.#sleep = options.sleep ?? abortableSleep
  }

  get endpointHost(): string {
    try {
      return new URL(this.#options.baseURL ?? DEFAULT_ENDPOINT).host
    } catch {
      return this.#options.baseURL ?? DEFAULT_ENDPOINT
    }
  }

  get hasKey(): boolean {
    return Boolean(this.#options.apiKey)
  }

  #client(): Anthropic {
    const apiKey = this.#options.apiKey
    if (!apiKey) {
      throw new GembaError({
        code: 'no_api_key',
        message: 'No Anthropic API key is set.',
        next: 'Add your key in Settings (or set ANTHROPIC_API_KEY). The offline tour and diagram work without one.',
        details: { offline: true },
      })
    }
    // Retries are ours, not the SDK's (maxRetries 0): the SDK would wait out a 429's retry-after in
    // silence, while Gemba shows a countdown and lets the leader cancel; it never retries mid-stream.
    this.#sdk ??= this.#options.createSdk({
      apiKey,
      baseURL: this.#options.baseURL ?? DEFAULT_ENDPOINT,
      maxRetries: 0,
      timeout: this.#options.requestTimeoutMs ?? 60_000,
    })
    return this.#sdk
  }

  async listModels(signal: AbortSignal): Promise<AiModelInfo[]> {
    const client = this.#client()
    const models: AiModelInfo[] = []
    try {
      for await (const model of client.models.list({ limit: 100 }, { signal })) models.push(toModelInfo(model))
    } catch (error) {
      throw mapAiError(error, {
        model: '(model list)',
        endpointHost: this.endpointHost,
        partialText: '',
        ...(signal.aborted ? { stoppedBy: 'cancel' as const } : {}),
      })
    }
    return models
  }

  /** The input tokens `request` would carry, counted by the API's token-counting endpoint (free; nothing is generated). */
  async countTokens(request: Omit<StreamRequest, 'maxTokens'>, signal: AbortSignal): Promise<number> {
    const client = this.#client()
    try {
      const counted = await client.messages.countTokens(
        {
          model: request.model,
          system: [...request.system],
          messages: [...request.messages],
          ...(request.tools && request.tools.length > 0 ? { tools: [...request.tools] } : {}),
          ...(request.thinking ? { thinking: request.thinking } : {}),
        },
        { signal },
      )
      return counted.input_tokens
    } catch (error) {
      throw mapAiError(error, {
        model: request.model,
        endpointHost: this.endpointHost,
        partialText: '',
        ...(signal.aborted ? { stoppedBy: 'cancel' as const } : {}),
      })
    }
  }

  /** Streams one request; retries only failures that happen before anything was received. */
  async stream(request: StreamRequest, handlers: StreamHandlers, signal: AbortSignal): Promise<StreamResult> {
    const maxRetries = this.#options.maxRetries ?? 2
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.#attempt(request, handlers, signal)
      if (outcome.ok) return outcome.result
      const reason = retryReason(outcome.cause)
      const wait = reason === null ? null : this.#waitSeconds(outcome.cause, attempt)
      if (outcome.received || reason === null || wait === null || attempt >= maxRetries || signal.aborted) throw outcome.error
      handlers.onRetry?.({ attempt: attempt + 1, waitSeconds: wait, reason })
      try {
        await this.#sleep(wait * 1000, signal)
      } catch {
        throw mapAiError(signal.reason, { model: request.model, endpointHost: this.endpointHost, partialText: '', stoppedBy: 'cancel' })
      }
    }
  }

  #waitSeconds(cause: unknown, attempt: number): number | null {
    const asked = retryAfterSeconds((cause as { headers?: { get(name: string): string | null } }).headers)
    if (asked === null) return Math.min(8, 2 ** attempt)
    return asked <= (this.#options.maxAutoWaitSeconds ?? 20) ? Math.max(1, asked) : null
  }

  async #attempt(
    request: StreamRequest,
    handlers: StreamHandlers,
    signal: AbortSignal,
  ): Promise<{ ok: true; result: StreamResult } | { ok: false; error: GembaError; cause: unknown; received: boolean }> {
    const client = this.#client()
    const controller = new AbortController()
    let stoppedBy: 'cancel' | 'idle_timeout' | undefined
    const onAbort = () => {
      stoppedBy = 'cancel'
      controller.abort()
    }
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    let idle: ReturnType<typeof setTimeout> | undefined
    const idleMs = this.#options.idleTimeoutMs ?? 120_000
    const touch = () => {
      clearTimeout(idle)
      idle = setTimeout(() => {
        stoppedBy ??= 'idle_timeout'
        controller.abort()
      }, idleMs)
    }
    let text = ''
    let received = false
    try {
      const stream = client.messages.stream(
        {
          model: request.model,
          max_tokens: request.maxTokens,
          system: [...request.system],
          messages: [...request.messages],
          ...(request.tools && request.tools.length > 0 ? { tools: [...request.tools] } : {}),
          ...(request.thinking ? { thinking: request.thinking } : {}),
          ...(request.outputConfig ? { output_config: request.outputConfig } : {}),
        },
        { signal: controller.signal },
      )
      stream.on('connect', touch)
      let blockStart = false
      stream.on('streamEvent', (event) => {
        received = true
        touch()
        if (event.type === 'content_block_start' && event.content_block.type === 'text') blockStart = true
      })
      stream.on('text', (delta) => {
        // A new text block may start a paragraph without the blank line before it: add it once.
        const piece = blockStart ? `${blockSeparator(text, delta)}${delta}` : delta
        blockStart = false
        text += piece
        handlers.onText?.(piece)
      })
      const message = await stream.finalMessage()
      return { ok: true, result: { message, text, usage: usageOf(message) } }
    } catch (cause) {
      const context = { model: request.model, endpointHost: this.endpointHost, partialText: text, ...(stoppedBy ? { stoppedBy } : {}) }
      return { ok: false, error: mapAiError(cause, context), cause, received }
    } finally {
      clearTimeout(idle)
      signal.removeEventListener('abort', onAbort)
    }
  }
}
