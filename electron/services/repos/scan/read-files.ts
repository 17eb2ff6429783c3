// Reads the tracked files of a working tree: size, binary or text, line count, language. Falls back to
// the blob in the object database when the file is not on disk (or its name is not valid UTF-8).
// Never follows symlinks and never reads submodules; whatever it cannot read is listed as skipped.
import * as fs from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import type { FileRecord, SkippedItem } from '../../../../shared/models/repos.ts'
import { MODE_GITLINK, MODE_SYMLINK, type IndexEntry } from '../git/index-entries.ts'
import { languageOf } from './languages.ts'

/** Files above this are not read whole (line counts come from a streamed count, capped below). */
export const MAX_READ_BYTES = 1024 * 1024
/** Files above this are not counted at all: listed with their size only. */
export const MAX_COUNT_BYTES = 16 * 1024 * 1024
const SNIFF_BYTES = 8 * 1024

export interface ReadFilesInput {
  readonly root: string
  readonly gitdir: string
  readonly entries: readonly IndexEntry[]
  readonly cache: object
  readonly signal?: AbortSignal
  readonly onProgress?: (done: number, total: number) => void
  /** Called with the text of each readable text file no bigger than MAX_READ_BYTES (for parsing). */
  readonly onText?: (path: string, text: string) => void | Promise<void>
  /** Which files onText wants (decoding every file to text would be wasted work). */
  readonly wantsText?: (path: string) => boolean
  readonly concurrency?: number
}

export interface ReadFilesResult {
  readonly files: FileRecord[]
  readonly skipped: SkippedItem[]
}

export async function readFiles(input: ReadFilesInput): Promise<ReadFilesResult> {
  const files: FileRecord[] = new Array(input.entries.length)
  const skipped: SkippedItem[] = []
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < input.entries.length) {
      input.signal?.throwIfAborted()
      const index = next++
      const entry = input.entries[index]
      if (!entry) continue
      files[index] = await readOne(entry, input, skipped)
      done += 1
      if (done % 500 === 0) input.onProgress?.(done, input.entries.length)
    }
  }
  await Promise.all(Array.from({ length: input.concurrency ?? 16 }, worker))
  input.onProgress?.(done, input.entries.length)
  return { files, skipped }
}

async function readOne(entry: IndexEntry, input: ReadFilesInput, skipped: SkippedItem[]): Promise<FileRecord> {
  const language = languageOf(entry.path)
  const base = { path: entry.path, size: Math.max(entry.size, 0), language, lines: 0, binary: false }
  if (entry.mode === MODE_GITLINK) {
    skipped.push({ path: entry.path, reason: 'submodule (its own repository; not scanned)' })
    return { ...base, language: null }
  }
  if (entry.mode === MODE_SYMLINK) return { ...base, language: null }
  let content: Buffer | null = null
  let size = base.size
  let handle
  try {
    handle = await open(join(input.root, entry.path), fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0))
    const info = await handle.stat()
    size = info.size
    if (!info.isFile()) {
      skipped.push({ path: entry.path, reason: 'not a regular file on disk' })
      return { ...base, size }
    }
    if (size > MAX_COUNT_BYTES) {
      const head = Buffer.alloc(SNIFF_BYTES)
      const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0)
      const binary = head.subarray(0, bytesRead).includes(0)
      skipped.push({ path: entry.path, reason: `too large to count (${Math.round(size / 1048576)} MB)` })
      return { ...base, size, binary }
    }
    content = await handle.readFile()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM') {
      skipped.push({ path: entry.path, reason: 'unreadable (permission denied)' })
      return base
    }
    if (code === 'ELOOP') {
      skipped.push({ path: entry.path, reason: 'a symlink on disk where git has a file' })
      return base
    }
    content = await readBlob(entry, input, skipped)
    if (content === null) return base
    size = content.length
  } finally {
    await handle?.close()
  }
  const binary = content.subarray(0, SNIFF_BYTES).includes(0)
  if (binary) return { ...base, size, binary, language: null }
  const lines = countLines(content)
  if (content.length <= MAX_READ_BYTES && input.onText && (input.wantsText?.(entry.path) ?? true)) {
    await input.onText(entry.path, content.toString('utf8'))
  }
  return { ...base, size, lines }
}

async function readBlob(entry: IndexEntry, input: ReadFilesInput, skipped: SkippedItem[]): Promise<Buffer | null> {
  if (!entry.oid) {
    skipped.push({ path: entry.path, reason: 'missing from the working tree' })
    return null
  }
  try {
    const { blob } = await git.readBlob({ fs, gitdir: input.gitdir, oid: entry.oid, cache: input.cache })
    return Buffer.from(blob)
  } catch {
    skipped.push({ path: entry.path, reason: `not on disk and its git object ${entry.oid.slice(0, 12)} is missing or damaged` })
    return null
  }
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
