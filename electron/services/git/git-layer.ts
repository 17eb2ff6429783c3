// The git layer's door: every git operation other domains need, one per file behind it (as GitHub
// Desktop's lib/git), each taking the repository handle openRepository gives (caches inside it), with
// one error mapper. Only this folder imports isomorphic-git or reads a .git folder (a lint rule holds
// it); its plumbing (the index's encoding, the object reader, the file system isomorphic-git writes
// through) stays behind this door. Reads never write; writes follow git's lock files and keep every
// index entry and tree name they do not change byte for byte. (Named so, not index.ts: git has an
// index of its own, and index-file.ts, index-entries.ts and index-lock.ts are about that one.)
export { openRepository, withRepository, holdsRepository, repositoryIdentity, type GitRepo } from './repository.ts'
export { mapGitError, withGitErrors } from './map-git-error.ts'
export { MODE_GITLINK, MODE_SYMLINK } from './index-file.ts'
export { removeOwnedLocks, type WitnessedLock } from './stale-locks.ts'
export { readIndexEntries, type IndexEntry } from './index-entries.ts'
export { gitTrackedFiles } from './tracked-files.ts'
export { readWorkingState } from './working-state.ts'
export type { GitConfigHome } from './git-config.ts'
export { readHead, resolveCommit, branchCommit, pointHeadAt } from './head-ref.ts'
export { resolveHead, readTreeFiles, type TreeFiles } from './head-files.ts'
export { shallowCommits } from './shallow.ts'
export { readCommit, readBlob, blobContent } from './object-reads.ts'
export { treeOfCommit } from './commit-tree.ts'
export { readFileAtCommit } from './read-at-commit.ts'
export {
  readInSnapshot,
  revisionLabel,
  sideOf,
  snapshotNow,
  workingTreeSnapshot,
  type ReadSide,
  type RepoSnapshot,
} from './repo-snapshot.ts'
export { fileChangedBetween } from './changed-between.ts'
export { anchorCitations } from './anchor-citations.ts'
export { commitsSince, type CommitLine } from './commits-since.ts'
export { hasCommit } from './commit-log.ts'
export { readGitIdentity } from './git-identity.ts'
export { operationInProgress } from './operation-in-progress.ts'
export { stateOf } from './repository-state.ts'
export { checkCanWrite } from './write-check.ts'
export { entryAt, type BlobRef } from './tree-edit.ts'
export { buildCommit, type CommitAuthor } from './build-commit.ts'
export { commitOnCurrentBranch, fileAsCommitted } from './commit-on-branch.ts'
export { recordInIndex } from './record-in-index.ts'
export { switchToBranch } from './switch-branch.ts'
export { createBranch, deleteBranchRef, listBranchNames, isPushed, firstRemote } from './branch-ref.ts'
export { keepCommit, keptCommit, releaseKept } from './keep-ref.ts'
export { pushGembaBranch } from './push-branch.ts'
export { withoutCredentials } from './without-credentials.ts'
