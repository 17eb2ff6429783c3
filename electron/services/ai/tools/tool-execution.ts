// The shape every repository tool returns: the text Claude gets, whether it is an error, and what it
// carried (files and sizes, redactions) for the session's "what was sent" record. Types only.
import type { Redaction, SentFile } from '../../../../shared/models/ai.ts'
import type { Excerpt } from '../citations/excerpt-blocks.ts'
import type { RepoSnapshot } from '../../git/git-layer.ts'
import type { Redactor } from '../../secrets/index.ts'

export interface ToolExecution {
  /** Sent to Claude as the tool_result content. */
  readonly content: string
  readonly isError: boolean
  /** One line for the transcript. */
  readonly summary: string
  readonly files: readonly SentFile[]
  readonly redactions: readonly Redaction[]
  /** The same lines as `content`, by file, for models that take search results (citations by construction). */
  readonly excerpts?: readonly Excerpt[]
  /** With excerpts: what `content` says besides the lines (e.g. which lines were not shown). */
  readonly excerptNote?: string
}

/**
 * What the repository tools need: the snapshot every read goes through (its root, its commit, the
 * paths read from the working tree), the redactor, and the tracked files (repository-relative).
 */
export interface RepoToolDeps {
  readonly snapshot: RepoSnapshot
  readonly redactor: Redactor
  readonly listFiles: () => Promise<readonly string[]>
}

export function toolError(summary: string, content = summary): ToolExecution {
  return { content, isError: true, summary, files: [], redactions: [] }
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** Both lists of redactions, one per line (the first list's rule wins), in line order. */
export function mergeRedactions(first: readonly Redaction[], second: readonly Redaction[]): Redaction[] {
  const lines = new Set(first.map((redaction) => redaction.line))
  return [...first, ...second.filter((redaction) => !lines.has(redaction.line))].sort((a, b) => a.line - b.line)
}
