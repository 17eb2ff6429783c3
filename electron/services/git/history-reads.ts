// The git layer's second, narrow door: what the scan's history read needs (a repository handle, its
// commits and the paths each changed), without loading the whole layer (every module a worker thread
// loads adds to its start-up, and the history read waits for it). Everything here is also exported by
// git-layer.ts, the door for everyone else.
export { openRepository, type GitRepo } from './repository.ts'
export { readCommit, type ParsedCommit } from './object-reads.ts'
export { changedPaths, unreadableTrees } from './tree-diff.ts'
