// Reads the tracked files of a working tree: size, binary or text, line count, language. Falls back to
// the blob in the object database when the file is not on disk (or its name is not valid UTF-8).
// Never follows symlinks and never reads submodules; whatever it cannot read is listed as skipped.
import * as fs from 'node:fs'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'
import type { FileRecord, SkippedItem } from '../../../../shared/models/repos.ts'
import { MODE_GITLINK, MODE_SYMLINK, readBlob, type GitRepo, type IndexEntry } from '../../git/git-layer.ts'
import { languageOf } from './languages.ts'
import type { Deadline } from './phase-budget.ts'

/** Files above this are not read whole (line counts come from a streamed count, capped below). */
export const MAX_READ_BYTES = 1024 * 1024
/** Files above this are not counted at all: listed with their size only. */
export const MAX_COUNT_BYTES = 16 * 1024 * 1024
const SNIFF_BYTES = 8 * 1024
/** Files the index says are at most this big are read in one go. */
const QUICK_READ_BYTES = 256 * 1024

export interface ReadFilesInput {
  readonly repo: GitRepo
  readonly entries: readonly IndexEntry[]
  readonly signal?: AbortSignal
  readonly onProgress?: (done: number, total: number) => void
  /** Called with the text of each readable text file no bigger than MAX_READ_BYTES (for parsing). */
  readonly onText?: (path: string, text: string) => void | Promise<void>
  /** Which files onText wants (decoding every file to text would be wasted work). */
  readonly wantsText?: (path: string) => boolean
  /** Files read between two turns of the event loop. */
  readonly batchSize?: number
  /** Past it, the files not read yet are listed from the index alone (name, size, language; no lines). */
  readonly deadline?: Deadline
}

export interface ReadFilesResult {
  readonly files: FileRecord[]
  readonly skipped: SkippedItem[]
  /** Files listed from the index alone because the deadline passed. */
  readonly unread: number
}

export async function readFiles(input: ReadFilesInput): Promise<ReadFilesResult> {
  const files: FileRecord[] = new Array(input.entries.length)
  const skipped: SkippedItem[] = []
  const total = input.entries.length
  // Synchronous reads in batches: for many small files they are an order of magnitude faster than
  // promise-based ones (no thread-pool round trips), and the event loop still runs between batches.
  const batch = input.batchSize ?? 200
  let unread = 0
  for (let start = 0; start < total; start += batch) {
    input.signal?.throwIfAborted()
    if (input.deadline?.passed) {
      for (let index = start; index < total; index++) {
        const entry = input.entries[index]
        if (entry)
          files[index] = { path: entry.path, size: Math.max(entry.size, 0), language: languageOf(entry.path), lines: 0, binary: false }
      }
      unread = total - start
      break
    }
    for (let index = start; index < Math.min(start + batch, total); index++) {
      const entry = input.entries[index]
      if (!entry) continue
      const read = readOne(entry, input.repo.root, skipped)
      // A file missing from the working tree is read from its blob instead.
      files[index] = read.record ?? (await fromObjectDatabase(entry, input, skipped))
      if (read.content) await deliver(entry.path, read.content, input)
    }
    input.onProgress?.(Math.min(start + batch, total), total)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { files, skipped, unread }
}

/** A file's record, and its content when the caller may want its text; no record: read the blob. */
function readOne(entry: IndexEntry, root: string, skipped: SkippedItem[]): { record: FileRecord | null; content?: Buffer } {
  const language = languageOf(entry.path)
  const base = { path: entry.path, size: Math.max(entry.size, 0), language, lines: 0, binary: false }
  if (entry.mode === MODE_GITLINK) {
    skipped.push({ path: entry.path, reason: 'submodule (its own repository; not scanned)' })
    return { record: { ...base, language: null } }
  }
  if (entry.mode === MODE_SYMLINK) return { record: { ...base, language: null } }
  let fd = -1
  try {
    fd = openSync(join(root, entry.path), fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0))
    // Most files are small and as big as the index says: one read does (each system call counts over
    // thousands of files); a file that is bigger than that, or binary, takes the careful path below.
    if (entry.size >= 0 && entry.size <= QUICK_READ_BYTES) {
      const quick = Buffer.allocUnsafe(entry.size + 1)
      // A regular file's read returns all it asked for unless the file ends first.
      const bytesRead = readSync(fd, quick, 0, quick.length, 0)
      if (bytesRead <= entry.size) return described(base, quick.subarray(0, bytesRead))
    }
    const info = fstatSync(fd)
    if (!info.isFile()) {
      skipped.push({ path: entry.path, reason: 'not a regular file on disk' })
      return { record: { ...base, size: info.size } }
    }
    if (info.size > MAX_COUNT_BYTES) {
      const head = Buffer.alloc(SNIFF_BYTES)
      const bytesRead = readSync(fd, head, 0, SNIFF_BYTES, 0)
      skipped.push({ path: entry.path, reason: `too large to count (${Math.round(info.size / 1048576)} MB)` })
      return { record: { ...base, size: info.size, binary: head.subarray(0, bytesRead).includes(0) } }
    }
    // The head first: a binary file (a NUL in its first 8 KB) is not read further.
    const content = Buffer.allocUnsafe(info.size)
    const head = readInto(fd, content, 0, Math.min(SNIFF_BYTES, info.size))
    if (content.subarray(0, head).includes(0)) return { record: { ...base, size: info.size, binary: true, language: null } }
    const filled = head < Math.min(SNIFF_BYTES, info.size) ? head : readInto(fd, content, head, info.size)
    return described(base, content.subarray(0, filled))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM') {
      skipped.push({ path: entry.path, reason: 'unreadable (permission denied)' })
      return { record: base }
    }
    if (code === 'ELOOP') {
      skipped.push({ path: entry.path, reason: 'a symlink on disk where git has a file' })
      return { record: base }
    }
    if (code === 'EISDIR') {
      skipped.push({ path: entry.path, reason: 'not a regular file on disk' })
      return { record: base }
    }
    return { record: null }
  } finally {
    if (fd >= 0) closeSync(fd)
  }
}

