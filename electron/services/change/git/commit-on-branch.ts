// Git reads and the small writes around a change (land-change.ts lands it): a further commit on the
// Gemba branch, a return to the original branch, and deleting the Gemba branch while unpushed.
// Never touches the original branch's ref, never pushes, never writes outside the root or into .git.
import * as fs from 'node:fs'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { GembaError } from '../../../../shared/errors.ts'
import { gitFs } from './git-fs.ts'

export interface CommitAuthor {
  readonly name: string
  readonly email: string
}

export interface HeadState {
  /** Short branch name, or null when detached. */
  readonly branch: string | null
  readonly commit: string
}

export async function headState(root: string): Promise<HeadState> {
  const commit = await git.resolveRef({ fs: gitFs, dir: root, ref: 'HEAD' }).catch(() => null)
  if (commit === null) {
    throw new GembaError({ code: 'repository_broken', message: 'This repository has no commits yet, so there is no HEAD to branch from.', next: 'Make a first commit, then try again.' })
  }
  const branch = (await git.currentBranch({ fs: gitFs, dir: root, fullname: false })) ?? null
  return { branch, commit }
}

export async function listBranches(root: string): Promise<string[]> {
  return git.listBranches({ fs: gitFs, dir: root })
}

export async function commitPaths(root: string, paths: readonly string[], message: string, author: CommitAuthor): Promise<string> {
  for (const path of paths) {
    const exists = fs.existsSync(join(root, ...path.split('/')))
    if (exists) await git.add({ fs: gitFs, dir: root, filepath: path })
    else await git.remove({ fs: gitFs, dir: root, filepath: path })
  }
  const now = Math.floor(Date.now() / 1000)
  const who = { name: author.name, email: author.email, timestamp: now, timezoneOffset: new Date().getTimezoneOffset() }
  return git.commit({ fs: gitFs, dir: root, message: message.endsWith('\n') ? message : `${message}\n`, author: who, committer: who })
}

/** Checks out `ref` (a branch or commit); refuses when local edits would be overwritten. */
export async function checkoutRef(root: string, ref: string): Promise<void> {
  try {
    await git.checkout({ fs: gitFs, dir: root, ref })
  } catch (error) {
    if ((error as { code?: string }).code === 'CheckoutConflictError') {
      const paths = ((error as { data?: { filepaths?: string[] } }).data?.filepaths ?? []).join(', ')
      throw new GembaError({
        code: 'dirty_working_tree',
        message: `Switching branches would overwrite your edits${paths ? ` to ${paths}` : ''}. Nothing was changed.`,
        next: 'Commit or undo those edits in your editor first.',
      })
    }
    throw error
  }
}

/** True when some remote-tracking branch has this name (the branch was pushed). */
export async function isPushed(root: string, branch: string): Promise<boolean> {
  for (const remote of await git.listRemotes({ fs: gitFs, dir: root })) {
    const remoteBranches = await git.listBranches({ fs: gitFs, dir: root, remote: remote.remote }).catch(() => [] as string[])
    if (remoteBranches.includes(branch)) return true
  }
  return false
}

export async function deleteBranch(root: string, branch: string): Promise<void> {
  await git.deleteBranch({ fs: gitFs, dir: root, ref: branch })
}

export async function firstRemote(root: string): Promise<{ name: string; url: string } | null> {
  const remotes = await git.listRemotes({ fs: gitFs, dir: root })
  const chosen = remotes.find((remote) => remote.remote === 'origin') ?? remotes[0]
  return chosen ? { name: chosen.remote, url: chosen.url } : null
}
