// Turns whatever the Anthropic SDK threw into a GembaError a leader can act on: a stable code, a
// sentence, the next step, and the partial answer kept in details. Never puts the key in a message.
import { GembaError, type ErrorCode } from '../../../../shared/errors.ts'

export interface AiErrorContext {
  readonly model: string
  /** Host of the endpoint in use, for messages ("api.anthropic.com"). */
  readonly endpointHost: string
  /** Text streamed before the failure; kept so the answer so far is not lost. */
  readonly partialText: string
  /** Why Gemba itself stopped the stream, when it did. */
  readonly stoppedBy?: 'cancel' | 'idle_timeout'
}

interface SdkErrorShape {
  readonly name?: string
  readonly status?: number
  readonly type?: string | null
  readonly apiMessage?: string | null
  readonly requestID?: string | null
  readonly headers?: { get(name: string): string | null }
}

/** Seconds from a retry-after header (seconds or an HTTP date), or null. */
export function retryAfterSeconds(headers: SdkErrorShape['headers'], now: () => number = Date.now): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '')
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000)
  const value = headers?.get('retry-after')
  if (!value) return null
  const seconds = Number.parseFloat(value)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now()) / 1000))
}

const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
])

/** A connection cut while a stream was being read: the SDK wraps undici's "terminated" error. */
function isConnectionLoss(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const { code, message } = cause as { code?: string; message?: string }
    if ((code && SOCKET_CODES.has(code)) || message === 'terminated') return true
  }
  return false
}

/**
 * A response that is not the protocol: a 200 that is not a stream, a data line that is not JSON, a
 * stream that ends before message_stop. The SDK throws its base AnthropicError (no status) for these.
 */
function isGarbledResponse(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  return name === 'AnthropicError' || error instanceof SyntaxError
}

function make(
  code: ErrorCode,
  message: string,
  next: string,
  context: AiErrorContext,
  extra: Record<string, unknown>,
  cause: unknown,
): GembaError {
  const details: Record<string, unknown> = { ...extra }
  if (context.partialText) details.partialText = context.partialText
  return new GembaError({ code, message, next, details }, { cause })
}

export function mapAiError(error: unknown, context: AiErrorContext): GembaError {
  if (error instanceof GembaError) return error
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape
  const kept = context.partialText ? ' The answer so far is kept.' : ''
  const requestId = e.requestID ? { requestId: e.requestID } : {}
  const status = e.status
  const type = e.type ?? null

  if (context.stoppedBy === 'idle_timeout') {
    return make(
      'timeout',
      `Claude stopped sending anything, so Gemba gave up waiting.${kept}`,
      'Try again; if it keeps happening, check the endpoint in Settings.',
      context,
      { retryable: true },
      error,
    )
  }
  if (context.stoppedBy === 'cancel' || e.name === 'APIUserAbortError' || e.name === 'AbortError') {
    return make('cancelled', `Stopped.${kept}`, 'Ask again when you are ready.', context, {}, error)
  }
  if (e.name === 'APIConnectionTimeoutError') {
    return make(
      'timeout',
      `${context.endpointHost} did not answer in time.${kept}`,
      'Try again; if it keeps happening, check your connection or the endpoint in Settings.',
      context,
      { retryable: true },
      error,
    )
  }
  if (e.name === 'APIConnectionError' || isConnectionLoss(error)) {
    return make(
      'network',
      `Gemba could not reach ${context.endpointHost}.${kept}`,
      'Check your internet connection or the endpoint in Settings. The offline tour and diagram still work.',
      context,
      { retryable: true, offline: true },
      error,
    )
  }
  if (status === 401) {
    return make(
      'auth_failed',
      'Anthropic did not accept the API key.',
      'Check the key in Settings (or ANTHROPIC_API_KEY), or create a new one in the Anthropic Console.',
      context,
      { status, ...requestId },
      error,
    )
  }
  if (status === 403) {
    return make(
      'auth_failed',
      `This API key is not allowed to use ${context.model} here.`,
      'Choose another model in Settings, or ask your Anthropic admin for access.',
      context,
      { status, ...requestId },
      error,
    )
  }
  if (status === 404) {
    return make(
      'not_found',
      `The model "${context.model}" is not available at ${context.endpointHost}.`,
      'Choose a model from the list in Settings (and check the endpoint address).',
      context,
      { status, ...requestId },
      error,
    )
  }
  if (status === 429 || type === 'rate_limit_error') {
    const wait = retryAfterSeconds(e.headers)
    const when = wait === null ? 'in a moment' : `in ${wait} second${wait === 1 ? '' : 's'}`
    return make(
      'rate_limited',
      `Your Anthropic account hit its rate limit.${kept}`,
      `Try again ${when}.`,
      context,
      { retryAfterSeconds: wait, retryable: true, ...requestId },
      error,
    )
  }
  if (status === 529 || type === 'overloaded_error') {
    const where = status === undefined ? ' while answering' : ''
    return make(
      'overloaded',
      `Anthropic's API is overloaded right now${where}.${kept}`,
      'Retry in a few seconds; this is temporary and not about your account.',
      context,
      { retryable: true, midStream: status === undefined, ...requestId },
      error,
    )
  }
  if (status === 413 || (status === 400 && /too long|too large/i.test(e.apiMessage ?? ''))) {
    return make(
      'invalid_input',
      'The request was too large for the model.',
      'Lower the context budget in Settings or scope the session to one folder.',
      context,
      { status, ...requestId },
      error,
    )
  }
  if (status === 400) {
    return make(
      'invalid_input',
      `Anthropic refused the request: ${e.apiMessage ?? 'invalid request'}.`,
      'Check the model in Settings; if it persists, report it with the request id.',
      context,
      { status, ...requestId },
      error,
    )
  }
  if ((status !== undefined && status >= 500) || type === 'api_error') {
    return make(
      'unavailable',
      `Anthropic had an internal error.${kept}`,
      'Retry in a few seconds.',
      context,
      { status: status ?? null, retryable: true, ...requestId },
      error,
    )
  }
  if (status === undefined && isGarbledResponse(error)) {
    return make(
      'unavailable',
      `The answer from ${context.endpointHost} could not be read: it was garbled or cut short.${kept}`,
      'Try again; if it keeps happening, check the endpoint in Settings (a proxy or gateway may be answering instead of Anthropic).',
      context,
      { retryable: true, garbled: true, ...requestId },
      error,
    )
  }
  return make(
    'internal',
    `The request to Claude failed unexpectedly.${kept}`,
    'Try again; if it persists, the log has the details.',
    context,
    { status: status ?? null, ...requestId },
    error,
  )
}
