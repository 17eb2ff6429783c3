// Keeps a commit reachable after its branch is deleted: refs/gemba/kept/<branch> points at it, so the
// deletion can be undone (and git gc keeps the commit) until Gemba lets it go, once the session's
// journal entry is written. Writes only under refs/gemba/.
import git from 'isomorphic-git'
import type { GitRepo } from './repository.ts'
import { gitFs } from './git-fs.ts'

export const KEPT_PREFIX = 'refs/gemba/kept/'

export function keptRefOf(branch: string): string {
  return `${KEPT_PREFIX}${branch}`
}

export async function keepCommit(repo: GitRepo, branch: string, commit: string): Promise<string> {
  const ref = keptRefOf(branch)
  await git.writeRef({ fs: gitFs, gitdir: repo.commondir, ref, value: commit, force: true })
  return ref
}

export async function keptCommit(repo: GitRepo, branch: string): Promise<string | null> {
  return git.resolveRef({ fs: gitFs, gitdir: repo.commondir, ref: keptRefOf(branch) }).catch(() => null)
}

/** Lets the kept commit go (a later git gc may remove it). Nothing happens when none is kept. */
export async function releaseKept(repo: GitRepo, branch: string): Promise<void> {
  if ((await keptCommit(repo, branch)) === null) return
  await git.deleteRef({ fs: gitFs, gitdir: repo.commondir, ref: keptRefOf(branch) })
}
