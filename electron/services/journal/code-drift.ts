// "How much of the code this session discussed has changed since": given the cited files and a
// callback that says whether a file changed between two commits (the caller wires git). Never
// touches a repository itself.
import type { JournalCitation, JournalCodeDrift } from '../../../shared/models/journal.ts'

/** Answers whether `path` differs between the two commits; null when it cannot tell (e.g. repo gone). */
export type FileChangedBetween = (path: string, fromCommit: string, toCommit: string) => Promise<boolean | null>

export async function codeDrift(input: {
  readonly citations: readonly JournalCitation[]
  readonly fromCommit: string
  readonly toCommit: string
  readonly changed: FileChangedBetween
  readonly signal?: AbortSignal
}): Promise<JournalCodeDrift> {
  const paths = [...new Set(input.citations.map((citation) => citation.path.replace(/^\.\//, '')))]
  const files: { path: string; changed: boolean | null }[] = []
  for (const path of paths) {
    input.signal?.throwIfAborted()
    const changed = input.fromCommit === input.toCommit ? false : await input.changed(path, input.fromCommit, input.toCommit)
    files.push({ path, changed })
  }
  const changedCount = files.filter((file) => file.changed === true).length
  const unknown = files.filter((file) => file.changed === null).length
  return { total: paths.length, changed: changedCount, files, summary: driftSentence(paths.length, changedCount, unknown) }
}

export function driftSentence(total: number, changed: number, unknown = 0): string {
  if (total === 0) return 'This session cited no files.'
  const noun = total === 1 ? 'cited file' : 'cited files'
  const head =
    total === 1
      ? `The ${noun} ${changed === 1 ? 'changed' : 'has not changed'} since this session.`
      : changed === 0
      ? `None of the ${total} ${noun} changed since this session.`
      : changed === total
        ? `All ${total} ${noun} changed since this session.`
        : `${changed} of the ${total} ${noun} changed since this session.`
  return unknown > 0 ? `${head} ${unknown} could not be checked.` : head
}
