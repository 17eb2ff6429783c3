// The leader's own edits: each changed file of the working tree compared with HEAD, as a unified diff.
// Read-only; binary and oversized files are listed, not diffed.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileChange } from '../../../../shared/models/change.ts'
import type { ChangedFile } from '../../../../shared/models/repos.ts'
import { looksBinary } from '../../fs/looks-binary.ts'
import { openRepository, readFileAtCommit, type GitRepo } from '../../git/git-layer.ts'
import { fileDiff } from '../diffs/file-diff.ts'
import { MAX_EDIT_BYTES } from '../drafts/staged-copy.ts'

export interface WorkingDiff {
  readonly files: FileChange[]
  readonly skipped: { path: string; reason: string }[]
}

/** The file as HEAD has it; null when HEAD has no such file (or it cannot be read: the diff then shows it as new). */
async function headText(repo: GitRepo | null, headCommit: string | null, path: string): Promise<Uint8Array | null> {
  if (headCommit === null || repo === null) return null
  return readFileAtCommit(repo, headCommit, path).catch(() => null)
}

export async function workingDiff(
  root: string,
  headCommit: string | null,
  changed: readonly ChangedFile[],
  signal?: AbortSignal,
): Promise<WorkingDiff> {
  const files: FileChange[] = []
  const skipped: { path: string; reason: string }[] = []
  // A repository that cannot be opened shows every file as new, as when HEAD cannot be read.
  const repo = await openRepository(root).catch(() => null)
  try {
    for (const entry of changed) {
      signal?.throwIfAborted()
      const before = await headText(repo, headCommit, entry.path)
      const after = await readFile(join(root, ...entry.path.split('/'))).catch(() => null)
      const sides = [before, after].filter((side): side is Uint8Array => side !== null)
      if (sides.some((side) => side.byteLength > MAX_EDIT_BYTES)) {
        skipped.push({ path: entry.path, reason: 'too large to show' })
        continue
      }
      if (sides.some(looksBinary)) {
        skipped.push({ path: entry.path, reason: 'binary' })
        continue
      }
      const decode = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes))
      files.push(fileDiff(entry.path, decode(before), decode(after)))
    }
  } finally {
    repo?.close()
  }
  return { files, skipped }
}
