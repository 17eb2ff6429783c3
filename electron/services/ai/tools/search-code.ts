// The search_code tool: a literal or regular-expression search over the repository's tracked text
// files, capped, searching the redacted text so a search can never surface a secret. Read-only.
import { readFile, stat } from 'node:fs/promises'
import { GembaError } from '../../../../shared/errors.ts'
import type { Redaction, SentFile } from '../../../../shared/models/ai.ts'
import type { Excerpt, ExcerptLine } from '../citations/excerpt-blocks.ts'
import { resolveInsideRepo } from './resolve-inside-repo.ts'
import { byteLength, looksBinary, toolError, type RepoToolDeps, type ToolExecution } from './tool-execution.ts'

export const MAX_SEARCH_RESULTS = 100
export const DEFAULT_SEARCH_RESULTS = 40
export const MAX_SEARCH_FILE_BYTES = 1024 * 1024
export const MAX_PATTERN_LENGTH = 300
const MAX_LINE_SHOWN = 240

export interface SearchCodeInput {
  readonly query: string
  readonly is_regex?: boolean | undefined
  readonly case_sensitive?: boolean | undefined
  readonly path?: string | undefined
  readonly max_results?: number | undefined
}

function compile(input: SearchCodeInput): RegExp | string {
  if (input.query.length === 0) return 'The query is empty.'
  if (input.query.length > MAX_PATTERN_LENGTH) return `The query is longer than ${MAX_PATTERN_LENGTH} characters.`
  const source = input.is_regex ? input.query : input.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  try {
    // 'm' so ^ and $ mean line starts and ends in the whole-file pre-check as in the per-line match.
    return new RegExp(source, input.case_sensitive ? 'm' : 'mi')
  } catch (error) {
    return `The regular expression is not valid: ${(error as Error).message}`
  }
}

async function candidateText(deps: RepoToolDeps, path: string): Promise<string | null> {
  if (deps.redactor.exclusion(path)) return null
  // The full guard per file: a tracked path may have become a symlink to somewhere else.
  const resolved = await resolveInsideRepo(deps.root, path).catch(() => null)
  if (resolved === null) return null
  const absolute = resolved.absolute
  const info = await stat(absolute).catch(() => null)
  if (!info?.isFile() || info.size > MAX_SEARCH_FILE_BYTES) return null
  const bytes = await readFile(absolute)
  if (looksBinary(bytes)) return null
  const text = new TextDecoder().decode(bytes)
  return deps.redactor.exclusion(path, text) ? null : text
}

export async function searchCode(deps: RepoToolDeps, input: SearchCodeInput, signal: AbortSignal): Promise<ToolExecution> {
  const pattern = compile(input)
  if (typeof pattern === 'string') return toolError(pattern)
  let scope: string
  try {
    scope = (await resolveInsideRepo(deps.root, input.path ?? '')).relative
  } catch (error) {
    if (error instanceof GembaError) return toolError(error.message)
    throw error
  }
  const limit = Math.min(MAX_SEARCH_RESULTS, Math.max(1, Math.floor(input.max_results ?? DEFAULT_SEARCH_RESULTS)))
  const prefix = scope === '' ? '' : `${scope}/`
  const hits: string[] = []
  const excerpts: Excerpt[] = []
  const files: SentFile[] = []
  const redactions: Redaction[] = []
  let truncated = false
  for (const path of await deps.listFiles()) {
    if (!path.startsWith(prefix)) continue
    signal.throwIfAborted()
    const raw = await candidateText(deps, path)
    if (raw === null || !pattern.test(raw)) continue
    // Only files that match at all pay for redaction; the match is then made on the redacted text.
    const redacted = await deps.redactor.redact(path, raw)
    let sentBytes = 0
    const matched: ExcerptLine[] = []
    for (const [index, line] of redacted.text.split('\n').entries()) {
      if (!pattern.test(line)) continue
      if (hits.length >= limit) {
        truncated = true
        break
      }
      const shown = `${path}:${index + 1}: ${line.trim().slice(0, MAX_LINE_SHOWN)}`
      hits.push(shown)
      matched.push({ line: index + 1, text: line.length > MAX_LINE_SHOWN ? `${line.slice(0, MAX_LINE_SHOWN)}…` : line })
      sentBytes += byteLength(shown)
    }
    if (sentBytes > 0) files.push({ path, bytes: sentBytes })
    if (matched.length > 0) excerpts.push({ path, title: `${path}: lines matching "${input.query}"`, lines: matched })
    redactions.push(...redacted.redactions)
    if (truncated) break
  }
  const what = `"${input.query}"${scope ? ` in ${scope}` : ''}`
  if (hits.length === 0) return { content: `No matches for ${what}.`, isError: false, summary: `searched ${what}: no matches`, files: [], redactions: [] }
  const more = truncated ? `\n(stopped at ${limit} matches; narrow the search with path or a more specific query)` : ''
  const redactedShown = redactions.filter((r) => hits.some((hit) => hit.startsWith(`${r.path}:${r.line}: `)))
  return {
    excerpts,
    ...(more ? { excerptNote: more.trim() } : {}),
    content: `${hits.join('\n')}${more}`,
    isError: false,
    summary: `searched ${what}: ${hits.length}${truncated ? '+' : ''} match(es)`,
    files,
    redactions: redactedShown,
  }
}
