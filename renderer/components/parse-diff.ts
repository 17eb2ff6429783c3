// Reads a unified diff (one file's, or a whole change's ```diff block) into lines the one DiffView
// shows: file headers, hunk headers, and added, removed and context lines with their old and new line
// numbers and the file each belongs to. Pure, so the review, the journal and the tests share it.

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
