// HEAD: the branch the working tree is on (or the commit, when detached), read from the working
// tree's own git directory, and moved to a branch the way git does (HEAD.lock, then rename). Resolves
// branches through the common directory, packed refs included.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { GembaError } from '../../../shared/errors.ts'
import type { GitRepo } from './repository.ts'
import { gitFs } from './git-fs.ts'
import { replaceUnderLock, type LockOptions } from './lock-file.ts'

export interface HeadRef {
  /** Short branch name ('main'), or null when detached. */
  readonly branch: string | null
  /** The commit HEAD resolves to, or null before the first commit. */
  readonly commit: string | null
}

export async function readHead(repo: GitRepo): Promise<HeadRef> {
  const text = (await readFile(join(repo.gitdir, 'HEAD'), 'utf8')).trim()
  const symbolic = /^ref:\s*(\S+)$/.exec(text)?.[1] ?? null
  if (symbolic === null) return { branch: null, commit: /^[0-9a-f]{40}$/.test(text) ? text : null }
  return { branch: symbolic.replace(/^refs\/heads\//, ''), commit: await resolveCommit(repo, symbolic) }
}

/** The commit a ref or commit id names, or null when it names nothing. */
export async function resolveCommit(repo: GitRepo, ref: string): Promise<string | null> {
  if (/^[0-9a-f]{40}$/.test(ref)) return ref
  return git.resolveRef({ fs: gitFs, gitdir: repo.commondir, ref }).catch(() => null)
}

export async function branchCommit(repo: GitRepo, branch: string): Promise<string | null> {
  return resolveCommit(repo, `refs/heads/${branch}`)
}

/** Points HEAD at `branch` (or, for a commit id, detaches it there). */
export async function pointHeadAt(repo: GitRepo, branchOrCommit: string, options: LockOptions = {}): Promise<void> {
  const value = /^[0-9a-f]{40}$/.test(branchOrCommit) ? `${branchOrCommit}\n` : `ref: refs/heads/${branchOrCommit}\n`
  await replaceUnderLock(
    join(repo.gitdir, 'HEAD'),
    async () => value,
    () =>
      new GembaError({
        code: 'conflict',
        message: 'Another git program is moving HEAD right now (.git/HEAD.lock exists).',
        next: 'Wait for it to finish, then try again.',
      }),
    options,
  )
}
