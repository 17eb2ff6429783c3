// Builds a commit off to the side: the blobs of the files it changes, the tree (its parent's tree with
// those paths replaced, siblings kept byte for byte) and the commit object. Writes objects only: no
// ref, no index, no file; a process killed here leaves at most unreferenced objects.
import git from 'isomorphic-git'
import type { GitRepo } from './repository.ts'
import { gitFs } from './git-fs.ts'
import { treeOfCommit } from './commit-tree.ts'
import { entryAt, writeTreeWith, type BlobRef } from './tree-edit.ts'

export interface CommitAuthor {
  readonly name: string
  readonly email: string
}

export interface CommitPlan {
  /** The parent commit. */
  readonly parent: string
  /** Repository-relative path → its new content (null: deleted), and its mode when it is new ('100644' unless given). */
  readonly files: ReadonlyMap<string, { readonly content: Uint8Array; readonly mode?: string } | null>
  readonly message: string
  readonly author: CommitAuthor
  readonly now?: Date
}

export interface BuiltCommit {
  readonly commit: string
  /** What each path now holds in the commit (null: deleted). */
  readonly blobs: ReadonlyMap<string, BlobRef | null>
}

export async function buildCommit(repo: GitRepo, plan: CommitPlan): Promise<BuiltCommit> {
  const parentTree = await treeOfCommit(repo, plan.parent)
  const blobs = new Map<string, BlobRef | null>()
  for (const [path, file] of plan.files) {
    if (file === null) {
      blobs.set(path, null)
      continue
    }
    const existing = await entryAt(repo, parentTree, path)
    const oid = await git.writeBlob({ fs: gitFs, gitdir: repo.commondir, blob: file.content })
    blobs.set(path, { oid, mode: file.mode ?? existing?.mode ?? '100644' })
  }
  const tree = await writeTreeWith(repo, parentTree, blobs)
  const now = plan.now ?? new Date()
  const who = {
    name: plan.author.name,
    email: plan.author.email,
    timestamp: Math.floor(now.getTime() / 1000),
    timezoneOffset: now.getTimezoneOffset(),
  }
  const message = plan.message.endsWith('\n') ? plan.message : `${plan.message}\n`
  const commit = await git.writeCommit({
    fs: gitFs,
    gitdir: repo.commondir,
    commit: { message, tree, parent: [plan.parent], author: who, committer: who },
  })
  return { commit, blobs }
}
