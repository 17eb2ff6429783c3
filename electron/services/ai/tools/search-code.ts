// The search_code tool: a literal or regular-expression search over the repository's tracked text
// files, capped. It matches the redacted text only (never the raw file, so no pattern can probe a
// secret one character at a time), with RE2's linear-time engine (re2js, pure JavaScript: a pattern
// from the model cannot backtrack forever), within a time cap per call, handing the event loop back
// between files so the rest of the app keeps answering. Read-only.
import { readFile, stat } from 'node:fs/promises'
import { RE2JS } from 're2js'
import { GembaError } from '../../../../shared/errors.ts'
import type { Redaction, SentFile } from '../../../../shared/models/ai.ts'
import type { Excerpt, ExcerptLine } from '../citations/excerpt-blocks.ts'
import { withheldRule } from '../../secrets/index.ts'
import { resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import { looksBinary } from '../../fs/looks-binary.ts'
import { byteLength, toolError, type RepoToolDeps, type ToolExecution } from './tool-execution.ts'

export const MAX_SEARCH_RESULTS = 100
export const DEFAULT_SEARCH_RESULTS = 40
export const MAX_SEARCH_FILE_BYTES = 1024 * 1024
export const MAX_PATTERN_LENGTH = 300
/** Wall-clock budget of one call; what was found by then is returned, saying the search stopped. */
export const SEARCH_TIME_CAP_MS = 8_000
/** The longest stretch of work between two turns of the event loop. */
const SLICE_MS = 15
/** Lines longer than this are matched on their first part only (minified code). */
const MAX_LINE_MATCHED = 20_000
const MAX_LINE_SHOWN = 240
/** Files read and redacted together. */
const BATCH_FILES = 16

export interface SearchCodeInput {
  readonly query: string
  readonly is_regex?: boolean | undefined
  readonly case_sensitive?: boolean | undefined
  readonly path?: string | undefined
  readonly max_results?: number | undefined
}

export interface SearchClock {
  now(): number
  /** Gives the event loop a turn. */
  yield(): Promise<void>
}

const realClock: SearchClock = { now: () => performance.now(), yield: () => new Promise((resolve) => setImmediate(resolve)) }

/** The pattern compiled for RE2, or the sentence that says why it cannot be. */
export function compileSearchPattern(input: Pick<SearchCodeInput, 'query' | 'is_regex' | 'case_sensitive'>): RE2JS | string {
  if (input.query.length === 0) return 'The query is empty.'
  if (input.query.length > MAX_PATTERN_LENGTH) return `The query is longer than ${MAX_PATTERN_LENGTH} characters.`
  const source = input.is_regex ? input.query : RE2JS.quote(input.query)
  try {
    return RE2JS.compile(source, input.case_sensitive ? 0 : RE2JS.CASE_INSENSITIVE)
  } catch (error) {
    const why = (error as Error).message
    return `The regular expression cannot be used: ${why}. Gemba searches with RE2 (linear time): no backreferences or lookarounds; use a literal query or a simpler pattern.`
  }
}

async function candidateText(deps: RepoToolDeps, path: string): Promise<string | null> {
  if (deps.redactor.exclusion(path)) return null
  // The full guard per file: a tracked path may have become a symlink to somewhere else.
  const resolved = await resolveInsideRepo(deps.root, path).catch(() => null)
  if (resolved === null || withheldRule(deps.redactor, resolved)) return null
  const info = await stat(resolved.absolute).catch(() => null)
  if (!info?.isFile() || info.size > MAX_SEARCH_FILE_BYTES) return null
  const bytes = await readFile(resolved.absolute)
  if (looksBinary(bytes)) return null
  const text = new TextDecoder().decode(bytes)
  return withheldRule(deps.redactor, resolved, text) ? null : text
}

export async function searchCode(
  deps: RepoToolDeps,
  input: SearchCodeInput,
  signal: AbortSignal,
  clock: SearchClock = realClock,
): Promise<ToolExecution> {
  const pattern = compileSearchPattern(input)
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
  const started = clock.now()
  let sliceStart = started
  let truncated = false
  let timedOut = false
  const breathe = async () => {
    if (clock.now() - sliceStart < SLICE_MS) return
    await clock.yield()
    signal.throwIfAborted()
    sliceStart = clock.now()
  }
  const inScope = (await deps.listFiles()).filter((path) => path.startsWith(prefix))
  for (let at = 0; at < inScope.length && !truncated; at += BATCH_FILES) {
    signal.throwIfAborted()
    if (clock.now() - started > SEARCH_TIME_CAP_MS) {
      timedOut = true
      break
    }
    await breathe()
    // A few files at a time, so their redaction shares one secretlint pass; matched in order.
    const batch = await Promise.all(
      inScope.slice(at, at + BATCH_FILES).map(async (path) => {
        const raw = await candidateText(deps, path)
        return raw === null ? null : { path, redacted: await deps.redactor.redact(path, raw) }
      }),
    )
    for (const file of batch) {
      if (file === null) continue
      // The match is made on the redacted text alone: the raw text never decides anything.
      const { path, redacted } = file
      const shownLines = new Set<number>()
      const matched: ExcerptLine[] = []
      let sentBytes = 0
      for (const [index, line] of redacted.text.split('\n').entries()) {
        if (index % 256 === 255) await breathe()
        if (!pattern.test(line.length > MAX_LINE_MATCHED ? line.slice(0, MAX_LINE_MATCHED) : line)) continue
        if (hits.length >= limit) {
          truncated = true
          break
        }
        const shown = `${path}:${index + 1}: ${line.trim().slice(0, MAX_LINE_SHOWN)}`
        hits.push(shown)
        shownLines.add(index + 1)
        matched.push({ line: index + 1, text: line.length > MAX_LINE_SHOWN ? `${line.slice(0, MAX_LINE_SHOWN)}…` : line })
        sentBytes += byteLength(shown)
      }
      if (sentBytes > 0) files.push({ path, bytes: sentBytes })
      if (matched.length > 0) excerpts.push({ path, title: `${path}: lines matching "${input.query}"`, lines: matched })
      redactions.push(...redacted.redactions.filter((r) => shownLines.has(r.line)))
      if (truncated) break
    }
  }
  const what = `"${input.query}"${scope ? ` in ${scope}` : ''}`
  const stopped = timedOut ? `\n(stopped after ${SEARCH_TIME_CAP_MS / 1000} s; narrow the search with path or a more specific query)` : ''
  if (hits.length === 0) {
    return {
      content: `No matches for ${what}.${stopped}`,
      isError: false,
      summary: `searched ${what}: no matches${timedOut ? ' (stopped at the time cap)' : ''}`,
      files: [],
      redactions: [],
    }
  }
  const more = truncated ? `\n(stopped at ${limit} matches; narrow the search with path or a more specific query)` : stopped
  return {
    excerpts,
    ...(more ? { excerptNote: more.trim() } : {}),
    content: `${hits.join('\n')}${more}`,
    isError: false,
    summary: `searched ${what}: ${hits.length}${truncated || timedOut ? '+' : ''} match(es)`,
    files,
    redactions,
  }
}
