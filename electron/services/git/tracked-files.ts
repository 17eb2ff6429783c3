// The tracked files of a working tree (the paths in its git index, each once even while a conflict
// holds several stages), for the repository tools' default file list: build output and dependencies
// stay out. Read lazily, once per reader. Read-only; never writes the index. A repository whose index
// cannot be read lists nothing (the tools then say there is nothing to search).
import { readIndexFile } from './index-lock.ts'
import { withRepository, type GitRepo } from './repository.ts'

export async function listTrackedFiles(repo: GitRepo): Promise<string[]> {
  const index = await readIndexFile(repo.gitdir)
  return [...new Set(index.entries.map((entry) => entry.path.toString('utf8')))]
}

/** A reader of the tracked files that reads the index the first time it is asked, then answers the same list. */
export function gitTrackedFiles(root: string): () => Promise<readonly string[]> {
  let cached: Promise<readonly string[]> | undefined
  return () => (cached ??= withRepository(root, listTrackedFiles).catch(() => [] as string[]))
}
