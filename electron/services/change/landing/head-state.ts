// Where HEAD is before a change lands: the branch (or commit, when detached) the new gemba/ branch
// starts from, through the git layer. Read-only; the writes are the git layer's.
import { GembaError } from '../../../../shared/errors.ts'
import { gitDirsOf, readHead } from '../../git/index.ts'

export interface HeadState {
  /** Short branch name, or null when detached. */
  readonly branch: string | null
  readonly commit: string
}

export async function headState(root: string): Promise<HeadState> {
  const head = await readHead(await gitDirsOf(root))
  if (head.commit === null) {
    throw new GembaError({
      code: 'repository_broken',
      message: 'This repository has no commits yet, so there is no HEAD to branch from.',
      next: 'Make a first commit, then try again.',
    })
  }
  return { branch: head.branch, commit: head.commit }
}
