// The one reader and writer of unified diffs, for the main process and the page alike. A file's change
// is data (FileChange.hunks: the `diff` package's structuredPatch hunks, with git's numbering of an
// empty side); its unified text is only a rendering of them (renderFileDiff). parseDiff reads any
// unified text (one file's, a whole change's, a ```diff block, a stored session's) into lines: file
// headers, hunk headers, and added, removed and context lines with their old and new line numbers and
// the file each belongs to. Everything that reads a diff (the review's DiffView, the redaction, whose
// hands wrote a change, the journal's memory of what a change touched) reads it here. Pure.
import type { DiffHunk } from '../models/change.ts'

export type { DiffHunk }

export type DiffLineKind = 'file' | 'hunk' | 'add' | 'del' | 'ctx'

export interface DiffLine {
  readonly kind: DiffLineKind
  /** The code without its +/-/space sign; the whole line for file and hunk headers. */
  readonly text: string
  readonly oldNo: number | null
  readonly newNo: number | null
  /** The file the line belongs to (from the ---/+++ headers), when the diff names it. */
  readonly path: string | null
}

function headerPath(line: string): string | null {
  const name = line.slice(4).split('\t')[0]!.trim()
  if (name === '/dev/null' || name === '') return null
  return name.replace(/^[ab]\//, '')
}

/**
 * A hunk's lines are counted from its header, so a removed "-- comment" (written "--- comment") is
 * read as code, not as a file header; a line no hunk body can hold (a new "diff --git" or "@@" after
 * a hand-edited hunk whose counts are off) ends the hunk.
 */
export function parseDiff(diff: string): DiffLine[] {
  const lines: DiffLine[] = []
  let oldNo = 0
  let newNo = 0
  let oldLeft = 0
  let newLeft = 0
  let path: string | null = null
  for (const raw of diff.replace(/\n$/, '').split('\n')) {
    if ((oldLeft > 0 || newLeft > 0) && (raw === '' || ' +-\\'.includes(raw[0]!))) {
      if (raw.startsWith('\\')) continue
      const sign = raw[0]
      const text = raw.slice(1)
      if (sign === '+') {
        lines.push({ kind: 'add', text, oldNo: null, newNo: newNo++, path })
        newLeft--
      } else if (sign === '-') {
        lines.push({ kind: 'del', text, oldNo: oldNo++, newNo: null, path })
        oldLeft--
      } else {
        lines.push({ kind: 'ctx', text, oldNo: oldNo++, newNo: newNo++, path })
        oldLeft--
        newLeft--
      }
      continue
    }
    oldLeft = 0
    newLeft = 0
    if (
      raw.startsWith('diff --git') ||
      raw.startsWith('index ') ||
      raw.startsWith('new file mode') ||
      raw.startsWith('deleted file mode')
    ) {
      const named = /^diff --git a\/.+ b\/(.+)$/.exec(raw)
      if (named?.[1]) path = named[1]
      lines.push({ kind: 'file', text: raw, oldNo: null, newNo: null, path })
      continue
    }
    if (raw.startsWith('--- ') || raw.startsWith('+++ ')) {
      // "---" starts a file (its old name; none for a new file), "+++" names it as it is now.
      const named = headerPath(raw)
      path = raw.startsWith('--- ') ? named : (named ?? path)
      lines.push({ kind: 'file', text: raw, oldNo: null, newNo: null, path })
      continue
    }
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(raw)
    if (hunk) {
      oldNo = Number(hunk[1])
      newNo = Number(hunk[3])
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2])
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4])
      lines.push({ kind: 'hunk', text: raw, oldNo: null, newNo: null, path })
      continue
    }
    // Outside a hunk: a line the headers did not announce (a hand-edited diff) is shown as it is.
    if (!raw.startsWith('\\') && raw !== '') lines.push({ kind: 'ctx', text: raw, oldNo: null, newNo: null, path })
  }
  return lines
}

export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((line) => line.kind === 'add').length,
    removed: lines.filter((line) => line.kind === 'del').length,
  }
}

/** A hunk's header line, with both counts (as the `diff` package writes it). */
export function hunkHeader(hunk: DiffHunk): string {
  return `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`
}

/** One file's unified text: its ---/+++ names (null: the side is absent, /dev/null) and its hunks. */
export function renderFileDiff(oldName: string | null, newName: string | null, hunks: readonly DiffHunk[]): string {
  const out = [`--- ${oldName ?? '/dev/null'}`, `+++ ${newName ?? '/dev/null'}`]
  for (const hunk of hunks) out.push(hunkHeader(hunk), ...hunk.lines)
  return `${out.join('\n')}\n`
}

/** Lines added and removed by the hunks (a line "+++" or "---" of code counts as what it is). */
export function hunkStats(hunks: readonly DiffHunk[]): { added: number; removed: number } {
  let added = 0
  let removed = 0
  for (const hunk of hunks)
    for (const line of hunk.lines) {
      if (line.startsWith('+')) added++
      else if (line.startsWith('-')) removed++
    }
  return { added, removed }
}

/** The files a unified text touches (added, changed or deleted), in order, each once. */
export function diffPaths(diff: string): string[] {
  const paths = new Set<string>()
  for (const line of parseDiff(diff)) if (line.kind !== 'file' && line.kind !== 'hunk' && line.path !== null) paths.add(line.path)
  return [...paths]
}
