// What the session (and so the journal) says about git, read from the repository at the moment it is
// said, never carried over from what Gemba did last: whether the Gemba branch is there and where its
// tip is (a commit made on it in git moves it on), which branch the clone is on, and so whether it went
// back. Deleting the branch and restoring it, going back in git, committing by hand: each leaves a
// record that is still true. Reads only.
import { branchCommit, keptCommit, readHead, withRepository } from '../../git/git-layer.ts'

export interface LandedChange {
  readonly branch: string
  readonly originalBranch: string | null
  /** The commit Gemba made. */
  readonly commit: string
}

export interface GitFacts {
  /** The Gemba branch is gone. */
  readonly branchDeleted: boolean
  /** The clone is on the branch it was on before the change landed. */
  readonly returned: boolean
  /** The branch the clone is on now; null when HEAD is detached. */
  readonly cloneOn: string | null
  /** The Gemba branch's tip now (or, deleted, the commit kept for it); the change's commit when neither is known. */
  readonly branchTip: string
}

export async function gitFactsNow(root: string, change: LandedChange): Promise<GitFacts> {
  return withRepository(root, async (repo) => {
    const [head, tip] = await Promise.all([readHead(repo), branchCommit(repo, change.branch)])
    const kept = tip === null ? await keptCommit(repo, change.branch) : null
    return {
      branchDeleted: tip === null,
      returned: head.branch !== null && head.branch === change.originalBranch,
      cloneOn: head.branch,
      branchTip: tip ?? kept ?? change.commit,
    }
  })
}
