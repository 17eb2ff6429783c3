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

export const ZERO_USAGE: AiUsage = { inputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, outputTokens: 0 }

/** Token counts added up: the same arithmetic in the main process and on the page. */
export function addUsage(a: AiUsage, b: AiUsage): AiUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    outputTokens: a.outputTokens + b.outputTokens,
  }
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
  /** The commit the context was packed at: citations are checked against it. */
  readonly headCommit: string | null
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

/** The leader's per-repository choices for what the coach's context covers. */
export interface RepoContextSettings {
  /** A folder relative to the root; null for the whole repository. */
  readonly scope: string | null
  /** Globs; when any are given, only matching files are packed. */
  readonly include: readonly string[]
  readonly exclude: readonly string[]
}

/** Exactly what the next thread's stable prefix will carry, before anything is sent. */
export interface AiContextPreview {
  readonly repoId: string
  readonly purpose: AiPurpose
  readonly model: string
  readonly scope: string | null
  readonly headCommit: string | null
  /** The system prompt and the packed repository context, as sent. */
  readonly text: string
  /** Estimated tokens of the whole prefix (tool definitions included). */
  readonly tokens: number
  readonly budgetTokens: number
  /** The first call's cost estimate: the prefix written to the cache and a typical answer. */
  readonly estimatedCostUsd: number
  readonly files: readonly (SentFile & { readonly form: 'whole' | 'signatures' | 'head' })[]
  readonly redactions: readonly Redaction[]
  readonly excluded: readonly ExcludedFile[]
  readonly treeSummarised: boolean
  readonly omittedKeyFiles: number
}

/** One file (or folder) of the repository for the read-only viewer; secrets redacted. */
export type RepoFileView =
  | {
      readonly kind: 'file'
      readonly path: string
      readonly absolutePath: string
      readonly text: string
      readonly lines: number
      readonly redactions: readonly Redaction[]
      /** Set when the whole file is withheld (a .env file, a key…): text is then empty. */
      readonly withheld: string | null
      readonly binary: boolean
      readonly truncated: boolean
    }
  | {
      readonly kind: 'folder'
      readonly path: string
      readonly absolutePath: string
      readonly entries: readonly { readonly name: string; readonly kind: 'file' | 'folder' }[]
    }

export interface CitationCheck {
  readonly path: string
  readonly line: number | null
  /** verified: the file (or folder) exists at the commit and the line is within it. */
  readonly status: 'verified' | 'missing' | 'line_out_of_range' | 'withheld' | 'refused'
  readonly kind: 'file' | 'folder' | null
  /** Lines of the file, when it exists. */
  readonly lines: number | null
}

export type EditorKind = 'vscode' | 'jetbrains'

/** What the next question in an open thread should cost, before it is sent. */
export interface AiNextCallEstimate {
  /** Input tokens the next request carries in all (prefix, conversation so far, the question). */
  readonly tokens: number
  /** Of those, the ones expected to be read from the prompt cache. */
  readonly cachedTokens: number
  readonly estimatedCostUsd: number
}

/** One question of a kept thread: what the leader asked and what came back, all of it redacted. */
export interface AiThreadTurn {
  readonly at: string
  /** The question as sent (redacted). */
  readonly question: string
  readonly answer: string
  readonly status: 'answered' | 'failed' | 'cancelled'
  /** The error's sentence when the question failed or was stopped. */
  readonly error: string | null
  readonly toolCalls: readonly {
    readonly name: string
    readonly input: Readonly<Record<string, unknown>>
    readonly ok: boolean
    /** The one-line result summary shown in the transcript. */
    readonly summary: string
  }[]
}

/**
 * A thread as kept on disk (<data folder>/ai-threads/<threadId>.json) after each question, so what
 * was sent stays viewable after a restart. Readable only: a kept thread cannot be continued.
 */
export interface AiThreadRecord {
  readonly version: 1
  readonly threadId: string
  readonly repoId: string
  readonly sessionId: string | null
  readonly purpose: AiPurpose
  readonly model: string
  readonly headCommit: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly turns: readonly AiThreadTurn[]
  readonly requests: readonly AiRequestRecord[]
}
