// The agent's workspace: an in-memory overlay of the repository where the text-editor commands
// (view, str_replace, create, insert) are executed. Reads the disk, never writes it. Every path goes
// through the repository path guard; binary, oversized, excluded and linked files are refused, and so
// is an edit to a file that changed on disk since the agent first read it.
import { createHash } from 'node:crypto'
import { lstat, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'
import { looksBinary } from '../fs/looks-binary.ts'
import { resolveInsideRepo } from '../fs/resolve-inside-repo.ts'
import type { Redactor } from '../secrets/index.ts'

/** Largest file the agent may edit or create, in bytes (before and after the edit). */
export const MAX_EDIT_BYTES = 256 * 1024
export const LEADER_MARKER = 'TODO(human)'
const REDACTED_MARK = '[redacted by Gemba'

export interface StagedFile {
  /** Repository-relative, '/'-separated. */
  readonly path: string
  /** The content on disk when first read; null for a file the agent created. */
  readonly original: string | null
  readonly current: string
  /** sha256 of the disk bytes when first read (null when the file did not exist). */
  readonly diskHash: string | null
}

export interface StagedCopyOptions {
  readonly root: string
  readonly maxBytes?: number
  /** The rule that withholds a file from the agent (secrets), or null. */
  readonly exclusion?: (path: string, content?: string) => string | null
  /** Finds the lines that hold secrets: no edit may create, change or delete one. */
  readonly redactor?: Pick<Redactor, 'redact'>
}

/** The raw text of each line the redactor marks, in order. */
async function secretLines(redactor: Pick<Redactor, 'redact'>, path: string, text: string): Promise<string[]> {
  const { redactions } = await redactor.redact(path, text)
  if (redactions.length === 0) return []
  const lines = text.split('\n')
  return [...new Set(redactions.map((r) => r.line))].map((line) => lines[line - 1] ?? '')
}

function missingFrom(all: readonly string[], kept: readonly string[]): string[] {
  const left = [...kept]
  return all.filter((line) => {
    const at = left.indexOf(line)
    if (at === -1) return true
    left.splice(at, 1)
    return false
  })
}

export function refused(path: string, why: string, next = 'Choose another file or change the edit.'): GembaError {
  return new GembaError({ code: 'refused', message: `Gemba refused the edit to "${path}": ${why}.`, next, details: { path } })
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function countOccurrences(text: string, needle: string): number {
  let count = 0
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++
  return count
}

export class StagedCopy {
  readonly root: string
  readonly #maxBytes: number
  readonly #exclusion: (path: string, content?: string) => string | null
  readonly #redactor: Pick<Redactor, 'redact'> | null
  readonly #files = new Map<string, StagedFile>()

  constructor(options: StagedCopyOptions) {
    this.root = options.root
    this.#maxBytes = options.maxBytes ?? MAX_EDIT_BYTES
    this.#exclusion = options.exclusion ?? (() => null)
    this.#redactor = options.redactor ?? null
  }

  /** Files whose staged content differs from what was on disk. */
  changed(): StagedFile[] {
    return [...this.#files.values()].filter((file) => file.current !== file.original).sort((a, b) => a.path.localeCompare(b.path))
  }

  get(path: string): StagedFile | undefined {
    return this.#files.get(path)
  }

  /** Drops the staged edits of a file (the leader rejected it). */
  revert(path: string): void {
    const file = this.#files.get(path)
    if (file) this.#files.set(path, { ...file, current: file.original ?? '' })
    if (file?.original === null) this.#files.delete(path)
  }

  /** The file as the agent sees it: the staged text, or the disk's when untouched. null: no such file. */
  async read(requested: string): Promise<{ path: string; text: string } | null> {
    const file = await this.#load(requested)
    return file ? { path: file.path, text: file.current } : null
  }

  async strReplace(requested: string, oldStr: string, newStr: string): Promise<StagedFile> {
    const file = await this.#loadExisting(requested)
    if (oldStr.length === 0) throw refused(file.path, 'the text to replace is empty', 'Quote the exact lines to replace.')
    const count = countOccurrences(file.current, oldStr)
    if (count === 0)
      throw refused(file.path, 'the text to replace was not found', 'View the file and quote the lines exactly, whitespace included.')
    if (count > 1)
      throw refused(file.path, `the text to replace was found ${count} times`, 'Include more surrounding lines so it matches exactly once.')
    this.#checkNewText(file.path, newStr)
    const at = file.current.indexOf(oldStr)
    return this.#stage(file, file.current.slice(0, at) + newStr + file.current.slice(at + oldStr.length), await this.#secretLinesOf(file))
  }

  async insert(requested: string, afterLine: number, text: string): Promise<StagedFile> {
    const file = await this.#loadExisting(requested)
    const lines = file.current.split('\n')
    const endsWithNewline = file.current.endsWith('\n')
    const lineCount = endsWithNewline ? lines.length - 1 : file.current === '' ? 0 : lines.length
    if (!Number.isInteger(afterLine) || afterLine < 0 || afterLine > lineCount) {
      throw refused(
        file.path,
        `line ${afterLine} is outside the file (0 to ${lineCount})`,
        'Use insert_line 0 for the top, or a line number the file has.',
      )
    }
    this.#checkNewText(file.path, text)
    const body = lines.slice(0, lineCount)
    const inserted = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n')
    body.splice(afterLine, 0, ...inserted)
    return this.#stage(file, body.join('\n') + (endsWithNewline || lineCount === 0 ? '\n' : ''), await this.#secretLinesOf(file))
  }

  async create(requested: string, text: string): Promise<StagedFile> {
    const existing = await this.#load(requested)
    if (existing && existing.original !== null) {
      throw refused(existing.path, 'the file already exists', 'Use str_replace or insert to change an existing file.')
    }
    const { relative } = await resolveInsideRepo(this.root, requested, { mustExist: false })
    this.#checkNewText(relative, text)
    const file: StagedFile = existing ?? { path: relative, original: null, current: '', diskHash: null }
    return this.#stage(file, text, [])
  }

  /** Throws 'refused' naming every staged file whose disk content changed since it was first read. */
  async ensureDiskUnchanged(paths: readonly string[]): Promise<void> {
    const drifted: string[] = []
    for (const path of paths) {
      const file = this.#files.get(path)
      if (!file) continue
      const now = await readFile(join(this.root, ...path.split('/'))).then(sha256, () => null)
      if (now !== file.diskHash) drifted.push(path)
    }
    if (drifted.length > 0) {
      throw new GembaError({
        code: 'conflict',
        message: `These files changed on disk since the agent read them: ${drifted.join(', ')}. Nothing was written.`,
        next: 'Ask for a revision so the agent works from the current files, or undo the outside edit.',
        details: { paths: drifted },
      })
    }
  }

  #checkNewText(path: string, text: string): void {
    if (text.includes('\0')) throw refused(path, 'the new text is binary')
    if (text.includes(REDACTED_MARK))
      throw refused(path, 'the new text would overwrite a secret Gemba redacted', 'Leave the redacted lines as they are.')
    if (Buffer.byteLength(text, 'utf8') > this.#maxBytes)
      throw refused(path, `the new text is larger than ${this.#maxBytes} bytes`, 'Keep the change small.')
  }

  async #secretLinesOf(file: StagedFile): Promise<string[]> {
    return this.#redactor ? secretLines(this.#redactor, file.path, file.current) : []
  }

  /** Refuses an edit that creates, changes or deletes a line holding a secret (one Gemba redacts). */
  async #guardSecrets(file: StagedFile, before: readonly string[], next: string): Promise<void> {
    if (!this.#redactor) return
    const after = await secretLines(this.#redactor, file.path, next)
    if (missingFrom(before, after).length > 0) {
      throw refused(
        file.path,
        'the edit would change or delete a line Gemba redacted because it holds a secret',
        'Leave the redacted lines exactly as they are and edit around them; the leader can change secrets by hand.',
      )
    }
    if (missingFrom(after, before).length > 0) {
      throw refused(
        file.path,
        'the edit would write a line that holds a secret (a password, token or key Gemba would redact)',
        'Read the secret from configuration or the environment instead, or use an obvious placeholder such as "changeme".',
      )
    }
  }

  async #stage(file: StagedFile, next: string, secretsBefore: readonly string[]): Promise<StagedFile> {
    if (Buffer.byteLength(next, 'utf8') > this.#maxBytes)
      throw refused(file.path, `the file would grow past ${this.#maxBytes} bytes`, 'Keep the change small.')
    await this.#guardSecrets(file, secretsBefore, next)
    const staged = { ...file, current: next }
    this.#files.set(file.path, staged)
    return staged
  }

  async #loadExisting(requested: string): Promise<StagedFile> {
    const file = await this.#load(requested)
    if (!file) {
      throw new GembaError({
        code: 'not_found',
        message: `There is no "${requested}" in the repository.`,
        next: 'Use create for a new file.',
        details: { path: requested },
      })
    }
    return file
  }

  /** Loads a file into the overlay on first touch; checks the disk has not moved under a staged file. */
  async #load(requested: string): Promise<StagedFile | null> {
    const resolved = await resolveInsideRepo(this.root, requested, { mustExist: false })
    const path = resolved.relative
    if (path === '') throw refused('.', 'that is the repository folder, not a file')
    // Withheld as what it resolves to as well: a folder link can lead into .aws/ or onto a key.
    const withheld = this.#exclusion(path) ?? (resolved.realRelative !== path ? this.#exclusion(resolved.realRelative) : null)
    if (withheld) throw refused(path, `Gemba withholds this file (${withheld}): it may hold secrets`)
    const known = this.#files.get(path)
    const lexical = join(this.root, ...path.split('/'))
    const link = await lstat(lexical).then(
      (info) => info.isSymbolicLink(),
      () => false,
    )
    if (link) throw refused(path, 'it is a symbolic link', 'Edit the file the link points to.')
    if (!resolved.exists) {
      if (known && known.original !== null) throw refused(path, 'it was deleted on disk since the agent read it', 'Ask for a revision.')
      return known ?? null
    }
    const info = await stat(resolved.absolute)
    if (!info.isFile()) throw refused(path, 'it is a folder')
    if (info.size > this.#maxBytes) throw refused(path, `it is ${info.size} bytes, over the ${this.#maxBytes}-byte cap for edits`)
    const bytes = await readFile(resolved.absolute)
    if (looksBinary(bytes)) throw refused(path, 'it is a binary file')
    const hash = sha256(bytes)
    if (known) {
      if (known.diskHash !== hash)
        throw refused(path, 'it changed on disk since the agent read it', 'Ask for a revision so the agent reads it again.')
      return known
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
    const excludedByContent = this.#exclusion(path, text)
    if (excludedByContent) throw refused(path, `Gemba withholds this file (${excludedByContent}): it holds a token`)
    const file: StagedFile = { path, original: text, current: text, diskHash: hash }
    this.#files.set(path, file)
    return file
  }
}
