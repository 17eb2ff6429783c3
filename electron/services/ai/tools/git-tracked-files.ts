// The default file list for the repository tools: the paths in the git index (tracked files), so
// build output and dependencies stay out. Read-only; never writes the index.
import * as fs from 'node:fs'
import git from 'isomorphic-git'

export function gitTrackedFiles(root: string): () => Promise<readonly string[]> {
  let cached: Promise<readonly string[]> | undefined
  return () => (cached ??= git.listFiles({ fs, dir: root }).catch(() => [] as string[]))
}
