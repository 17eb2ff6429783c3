// Local branches as refs: list them, create one at a commit (never over an existing one), delete one.
// Moves no other ref; HEAD is head-ref.ts's.
import git from 'isomorphic-git'
import { GembaError } from '../../../shared/errors.ts'
import type { GitRepo } from './repository.ts'
import { gitFs } from './git-fs.ts'
import { branchCommit } from './head-ref.ts'

export async function listBranchNames(repo: GitRepo): Promise<string[]> {
  return git.listBranches({ fs: gitFs, gitdir: repo.commondir })
}

export async function createBranch(repo: GitRepo, branch: string, commit: string): Promise<void> {
  if ((await branchCommit(repo, branch)) !== null) {
    throw new GembaError({
      code: 'conflict',
      message: `A branch named ${branch} already exists, so Gemba did not overwrite it.`,
      next: 'Rename or delete that branch in git first.',
    })
  }
  await git.writeRef({ fs: gitFs, gitdir: repo.commondir, ref: `refs/heads/${branch}`, value: commit })
}

export async function deleteBranchRef(repo: GitRepo, branch: string): Promise<void> {
  await git.deleteRef({ fs: gitFs, gitdir: repo.commondir, ref: `refs/heads/${branch}` })
}

/** True when some remote-tracking branch has this name (the branch was pushed). */
export async function isPushed(repo: GitRepo, branch: string): Promise<boolean> {
  for (const remote of await git.listRemotes({ fs: gitFs, gitdir: repo.commondir })) {
    const remoteBranches = await git.listBranches({ fs: gitFs, gitdir: repo.commondir, remote: remote.remote }).catch(() => [] as string[])
    if (remoteBranches.includes(branch)) return true
  }
  return false
}

export async function firstRemote(repo: GitRepo): Promise<{ name: string; url: string } | null> {
  const remotes = await git.listRemotes({ fs: gitFs, gitdir: repo.commondir })
  const chosen = remotes.find((remote) => remote.remote === 'origin') ?? remotes[0]
  return chosen ? { name: chosen.remote, url: chosen.url } : null
}
