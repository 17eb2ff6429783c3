// A change's diff as it may leave the leader's view (to Claude, into the session and the journal):
// each file's old and new sides (read from its hunks) are redacted as that file (its own path, so YAML
// is read as YAML and a `.env.example` as dotenv), the hunks put back together line for line and
// rendered, and the whole passes the redactor once more. The leader's own review of their files is not
// this; it is local.
import type { DiffHunk, FileChange } from '../../../../shared/models/change.ts'
import type { Redactor } from '../../secrets/index.ts'
import { combinedDiff, unifiedText } from './file-diff.ts'

/** One file's change with every credential on either side of its hunks redacted. */
async function redactFileDiff(redactor: Pick<Redactor, 'redact'>, file: FileChange): Promise<FileChange> {
  const lines = file.hunks.map((hunk) => [...hunk.lines])
  const sides = { old: [] as [number, number][], new: [] as [number, number][] }
  for (const [at, hunk] of lines.entries())
    for (const [index, line] of hunk.entries()) {
      if (line.startsWith('-') || line.startsWith(' ')) sides.old.push([at, index])
      if (line.startsWith('+') || line.startsWith(' ')) sides.new.push([at, index])
    }
  const original = (at: number, index: number) => file.hunks[at]!.lines[index]!
  let changed = false
  for (const places of [sides.old, sides.new]) {
    const text = places.map(([at, index]) => original(at, index).slice(1)).join('\n')
    const redacted = await redactor.redact(file.path, text)
    if (redacted.redactions.length === 0) continue
    const redactedLines = redacted.text.split('\n')
    for (const [position, [at, index]] of places.entries()) {
      const line = redactedLines[position] ?? ''
      const before = original(at, index)
      if (line !== before.slice(1)) {
        lines[at]![index] = `${before[0]}${line}`
        changed = true
      }
    }
  }
  if (!changed) return file
  const hunks: DiffHunk[] = file.hunks.map((hunk, at) => ({ ...hunk, lines: lines[at]! }))
  return { ...file, hunks, diff: unifiedText({ ...file, hunks }) }
}

/** The combined diff of `files`, redacted file by file and then as a whole. */
export async function redactedDiff(redactor: Pick<Redactor, 'redact'>, files: readonly FileChange[]): Promise<string> {
  const redacted = await Promise.all(files.map((file) => redactFileDiff(redactor, file)))
  return (await redactor.redact('(the change)', combinedDiff(redacted))).text
}
