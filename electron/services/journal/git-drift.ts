// Reads, with isomorphic-git, whether the files a session cited differ between its commit and the
// repository's HEAD today: the blob ids at both commits are compared. Read-only; a repository that
// is gone or lacks the commit answers "unknown" with a reason, never throws at the caller.
import * as fs from 'node:fs'
import git from 'isomorphic-git'
import { locateRepo } from '../repos/index.ts'
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
  const { gitdir } = location
  const cache = {}
  const head = await git.resolveRef({ fs, gitdir, ref: 'HEAD' }).catch(() => null)
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
      const [before, after] = await Promise.all([blobAt(gitdir, fromRoot, file, cache), blobAt(gitdir, toRoot, file, cache)])
      if (before === undefined || after === undefined) return null
      // A file that exists in neither commit was never there to drift: it cannot be checked.
      if (before === null && after === null) return null
      return before !== after
    },
  }
}

async function treeOf(gitdir: string, commit: string, cache: object): Promise<string | null> {
  try {
    const { commit: object } = await git.readCommit({ fs, gitdir, oid: commit, cache })
    return object.tree
  } catch {
    return null
  }
}

/** The blob id at `path` under `tree`; null when there is no such file, undefined when a tree is unreadable. */
async function blobAt(gitdir: string, tree: string, path: string, cache: object): Promise<string | null | undefined> {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.')
  let oid = tree
  for (const [index, part] of parts.entries()) {
    let entries
    try {
      entries = (await git.readTree({ fs, gitdir, oid, cache })).tree
    } catch {
      return undefined
    }
    const entry = entries.find((item) => item.path === part)
    if (!entry) return null
    const last = index === parts.length - 1
    if (last) return entry.type === 'tree' ? `tree:${entry.oid}` : entry.oid
    if (entry.type !== 'tree') return null
    oid = entry.oid
  }
  return null
}
