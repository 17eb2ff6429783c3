// The git layer's second, narrow door: the object reader the scan's history worker needs, without
// loading the whole layer (every module a worker thread loads adds to its start-up, and the history
// read waits for it). Everything here is also exported by index.ts, the door for everyone else.
export { GitObjects } from './git-objects.ts'
export type { ParsedCommit } from './parse-commit.ts'
