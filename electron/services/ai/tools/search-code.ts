// The search_code tool: a literal or regular-expression search over the repository's tracked text
// files, capped. It matches the redacted text only (never the raw file, so no pattern can probe a
// secret one character at a time), with RE2's linear-time engine (re2js) in a worker thread
// (search-matcher.ts) that is terminated at a hard wall-clock cap for the whole call: a pattern that
// takes seconds per line never holds the backend's event loop, which only reads and redacts files,
// handing the loop back between them. Files are read through the call's snapshot (at its commit, or the
// working tree for a file the leader has edited). Read-only.
import { stat } from 'node:fs/promises'
import { GembaError } from '../../../../shared/errors.ts'
import { openRepository, readInSnapshot, revisionLabel, type GitRepo } from '../../git/git-layer.ts'
import type { Redaction, SentFile } from '../../../../shared/models/ai.ts'
import type { Excerpt, ExcerptLine } from '../citations/excerpt-blocks.ts'
import { withheldRule } from '../../secrets/index.ts'
import { hardLinkRule, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import { decodeFaithfully } from '../../fs/text-encoding.ts'
import { SearchMatcher, SearchStopped } from './search-matcher.ts'
import { compileSearchPattern, type SearchPatternInput } from './search-pattern.ts'
import { byteLength, toolError, type RepoToolDeps, type ToolExecution } from './tool-execution.ts'

export const MAX_SEARCH_RESULTS = 100
export const DEFAULT_SEARCH_RESULTS = 40
export const MAX_SEARCH_FILE_BYTES = 1024 * 1024
/** Wall-clock cap of one call; what was found by then is returned, saying the search stopped. */
export const SEARCH_TIME_CAP_MS = 8_000
/** The longest stretch of reading and redacting between two turns of the event loop. */
const SLICE_MS = 15
const MAX_LINE_SHOWN = 240
/** Files read, redacted and matched together. */
const BATCH_FILES = 16

export interface SearchCodeInput extends SearchPatternInput {
  readonly path?: string | undefined
  readonly max_results?: number | undefined
}

export interface SearchOptions {
  /** The call's wall-clock cap (default SEARCH_TIME_CAP_MS). */
  readonly capMs?: number
}

async function candidateText(deps: RepoToolDeps, repo: GitRepo, path: string): Promise<{ text: string; workingTree: boolean } | null> {
  if (deps.redactor.exclusion(path)) return null
  // The full guard per file: a tracked path may have become a symlink to somewhere else, or a hard link.
  const resolved = await resolveInsideRepo(deps.snapshot.root, path).catch(() => null)
  if (resolved === null || withheldRule(deps.redactor, resolved) || hardLinkRule(resolved)) return null
  const info = await stat(resolved.absolute).catch(() => null)
  if (!info?.isFile() || info.size > MAX_SEARCH_FILE_BYTES) return null
  const read = await readInSnapshot(repo, deps.snapshot, resolved.realRelative, resolved.absolute).catch(() => null)
  if (read?.kind !== 'file' || read.content.byteLength > MAX_SEARCH_FILE_BYTES) return null
  const decoded = decodeFaithfully(read.content)
  if ('problem' in decoded) return null
  return withheldRule(deps.redactor, resolved, decoded.text) ? null : { text: decoded.text, workingTree: read.side === 'working tree' }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function searchCode(
  deps: RepoToolDeps,
  input: SearchCodeInput,
  signal: AbortSignal,
  options: SearchOptions = {},
): Promise<ToolExecution> {
  const pattern = compileSearchPattern(input)
  if (typeof pattern === 'string') return toolError(pattern)
  let scope: string
  try {
    scope = (await resolveInsideRepo(deps.snapshot.root, input.path ?? '')).relative
  } catch (error) {
    if (error instanceof GembaError) return toolError(error.message)
    throw error
  }
  const capMs = options.capMs ?? SEARCH_TIME_CAP_MS
  const limit = Math.min(MAX_SEARCH_RESULTS, Math.max(1, Math.floor(input.max_results ?? DEFAULT_SEARCH_RESULTS)))
  const prefix = scope === '' ? '' : `${scope}/`
  const hits: string[] = []
  const excerpts: Excerpt[] = []
  const files: SentFile[] = []
  const redactions: Redaction[] = []
  let truncated = false
  let timedOut = false
  const inScope = (await deps.listFiles()).filter((path) => path.startsWith(prefix))
  const repo = await openRepository(deps.snapshot.root)
  const matcher = SearchMatcher.start(input, capMs, signal)
  try {
    let sliceStart = performance.now()
    for (let at = 0; at < inScope.length && !truncated; at += BATCH_FILES) {
      // A few files at a time, so their redaction shares one secretlint pass; matched in order.
      const batch: { path: string; text: string; redactions: readonly Redaction[]; workingTree: boolean }[] = []
      for (const path of inScope.slice(at, at + BATCH_FILES)) {
        if (matcher.stopped) break
        if (performance.now() - sliceStart > SLICE_MS) {
          await nextTurn()
          sliceStart = performance.now()
        }
        const raw = await candidateText(deps, repo, path)
        if (raw === null) continue
        const redacted = await deps.redactor.redact(path, raw.text)
        batch.push({ path, text: redacted.text, redactions: redacted.redactions, workingTree: raw.workingTree })
      }
      if (matcher.stopped) throw matcher.stopped
      // The match is made on the redacted text alone: the raw text never decides anything.
      const found = await matcher.match(
        batch.map((file) => file.text),
        limit - hits.length + 1,
      )
      for (const [index, file] of batch.entries()) {
        const lines = file.text.split('\n')
        const shownLines = new Set<number>()
        const matched: ExcerptLine[] = []
        let sentBytes = 0
        for (const lineIndex of found[index] ?? []) {
          if (hits.length >= limit) {
            truncated = true
            break
          }
          const line = lines[lineIndex] ?? ''
          const shown = `${file.path}:${lineIndex + 1}: ${line.trim().slice(0, MAX_LINE_SHOWN)}`
          hits.push(shown)
          shownLines.add(lineIndex + 1)
          matched.push({ line: lineIndex + 1, text: line.length > MAX_LINE_SHOWN ? `${line.slice(0, MAX_LINE_SHOWN)}…` : line })
          sentBytes += byteLength(shown)
        }
        if (sentBytes > 0) files.push({ path: file.path, bytes: sentBytes })
        if (matched.length > 0)
          excerpts.push({
            path: file.path,
            title: `${file.path}: lines matching "${input.query}"`,
            lines: matched,
            ...(file.workingTree ? { workingTree: true } : {}),
          })
        redactions.push(...file.redactions.filter((r) => shownLines.has(r.line)))
        if (truncated) break
      }
    }
  } catch (error) {
    if (!(error instanceof SearchStopped)) throw error
    if (error.reason === 'cancelled') signal.throwIfAborted()
    if (error.reason === 'failed') return toolError('The search could not run here; use list_folder and read_file instead.')
    timedOut = true
  } finally {
    matcher.stop()
    repo.close()
  }
  const what = `"${input.query}"${scope ? ` in ${scope}` : ''}`
  const seconds = `${Math.round(capMs / 100) / 10} s`
  const stopped = timedOut ? `\n(stopped after ${seconds}; narrow the search with path or a more specific query)` : ''
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
  const edited = excerpts.filter((excerpt) => excerpt.workingTree).map((excerpt) => excerpt.path)
  // Only a snapshot with a commit has two sides to tell apart; the working tree alone is not labelled.
  const read =
    deps.snapshot.commit === null
      ? ''
      : `\n(read at ${revisionLabel(deps.snapshot.commit, 'commit')}${edited.length ? `; ${edited.join(', ')} from the working tree` : ''})`
  return {
    excerpts,
    ...(more ? { excerptNote: more.trim() } : {}),
    content: `${hits.join('\n')}${more}${read}`,
    isError: false,
    summary: `searched ${what}: ${hits.length}${truncated || timedOut ? '+' : ''} match(es)`,
    files,
    redactions,
  }
}
