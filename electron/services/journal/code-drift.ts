// "How much of the code this session discussed has changed since": given the cited files and a
// callback that says whether a file changed between two commits, and one that re-anchors each
// citation to today's code (the caller wires git). Never touches a repository itself.
import type { CitationAnchor, JournalCitation, JournalCodeDrift } from '../../../shared/models/journal.ts'

/** Answers whether `path` differs between the two commits; null when it cannot tell (e.g. repo gone). */
export type FileChangedBetween = (path: string, fromCommit: string, toCommit: string) => Promise<boolean | null>

/** Where each citation is in the code at `toCommit` (by content, following renames). */
export type AnchorCitations = (
  citations: readonly JournalCitation[],
  fromCommit: string,
  toCommit: string,
  signal?: AbortSignal,
) => Promise<CitationAnchor[]>

export async function codeDrift(input: {
  readonly citations: readonly JournalCitation[]
  readonly fromCommit: string
  readonly toCommit: string
  readonly changed: FileChangedBetween
  readonly anchor?: AnchorCitations
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
  const drift = { total: paths.length, changed: changedCount, files, summary: driftSentence(paths.length, changedCount, unknown) }
  if (!input.anchor || input.citations.length === 0) return drift
  const anchors = await input.anchor(input.citations, input.fromCommit, input.toCommit, input.signal)
  return { ...drift, anchors, summary: anchorSentence(anchors) }
}

/** "Of the 7 cited places, 2 moved, 1 changed and 1 vanished since this session." */
export function anchorSentence(anchors: readonly CitationAnchor[]): string {
  const count = (status: CitationAnchor['status']) => anchors.filter((anchor) => anchor.status === status).length
  const total = anchors.length
  const unknown = count('unknown')
  const tail = unknown > 0 ? ` ${unknown} could not be checked.` : ''
  const parts = (['moved', 'changed', 'vanished'] as const)
    .filter((status) => count(status) > 0)
    .map((status) => `${count(status)} ${status}`)
  const places = total === 1 ? 'cited place' : `${total} cited places`
  if (parts.length === 0) {
    if (total === unknown) return `The ${places} could not be checked.`
    const checked = total - unknown
    const subject = checked === 1 ? 'The cited place' : `The ${checked} cited places`
    return `${subject}${unknown ? ' that could be checked' : ''} ${checked === 1 ? 'is where it was' : 'are where they were'}.${tail}`
  }
  const joined = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`
  return `Of the ${places}, ${joined} since this session.${tail}`
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
