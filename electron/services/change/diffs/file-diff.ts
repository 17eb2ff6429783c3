// Turns a file's before/after text into the unified diff the leader reviews (the `diff` package),
// with its line counts and whether it holds the leader's "your turn" marker. Pure.
import { createTwoFilesPatch } from 'diff'
import type { FileChange } from '../../../../shared/models/change.ts'
import { LEADER_MARKER } from '../drafts/staged-copy.ts'

export function fileDiff(path: string, before: string | null, after: string | null): FileChange {
  const patch = createTwoFilesPatch(
    before === null ? '/dev/null' : `a/${path}`,
    after === null ? '/dev/null' : `b/${path}`,
    before ?? '',
    after ?? '',
    undefined,
    undefined,
    { context: 3 },
  )
  // Drop the "Index:"/"====" preamble the package writes; keep ---/+++ and the hunks.
  const diff = patch.replace(/^(?:Index:.*\n)?=+\n/, '')
  let additions = 0
  let deletions = 0
  for (const line of diff.split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++')) additions++
    else if (line.startsWith('-') && !line.startsWith('---')) deletions++
  }
  return {
    path,
    status: before === null ? 'added' : after === null ? 'deleted' : 'modified',
    diff,
    additions,
    deletions,
    hasLeaderMarker: (after ?? '').includes(LEADER_MARKER),
  }
}

/** The whole change as one patch, for the session record. */
export function combinedDiff(files: readonly FileChange[]): string {
  return files.map((file) => file.diff.trimEnd()).join('\n') + (files.length > 0 ? '\n' : '')
}
