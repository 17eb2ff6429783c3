// The agent's workspace: an in-memory overlay of the repository where the text-editor commands
// (view, str_replace, create, insert) are executed. Reads the disk, never writes it. Every path goes
// through the repository path guard; binary, oversized, excluded, linked and hard-linked files are
// refused, and so is an edit to a file that changed on disk since the agent first read it.
// No oracle: the agent works on each file's view (secrets redacted, line endings '\n'), and every
// answer (found, not found, found N times, line numbers, no change) is computed on that view alone;
// an edit that would change a redacted line is refused in the same words as text not found. The edit
// is made to the real text line for line (edit-document.ts) and written back in the file's own
// encoding, byte-order mark and line endings (text-encoding.ts): no byte outside the edited lines moves.
import { createHash } from 'node:crypto'
import { lstat, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../../shared/errors.ts'
import type { Redaction } from '../../../../shared/models/ai.ts'
import { hardLinkRule, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import type { Redactor } from '../../secrets/index.ts'
import { editView, redactedLines, unifiedEndings, type ViewEdit } from './edit-document.ts'
import { decodeFaithfully, encodeText, encodingLabel, unencodable, type TextEncodingName } from '../../fs/text-encoding.ts'

/** Largest file the agent may edit or create, in bytes (before and after the edit, as the agent sees it). */
export const MAX_EDIT_BYTES = 256 * 1024
export const LEADER_MARKER = 'TODO(human)'
const REDACTED_MARK = '[redacted by Gemba'

export interface StagedFile {
  /** Repository-relative, '/'-separated. */
  readonly path: string
  /** The text on disk when first read (decoded, line endings as they are); null for a file the agent created. */
  readonly original: string | null
  /** The staged text: what lands (secrets and line endings as they are). */
  readonly current: string
  /** What the agent sees of `current`: secrets redacted, every line ending '\n'. */
  readonly view: string
  /** How `current` is written back (its byte-order mark included). */
  readonly encoding: TextEncodingName
  /** sha256 of the disk bytes when first read (null when the file did not exist). */
  readonly diskHash: string | null
}

export interface StagedEdit {
  readonly file: StagedFile
  /** The edit left the file as it was (the new text is the old one). */
  readonly unchanged: boolean
}

export interface StagedCopyOptions {
  readonly root: string
  readonly maxBytes?: number
  /** The rule that withholds a file from the agent (secrets), or null. */
  readonly exclusion?: (path: string, content?: string) => string | null
  /** Makes each file's view: no edit may change a redacted line or write a new secret. */
  readonly redactor?: Pick<Redactor, 'redact'>
}

/** The bytes that land for a staged file: its text in its own encoding. */
export function stagedBytes(file: StagedFile): Uint8Array {
  return encodeText(file.current, file.encoding)
}

/** Redactions of a staged file's view (the lines Gemba redacted), for the record of what was sent. */
export function viewRedactions(file: StagedFile): Redaction[] {
  return redactedLines({ raw: file.current, view: file.view }).map(({ line, rule }) => ({ path: file.path, line, rule }))
}

/** The model's text with '\n' line endings: the file's own endings are the staged copy's to keep. */
function unified(text: string): string {
  return text.replaceAll('\r\n', '\n')
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

/** The one refusal for text that is not in the file as the agent sees it, and for text on a redacted line. */
function notFound(path: string): GembaError {
  return refused(
    path,
    'the text to replace was not found in the file as you see it (lines holding a [redacted by Gemba: …] secret cannot be edited)',
    'View the file and quote the lines exactly, whitespace included, from lines without a redaction.',
  )
}

export class StagedCopy {
  readonly root: string
  readonly #maxBytes: number
  readonly #exclusion: (path: string, content?: string) => string | null
  readonly #redactor: Pick<Redactor, 'redact'> | null
  readonly #files = new Map<string, StagedFile>()
  /** The view of each file as first read, for revert. */
  readonly #originalViews = new Map<string, string>()

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
    if (!file) return
    if (file.original === null) this.#files.delete(path)
    else this.#files.set(path, { ...file, current: file.original, view: this.#originalViews.get(path) ?? file.view })
  }

  /** The file as the agent sees it (its view): the staged text, or the disk's when untouched. null: no such file. */
  async read(requested: string): Promise<StagedFile | null> {
    return this.#load(requested)
  }

  async strReplace(requested: string, oldText: string, newText: string): Promise<StagedEdit> {
    const file = await this.#loadExisting(requested)
    const oldStr = unified(oldText)
    const newStr = unified(newText)
    if (oldStr.length === 0) throw refused(file.path, 'the text to replace is empty', 'Quote the exact lines to replace.')
    const count = countOccurrences(file.view, oldStr)
    if (count === 0) throw notFound(file.path)
    if (count > 1)
      throw refused(file.path, `the text to replace was found ${count} times`, 'Include more surrounding lines so it matches exactly once.')
    this.#checkNewText(file, newStr)
    const at = file.view.indexOf(oldStr)
    return this.#stage(file, editView({ raw: file.current, view: file.view }, at, at + oldStr.length, newStr))
  }

  async insert(requested: string, afterLine: number, text: string): Promise<StagedEdit> {
    const file = await this.#loadExisting(requested)
    const view = file.view
    const lines = view.split('\n')
    const endsWithNewline = view.endsWith('\n')
    const lineCount = endsWithNewline ? lines.length - 1 : view === '' ? 0 : lines.length
    if (!Number.isInteger(afterLine) || afterLine < 0 || afterLine > lineCount) {
      throw refused(
        file.path,
        `line ${afterLine} is outside the file (0 to ${lineCount})`,
        'Use insert_line 0 for the top, or a line number the file has.',
      )
    }
    const body = unified(text).replace(/\n$/, '')
    this.#checkNewText(file, body)
    // After the last line of a file without a final line break, the new lines go after a new break.
    const atEnd = afterLine === lineCount && lineCount > 0 && !endsWithNewline
    const offset = atEnd ? view.length : lines.slice(0, afterLine).reduce((sum, line) => sum + line.length + 1, 0)
    return this.#stage(file, editView({ raw: file.current, view }, offset, offset, atEnd ? `\n${body}` : `${body}\n`))
  }

  async create(requested: string, text: string): Promise<StagedEdit> {
    const existing = await this.#load(requested)
    if (existing && existing.original !== null) {
      throw refused(existing.path, 'the file already exists', 'Use str_replace or insert to change an existing file.')
    }
    const { relative } = await resolveInsideRepo(this.root, requested, { mustExist: false })
    const body = unified(text)
    const file: StagedFile = existing ?? { path: relative, original: null, current: '', view: '', encoding: 'utf-8', diskHash: null }
    this.#checkNewText(file, body)
    return this.#stage(file, { raw: body, view: body, written: [0, body.split('\n').length] })
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

  #checkNewText(file: StagedFile, text: string): void {
    if (text.includes('\0')) throw refused(file.path, 'the new text is binary')
    if (text.includes(REDACTED_MARK))
      throw refused(file.path, 'the new text would overwrite a secret Gemba redacted', 'Leave the redacted lines as they are.')
    if (Buffer.byteLength(text, 'utf8') > this.#maxBytes)
      throw refused(file.path, `the new text is larger than ${this.#maxBytes} bytes`, 'Keep the change small.')
    const missing = unencodable(text, file.encoding)
    if (missing.length > 0)
      throw refused(
        file.path,
        `the file is ${encodingLabel(file.encoding)}, which cannot hold ${missing.map((char) => JSON.stringify(char)).join(', ')}`,
        'Write those characters with the escapes the language has, or keep to the characters the file already uses.',
      )
  }

  /** Refuses new text that the redactor would hide: the agent may not write a secret. Judged on the view alone. */
  async #guardNewSecrets(file: StagedFile, view: string, written: readonly [number, number]): Promise<void> {
    if (!this.#redactor || written[0] === written[1]) return
    const { redactions } = await this.#redactor.redact(file.path, view)
    if (redactions.some((redaction) => redaction.line > written[0] && redaction.line <= written[1])) {
      throw refused(
        file.path,
        'the edit would write a line that holds a secret (a password, token or key Gemba would redact)',
        'Read the secret from configuration or the environment instead, or use an obvious placeholder such as "changeme".',
      )
    }
  }

  async #stage(file: StagedFile, edit: ViewEdit): Promise<StagedEdit> {
    if ('refused' in edit) {
      if (edit.refused === 'redacted-line') throw notFound(file.path)
      throw refused(file.path, 'Gemba cannot line its redacted view up with the file', 'Edit this file by hand.')
    }
    if (edit.view === file.view) return { file, unchanged: true }
    if (Buffer.byteLength(edit.view, 'utf8') > this.#maxBytes)
      throw refused(file.path, `the file would grow past ${this.#maxBytes} bytes`, 'Keep the change small.')
    await this.#guardNewSecrets(file, edit.view, edit.written)
    const staged = { ...file, current: edit.raw, view: edit.view }
    this.#files.set(file.path, staged)
    return { file: staged, unchanged: false }
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
    const withheld =
      this.#exclusion(path) ?? (resolved.realRelative !== path ? this.#exclusion(resolved.realRelative) : null) ?? hardLinkRule(resolved)
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
    // The cap is said, not the size: a byte count would tell how long a redacted secret is.
    if (info.size > this.#maxBytes) throw refused(path, `it is larger than the ${this.#maxBytes}-byte cap for edits`)
    const bytes = await readFile(resolved.absolute)
    const hash = sha256(bytes)
    if (known) {
      if (known.diskHash !== hash)
        throw refused(path, 'it changed on disk since the agent read it', 'Ask for a revision so the agent reads it again.')
      return known
    }
    const decoded = decodeFaithfully(bytes)
    if ('problem' in decoded)
      throw refused(
        path,
        decoded.binary ? decoded.problem : `Gemba cannot edit it without changing bytes nobody edited: ${decoded.problem}`,
      )
    const excludedByContent = this.#exclusion(path, decoded.text)
    if (excludedByContent) throw refused(path, `Gemba withholds this file (${excludedByContent}): it holds a token`)
    const lines = unifiedEndings(decoded.text)
    const view = this.#redactor ? (await this.#redactor.redact(path, lines)).text : lines
    const file: StagedFile = { path, original: decoded.text, current: decoded.text, view, encoding: decoded.encoding, diskHash: hash }
    this.#files.set(path, file)
    this.#originalViews.set(path, view)
    return file
  }
}
