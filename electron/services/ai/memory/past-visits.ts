// What the coach may remember of a repository: the leader's past sessions on it (from their journal,
// newest first) and what changed in the repository since the last one. Plain data, and the port the
// AI service reads it through; the composition root wires it to the journal and git.
import type { JournalSessionRecord } from '../../../../shared/models/journal.ts'
import type { CommitLine } from '../../git/git-layer.ts'

export interface SinceLastVisit {
  /** The last session's commit and the repository's HEAD now. */
  readonly fromCommit: string
  readonly toCommit: string
  readonly commits: readonly CommitLine[]
  readonly truncated: boolean
  /** Of the files the past sessions looked at or changed, those that differ now. */
  readonly changedPaths: readonly string[]
}

export interface PastVisits {
  readonly sessions: readonly JournalSessionRecord[]
  readonly since: SinceLastVisit | null
}

/** Null when the leader has no past session on the repository (or the journal cannot be read). */
export type PastVisitsSource = (repoId: string, signal: AbortSignal) => Promise<PastVisits | null>
