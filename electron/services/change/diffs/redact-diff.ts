// A change's diff as it may leave the leader's view (to Claude, into the session and the journal):
// each file's old and new sides are redacted as that file (its own path, so YAML is read as YAML and
// a `.env.example` as dotenv), then the diff is put back together line for line, and the whole passes
// the redactor once more. The leader's own review of their files is not this; it is local.
import type { FileChange } from '../../../../shared/models/change.ts'
import type { Redactor } from '../../secrets/index.ts'
import { combinedDiff } from './file-diff.ts'

const HEADER = /^(---|\+\+\+|@@|\\ No newline|diff |index |Index:|=+$)/

/** One file's unified diff with every credential on either side redacted. */
async function redactFileDiff(redactor: Pick<Redactor, 'redact'>, file: FileChange): Promise<FileChange> {
  const lines = file.diff.split('\n')
  const sides = { old: [] as number[], new: [] as number[] }
  for (const [index, line] of lines.entries()) {
    if (HEADER.test(line)) continue
    if (line.startsWith('-') || line.startsWith(' ') || line === '') sides.old.push(index)
    if (line.startsWith('+') || line.startsWith(' ') || line === '') sides.new.push(index)
  }
  const out = [...lines]
  for (const indexes of [sides.old, sides.new]) {
    const text = indexes.map((index) => lines[index]!.slice(1)).join('\n')
    const redacted = await redactor.redact(file.path, text)
    if (redacted.redactions.length === 0) continue
    const redactedLines = redacted.text.split('\n')
    for (const [at, index] of indexes.entries()) {
      const line = redactedLines[at] ?? ''
      if (line !== lines[index]!.slice(1)) out[index] = `${lines[index]![0] ?? ' '}${line}`
    }
  }
  return { ...file, diff: out.join('\n') }
}

/** The combined diff of `files`, redacted file by file and then as a whole. */
export async function redactedDiff(redactor: Pick<Redactor, 'redact'>, files: readonly FileChange[]): Promise<string> {
  const redacted = await Promise.all(files.map((file) => redactFileDiff(redactor, file)))
  return (await redactor.redact('(the change)', combinedDiff(redacted))).text
}
