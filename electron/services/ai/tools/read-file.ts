// The read_file tool: a range of lines of one text file, numbered, with secrets redacted over the whole
// file first (so a range can never cut a private key block in half and slip past). Capped in size. The
// file is read through the call's snapshot (at its commit, or the working tree for a file the leader
// has edited), and the read says which.
import { stat } from 'node:fs/promises'
import { GembaError } from '../../../../shared/errors.ts'
import { readInSnapshot, revisionLabel, withRepository } from '../../git/git-layer.ts'
import { withheldRule } from '../../secrets/index.ts'
import { hardLinkRule, resolveInsideRepo, type RepoPath } from '../../fs/resolve-inside-repo.ts'
import { decodeFaithfully } from '../../fs/text-encoding.ts'
import type { Redaction } from '../../../../shared/models/ai.ts'
import { byteLength, mergeRedactions, toolError, type RepoToolDeps, type ToolExecution } from './tool-execution.ts'
import { plural } from '../../../../shared/plural.ts'

export const MAX_FILE_BYTES = 2 * 1024 * 1024
export const MAX_LINES_PER_READ = 400
export const MAX_CHARS_PER_READ = 40_000

export interface ReadFileInput {
  readonly path: string
  readonly start_line?: number | undefined
  readonly end_line?: number | undefined
}

export async function readRepoFile(deps: RepoToolDeps, input: ReadFileInput, signal: AbortSignal): Promise<ToolExecution> {
  let resolved: RepoPath
  try {
    resolved = await resolveInsideRepo(deps.snapshot.root, input.path)
  } catch (error) {
    if (error instanceof GembaError) return toolError(error.message)
    throw error
  }
  const { relative, absolute } = resolved
  const info = await stat(absolute)
  if (!info.isFile()) return toolError(`"${relative || '.'}" is a folder; use list_folder.`)
  const excludedByName = withheldRule(deps.redactor, resolved) ?? hardLinkRule(resolved)
  if (excludedByName) return toolError(`Gemba withholds ${relative} (${excludedByName}): it may hold secrets.`)
  // The cap is said, not the size: a byte count would tell how long a redacted secret is.
  if (info.size > MAX_FILE_BYTES)
    return toolError(
      `${relative} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, too large to read; use search_code to find the part you need.`,
    )
  const read = await withRepository(deps.snapshot.root, (repo) => readInSnapshot(repo, deps.snapshot, resolved.realRelative, absolute))
  signal.throwIfAborted()
  if (read === null) return toolError(`There is no ${relative} in the repository.`)
  if (read.kind === 'folder') return toolError(`"${relative || '.'}" is a folder; use list_folder.`)
  const bytes = read.content
  if (bytes.byteLength > MAX_FILE_BYTES)
    return toolError(
      `${relative} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, too large to read; use search_code to find the part you need.`,
    )
  const decoded = decodeFaithfully(bytes)
  if ('problem' in decoded && decoded.binary) return toolError(`${relative} is a binary file.`)
  // Read as the small change's editor reads it (Latin-1 and UTF-16 as themselves), or as UTF-8 at worst.
  const raw = 'text' in decoded ? decoded.text : new TextDecoder().decode(bytes)
  const excludedByContent = withheldRule(deps.redactor, resolved, raw)
  if (excludedByContent) return toolError(`Gemba withholds ${relative} (${excludedByContent}): it holds a token.`)
  const workingTree = read.side === 'working tree'
  const note = deps.snapshot.commit === null ? '' : `, @${revisionLabel(deps.snapshot.commit, read.side)}`
  return readTextLines(deps, relative, raw, input, note, [], workingTree)
}

/**
 * The numbered, redacted read of a file's text (through the snapshot, or another view of it such as the
 * small change's staged copy). `note` is appended to the header line, to say which revision was read
 * or that the text is staged; `redactedBefore` lists the lines of a text that was redacted already (the
 * staged copy's view); `workingTree` marks lines read from the working tree rather than the commit.
 */
export async function readTextLines(
  deps: Pick<RepoToolDeps, 'redactor'>,
  relative: string,
  raw: string,
  input: Omit<ReadFileInput, 'path'>,
  note = '',
  redactedBefore: readonly Redaction[] = [],
  workingTree = false,
): Promise<ToolExecution> {
  const excludedByContent = deps.redactor.exclusion(relative, raw)
  if (excludedByContent) return toolError(`Gemba withholds ${relative} (${excludedByContent}): it holds a token.`)
  const redacted = await deps.redactor.redact(relative, raw)
  const text = redacted.text
  const redactions = mergeRedactions(redactedBefore, redacted.redactions)
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const total = lines.length
  if (total === 0)
    return {
      content: `${relative} is empty${note}.`,
      isError: false,
      summary: `read ${relative} (empty)${note}`,
      files: [],
      redactions: [],
    }
  const start = Math.min(Math.max(1, Math.floor(input.start_line ?? 1)), Math.max(1, total))
  let end = Math.min(total, Math.floor(input.end_line ?? start + MAX_LINES_PER_READ - 1), start + MAX_LINES_PER_READ - 1)
  const width = String(end).length
  const out: string[] = []
  let chars = 0
  for (let line = start; line <= end; line++) {
    const numbered = `${String(line).padStart(width)}\t${lines[line - 1] ?? ''}`
    if (chars + numbered.length > MAX_CHARS_PER_READ && out.length > 0) {
      end = line - 1
      break
    }
    out.push(numbered)
    chars += numbered.length + 1
  }
  const more = end < total ? `\n(lines ${end + 1}-${total} not shown; ask for them with start_line)` : ''
  const title = `${relative} (lines ${start}-${end} of ${total}${note})`
  const content = `${title}\n${out.join('\n')}${more}`
  const sent = redactions.filter((redaction) => redaction.line >= start && redaction.line <= end)
  const excerptLines = out.map((_, index) => ({ line: start + index, text: lines[start + index - 1] ?? '' }))
  return {
    excerpts: [{ path: relative, title, lines: excerptLines, ...(workingTree ? { workingTree } : {}) }],
    ...(more ? { excerptNote: more.trim() } : {}),
    content,
    isError: false,
    summary: `read ${relative} lines ${start}-${end}${note}${sent.length ? `, ${plural(sent.length, 'line')} redacted` : ''}`,
    files: [{ path: relative, bytes: byteLength(out.join('\n')) }],
    redactions: sent,
  }
}
