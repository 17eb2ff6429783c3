// Where HEAD is before a change lands: the branch (or commit, when detached) the new gemba/ branch
// starts from, through the git layer. Read-only; the writes are the git layer's.
import { GembaError } from '../../../../shared/errors.ts'
import { readHead, withRepository } from '../../git/git-layer.ts'

export interface HeadState {
  /** Short branch name, or null when detached. */
  readonly branch: string | null
  readonly commit: string
}

export async function headState(root: string): Promise<HeadState> {
  const head = await withRepository(root, readHead)
  if (head.commit === null) {
    throw new GembaError({
      code: 'repository_broken',
      message: 'This repository has no commits yet, so there is no HEAD to branch from.',
      next: 'Make a first commit, then try again.',
    })
  }
  return { branch: head.branch, commit: head.commit }
}
