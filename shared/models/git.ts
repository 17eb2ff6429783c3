// What git is in the middle of in a repository, and what that means for Gemba: an operation left
// unfinished, a detached HEAD, a held index lock, conflicts, submodules, Git LFS. The repos domain
// shows it on every repository; the change domain refuses to land while a blocker stands. Plain
// serialisable data; no logic.

export type GitOperationKind = 'rebase' | 'merge' | 'cherry-pick' | 'revert' | 'bisect' | 'am'

export interface GitOperation {
  readonly kind: GitOperationKind
  /** A sentence for the leader: "A rebase of main onto 1a2b3c4 is in progress." */
  readonly summary: string
  /** How to finish it, and how to undo it, as git commands. */
  readonly finish: string
  readonly abort: string | null
}

export type GitBlockerCode =
  'operation' | 'detached' | 'index_locked' | 'unmerged' | 'submodule' | 'lfs' | 'unsupported_index' | 'file_name'

/** Something that stops Gemba landing (or undoing) a change until the leader deals with it in git. */
export interface GitBlocker {
  readonly code: GitBlockerCode
  readonly message: string
  /** What to finish first, in one sentence with the git command. */
  readonly next: string
  /** The files concerned, when there are some (conflicts, LFS files, submodules). */
  readonly paths?: readonly string[]
}

export interface SubmoduleChange {
  readonly path: string
  /** The commit the repository records for it, and the one checked out in it (null: not checked out). */
  readonly recorded: string
  readonly checkedOut: string | null
}

export interface GitRepositoryState {
  readonly operation: GitOperation | null
  /** HEAD points at a commit, not a branch. */
  readonly detached: boolean
  /** `.git/index.lock` exists: a git program is (or was, until it crashed) writing the index. */
  readonly indexLocked: boolean
  /** Paths with unresolved conflicts (index stages 1-3). */
  readonly unmergedPaths: readonly string[]
  /** Submodules checked out at another commit than the one recorded. */
  readonly submodules: readonly SubmoduleChange[]
  /** `.gitattributes` patterns stored with Git LFS (filter=lfs): Gemba cannot commit those files. */
  readonly lfsPatterns: readonly string[]
  /** What stops a change landing here now, the most important first; empty when nothing does. */
  readonly blockers: readonly GitBlocker[]
}

export const CLEAN_GIT_STATE: GitRepositoryState = {
  operation: null,
  detached: false,
  indexLocked: false,
  unmergedPaths: [],
  submodules: [],
  lfsPatterns: [],
  blockers: [],
}