/** Reads from `from` up to `to` (or the end of the file); answers where it stopped. */
function readInto(fd: number, content: Buffer, from: number, to: number): number {
  let filled = from
  while (filled < to) {
    const bytesRead = readSync(fd, content, filled, to - filled, filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return filled
}

function described(base: FileRecord, content: Buffer): { record: FileRecord; content?: Buffer } {
  if (content.subarray(0, SNIFF_BYTES).includes(0)) return { record: { ...base, size: content.length, binary: true, language: null } }
  return { record: { ...base, size: content.length, lines: countLines(content) }, content }
}

async function deliver(path: string, content: Buffer, input: ReadFilesInput): Promise<void> {
  if (content.length <= MAX_READ_BYTES && input.onText && (input.wantsText?.(path) ?? true)) {
    await input.onText(path, content.toString('utf8'))
  }
}

async function fromObjectDatabase(entry: IndexEntry, input: ReadFilesInput, skipped: SkippedItem[]): Promise<FileRecord> {
  const base = { path: entry.path, size: Math.max(entry.size, 0), language: languageOf(entry.path), lines: 0, binary: false }
  const content = await blobOf(entry, input.repo, skipped)
  if (content === null) return base
  const { record, content: text } = described(base, content)
  if (text) await deliver(entry.path, text, input)
  return record
}

async function blobOf(entry: IndexEntry, repo: GitRepo, skipped: SkippedItem[]): Promise<Buffer | null> {
  if (!entry.oid) {
    skipped.push({ path: entry.path, reason: 'missing from the working tree' })
    return null
  }
  const blob = await readBlob(repo, entry.oid)
  if (blob === null)
    skipped.push({ path: entry.path, reason: `not on disk and its git object ${entry.oid.slice(0, 12)} is missing or damaged` })
  return blob
}

export function countLines(content: Uint8Array): number {
  if (content.length === 0) return 0
  let lines = 0
  let at = content.indexOf(10)
  while (at !== -1) {
    lines += 1
    at = content.indexOf(10, at + 1)
  }
  return content[content.length - 1] === 10 ? lines : lines + 1
}
