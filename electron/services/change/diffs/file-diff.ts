// Turns a file's before/after text into the change the leader reviews: structured hunks (the `diff`
// package's structuredPatch, numbered as git numbers an empty side), the unified text rendered from
// them, its line counts from the hunks, and whether it holds the leader's "your turn" marker. Pure.
import { structuredPatch } from 'diff'
import type { FileChange } from '../../../../shared/models/change.ts'
import { hunkStats, renderFileDiff, type DiffHunk } from '../../../../shared/diff/unified-diff.ts'
import { LEADER_MARKER } from '../drafts/staged-copy.ts'

export function fileDiff(path: string, before: string | null, after: string | null): FileChange {
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before ?? '', after ?? '', undefined, undefined, { context: 3 })
  // structuredPatch starts an empty side at line 1; git (and the text) at 0.
  const hunks: DiffHunk[] = patch.hunks.map((hunk) => ({
    oldStart: hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart,
    oldLines: hunk.oldLines,
    newStart: hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart,
    newLines: hunk.newLines,
    lines: hunk.lines,
  }))
  const status = before === null ? 'added' : after === null ? 'deleted' : 'modified'
  const { added, removed } = hunkStats(hunks)
  return {
    path,
    status,
    hunks,
    diff: unifiedText({ path, status, hunks }),
    additions: added,
    deletions: removed,
    hasLeaderMarker: (after ?? '').includes(LEADER_MARKER),
  }
}

/** A file change's unified text, rendered from its hunks. */
export function unifiedText(file: Pick<FileChange, 'path' | 'status' | 'hunks'>): string {
  return renderFileDiff(file.status === 'added' ? null : `a/${file.path}`, file.status === 'deleted' ? null : `b/${file.path}`, file.hunks)
}

/** The whole change as one patch, for the session record. */
export function combinedDiff(files: readonly FileChange[]): string {
  return files.map((file) => file.diff.trimEnd()).join('\n') + (files.length > 0 ? '\n' : '')
}
