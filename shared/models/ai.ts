// The AI coach's data as the renderer sees it: usage and cost, models, tool calls and the record of
// what was sent in each request. Plain serialisable data; never contains the API key or a secret.
import type { CoachMemory } from './settings.ts'

export interface AiUsage {
  readonly inputTokens: number
  /** Written to the prompt cache, both lifetimes together. */
  readonly cacheWriteTokens: number
  readonly cacheReadTokens: number
  readonly outputTokens: number
  /** Of cacheWriteTokens, those written to the 1-hour cache (twice the input price; the rest cost 1.25×). */
  readonly cacheWrite1hTokens?: number
}

/** A token count and where it came from: the API's token-counting endpoint, or Gemba's local estimate (offline). */
export interface TokenFigure {
  readonly tokens: number
  readonly source: 'counted' | 'estimated'
}

/** How long a prompt-cache entry lives: the API's default five minutes, or one hour (written at 2× input). */
export type CacheTtl = '5m' | '1h'

export type EffortLevel = 'low' | 'medium' | 'high' | 'xhigh' | 'max'

/** What a model can do, as the Models API reports it. */
export interface AiModelCapabilities {
  /** Accepts search_result blocks and answers with citations of them. */
  readonly citations: boolean
  /** Accepts thinking {type: 'adaptive'} (the model decides how much to think). */
  readonly adaptiveThinking: boolean
  /** The effort levels output_config.effort accepts; empty when effort is not supported. */
  readonly effortLevels: readonly EffortLevel[]
}

/** How Gemba uses a model: from the Models API when it answered, else from what Gemba knows of the family. */
export interface AiModelProfile {
  readonly model: string
  readonly displayName: string | null
  readonly contextWindow: number | null
  readonly maxOutputTokens: number | null
  readonly capabilities: AiModelCapabilities
  /** The lifetime of the cached repository prefix. */
  readonly prefixCacheTtl: CacheTtl
  /** models_api: listed by the endpoint (live or cached); built_in: a Claude family Gemba knows; assumed: unknown. */
  readonly source: 'models_api' | 'built_in' | 'assumed'
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
  const longWrites = (a.cacheWrite1hTokens ?? 0) + (b.cacheWrite1hTokens ?? 0)
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    ...(longWrites > 0 ? { cacheWrite1hTokens: longWrites } : {}),
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
  /** Maximum input tokens (the context window), when the Models API says. */
  readonly contextWindow?: number | null
  readonly maxOutputTokens?: number | null
  readonly capabilities?: AiModelCapabilities | null
}

/** A model and what Gemba makes of it: the profile and the repository context budget that follows. */
export interface AiModelChoice {
  readonly profile: AiModelProfile
  readonly contextBudget: {
    readonly tokens: number
    /** setting: the leader chose it; model: a share of the model's context window; default: no window known. */
    readonly source: 'setting' | 'model' | 'default'
  }
}

/** The coach's "what I already know" note for a repository, as it will be (or was) sent. */
export interface MemoryNoteView {
  readonly choice: CoachMemory
  /** The note as sent, redacted; null when memory is off or there is no past session. */
  readonly text: string | null
  /** Past sessions on this repository it draws on. */
  readonly sessions: number
  /** The date of the last of them. */
  readonly lastVisit: string | null
  readonly redactions: number
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
  /** The answer; where Claude cited lines Gemba sent, the prose names them as path:line after the cited words. */
  readonly text: string
  /** Claude's citations of the lines Gemba sent, each checked word for word against the repository. */
  readonly citations?: readonly CitationCheck[]
  /** The commit those citations were checked against. */
  readonly checkedAgainst?: string | null
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
  /** The files go as search results Claude cites by construction (models that support it). */
  readonly citations?: boolean
  readonly prefixCacheTtl?: CacheTtl
  readonly memory?: MemoryNoteView | null
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
  /** Tokens of the whole prefix (tool definitions included). */
  readonly tokens: number
  /** counted: by Anthropic's token-counting endpoint (when asked to); estimated: by Gemba, without sending anything. */
  readonly tokensSource: 'counted' | 'estimated'
  /** Why a count that was asked for could not be had (offline, no key, a server without the endpoint). */
  readonly countProblem?: string | null
  readonly budgetTokens: number
  /** The first call's cost estimate: the prefix written to the cache and a typical answer. */
  readonly estimatedCostUsd: number
  readonly files: readonly (SentFile & { readonly form: 'whole' | 'signatures' | 'head' })[]
  readonly redactions: readonly Redaction[]
  readonly excluded: readonly ExcludedFile[]
  readonly treeSummarised: boolean
  readonly omittedKeyFiles: number
  /** How the budget was chosen: by the leader, from the model's context window, or the default. */
  readonly budgetSource?: 'setting' | 'model' | 'default'
  readonly citations?: boolean
  readonly prefixCacheTtl?: CacheTtl
  readonly memory?: MemoryNoteView | null
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
      /** The revision shown: the commit (null before the first), and whether the file was read from the working tree. */
      readonly revision?: { readonly commit: string | null; readonly workingTree: boolean }
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
  /**
   * verified: the file (or folder) exists at the commit and the line is within it; for a citation of
   * search results, the cited lines are word for word what the file holds there. changed: they are not.
   */
  readonly status: 'verified' | 'missing' | 'line_out_of_range' | 'withheld' | 'refused' | 'changed'
  readonly kind: 'file' | 'folder' | null
  /** Lines of the file, when it exists. */
  readonly lines: number | null
  /** The last cited line, for a range. */
  readonly endLine?: number | null
  /** content: Claude cited lines Gemba sent, and their text was compared; range: a path:line in the prose, checked to exist. */
  readonly checkedBy?: 'content' | 'range'
  /** Which revision the file was read at: the commit checked against, or the working tree (the leader's uncommitted edit). */
  readonly readAt?: 'commit' | 'working tree'
}

export type EditorKind = 'vscode' | 'jetbrains'

/** What the next question in an open thread should cost, before it is sent. */
export interface AiNextCallEstimate {
  /** Input tokens the next request carries in all (prefix, conversation so far, the question). */
  readonly tokens: number
  /** counted: the conversation so far as the API counted it; estimated: by Gemba alone. */
  readonly tokensSource: 'counted' | 'estimated'
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

/** The answer to "does this key work?" (a Models API call; nothing is generated, nothing is spent). */
export interface ApiKeyTest {
  /**
   * valid: the endpoint accepted it; invalid: it refused it (or it is not an Anthropic key at all);
   * no_network: the endpoint could not be reached; unavailable: it answered with another problem;
   * no_key: there is no key to test.
   */
  readonly status: 'valid' | 'invalid' | 'no_network' | 'unavailable' | 'no_key'
  readonly message: string
  readonly next: string | null
  /** How many models the key may use, when valid. */
  readonly models: number
  /** The endpoint asked (its host). */
  readonly endpointHost: string
}
