// The AI coach's data as the renderer sees it: usage and cost, models, tool calls and the record of
// what was sent in each request. Plain serialisable data; never contains the API key or a secret.

export interface AiUsage {
  readonly inputTokens: number
  readonly cacheWriteTokens: number
  readonly cacheReadTokens: number
  readonly outputTokens: number
}

export interface AiCost {
  readonly usd: number
  /** False when the model is not in Gemba's price table and a default rate was assumed. */
  readonly priced: boolean
  /** The price-table row used, e.g. "Sonnet 5.5". */
  readonly priceRow: string
}

export interface AiCallUsage {
  readonly model: string
  readonly usage: AiUsage
  readonly cost: AiCost
}

/** Reported after each request: that call's usage and cost, and the session's running totals. */
export interface AiUsageReport extends AiCallUsage {
  readonly sessionUsage: AiUsage
  readonly sessionCostUsd: number
  readonly sessionBudgetUsd: number
}

export interface AiModelInfo {
  readonly id: string
  readonly displayName: string
  readonly createdAt: string | null
}

/** A secret kept out of a request: where it was and which rule caught it, never the secret itself. */
export interface Redaction {
  readonly path: string
  readonly line: number
  readonly rule: string
}

/** A file that was left out of a request entirely (a .env file, a private key…). */
export interface ExcludedFile {
  readonly path: string
  readonly rule: string
}

export interface SentFile {
  readonly path: string
  readonly bytes: number
}

export interface AiToolCall {
  readonly id: string
  readonly name: string
  readonly input: Readonly<Record<string, unknown>>
}

export interface AiToolResult {
  readonly id: string
  readonly name: string
  readonly ok: boolean
  /** One line for the transcript: "read src/app.ts lines 1-80 (2.1 kB)" or the refusal. */
  readonly summary: string
  readonly files: readonly SentFile[]
  readonly redactions: readonly Redaction[]
}

export interface AiRetryNotice {
  readonly attempt: number
  readonly waitSeconds: number
  readonly reason: 'rate_limited' | 'overloaded' | 'unavailable'
}

/** What one request carried, for the session's "what was sent" record. */
export interface AiRequestRecord {
  readonly index: number
  readonly at: string
  readonly model: string
  /** The stable prefix (system prompt + repository context): identical across a session's requests. */
  readonly prefix: { readonly sha256: string; readonly chars: number; readonly files: readonly SentFile[] }
  /** What this request added after the previous one: the question or the tool results. */
  readonly added: {
    readonly kind: 'question' | 'tool_results'
    readonly chars: number
    readonly files: readonly SentFile[]
  }
  readonly redactions: readonly Redaction[]
  readonly excluded: readonly ExcludedFile[]
  readonly usage: AiUsage | null
  readonly costUsd: number | null
}

export type AiStopReason = 'end_turn' | 'max_tokens' | 'turn_limit' | 'token_limit' | 'stop_sequence' | 'refusal' | 'other'

export interface AiAnswer {
  readonly text: string
  readonly stopReason: AiStopReason
  readonly toolCalls: readonly AiToolCall[]
  readonly usage: AiUsage
  readonly costUsd: number
  readonly sessionCostUsd: number
  readonly requests: readonly AiRequestRecord[]
}

export type AiPurpose = 'explore' | 'diagram'

/** An open thread: what its stable prefix carries (shown before anything is sent) and the budget. */
export interface AiThreadView {
  readonly threadId: string
  readonly repoId: string
  readonly purpose: AiPurpose
  readonly model: string
  readonly scope: string | null
  readonly contextChars: number
  /** About four characters a token: the size of the stable prefix. */
  readonly estimatedPrefixTokens: number
  /** Upper estimate of the first request's cost (prefix written to the cache, a typical answer). */
  readonly estimatedFirstCallUsd: number
  readonly contextFiles: readonly SentFile[]
  readonly excluded: readonly ExcludedFile[]
  readonly redactions: readonly Redaction[]
  readonly sessionBudgetUsd: number
  readonly sessionCostUsd: number
}
