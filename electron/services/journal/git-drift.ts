// Reads, through the git layer, whether the files a session cited differ between its commit and the
// repository's HEAD today: the blob ids at both commits are compared. Read-only; a repository that
// is gone or lacks the commit answers "unknown" with a reason, never throws at the caller.
import { locateRepo, objectAtPath, readHead, treeOfCommit } from '../git/index.ts'
import type { AnchorCitations, FileChangedBetween } from './code-drift.ts'
import { anchorCitations } from './git-anchors.ts'

/** An opened repository: its HEAD, a comparison callback for codeDrift, and the citations' re-anchoring. */
export type OpenedRepository =
  | { readonly ok: true; readonly head: string; readonly changed: FileChangedBetween; readonly anchor?: AnchorCitations }
  | { readonly ok: false; readonly reason: string }

/** The port the journal service gets: opens the repository at `path` and checks `commit` is in it. */
export type OpenRepositoryForDrift = (path: string, commit: string, signal?: AbortSignal) => Promise<OpenedRepository>

export const openRepositoryForDrift: OpenRepositoryForDrift = async (path, commit) => {
  const location = await locateRepo(path).catch(() => null)
  if (!location) return { ok: false, reason: `The repository is no longer at ${path}.` }
  const gitdir = location.commondir
  const cache = {}
  const head = (await readHead(location).catch(() => null))?.commit ?? null
  if (head === null) return { ok: false, reason: 'The repository has no commits Gemba can read.' }
  const fromTree = await treeOf(gitdir, commit, cache)
  if (fromTree === null) {
    return { ok: false, reason: `The repository no longer has commit ${commit.slice(0, 10)} (a shallow clone, or history rewritten).` }
  }
  const toTree = await treeOf(gitdir, head, cache)
  if (toTree === null) return { ok: false, reason: 'The repository’s current commit cannot be read.' }
  const trees = new Map([
    [commit, fromTree],
    [head, toTree],
  ])
  return {
    ok: true,
    head,
    anchor: (citations, from, to, signal) => anchorCitations(gitdir, from, to, citations, signal),
    changed: async (file, from, to) => {
      const fromRoot = trees.get(from) ?? (await treeOf(gitdir, from, cache))
      const toRoot = trees.get(to) ?? (await treeOf(gitdir, to, cache))
      if (fromRoot === null || toRoot === null) return null
      const [before, after] = await Promise.all([objectAtPath(gitdir, fromRoot, file), objectAtPath(gitdir, toRoot, file)])
      if (before === undefined || after === undefined) return null
      // A file that exists in neither commit was never there to drift: it cannot be checked.
      if (before === null && after === null) return null
      return before !== after
    },
  }
}

async function treeOf(commondir: string, commit: string, cache: object): Promise<string | null> {
  return treeOfCommit(commondir, commit, cache).catch(() => null)
}
