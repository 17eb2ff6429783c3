// Lands an approved change: checks the working tree, then commits the accepted staged files (agent) or
// the leader's edits (manual) on a new gemba/<date>-<slug> branch from HEAD and switches to it, in an
// order a killed process can be recovered from (crash-safe-landing.ts). Nothing is written when a check fails;
// the original branch's ref is never moved; nothing is pushed.
import { GembaError } from '../../../../shared/errors.ts'
import type { AppliedChange, LeftByRun } from '../../../../shared/models/change.ts'
import type { ChangedFile } from '../../../../shared/models/repos.ts'
import { commitOnCurrentBranch, firstRemote, listBranchNames, withRepository, type CommitAuthor } from '../../git/git-layer.ts'
import { gembaBranchName } from './branch-name.ts'
import { headState } from './head-state.ts'
import { landChange, type Landing } from './crash-safe-landing.ts'
import { pushHelp } from './push-help.ts'
import { stagedBytes, type StagedCopy } from '../drafts/staged-copy.ts'
import { leftByRun } from '../working-tree/run-leftovers.ts'

export interface ApplyInput {
  readonly root: string
  readonly request: string
  readonly accepted: readonly string[]
  readonly message: string
  readonly author: CommitAuthor
  /** The leader's changes, file by file: nothing a test run or an install left. */
  readonly changedInWorkingTree: readonly ChangedFile[]
  /** What test runs and installs left (never committed). */
  readonly leftByRuns?: readonly LeftByRun[]
  /** True when the working tree's walk could not finish: clean cannot be told. */
  readonly workingTreeUnknown?: boolean
  readonly now: Date
  /** Steps of the landing, for tests that stop the process at a known point. */
  readonly onStep?: Landing['onStep']
}

function dirty(changed: readonly ChangedFile[]): GembaError {
  const list = changed
    .slice(0, 20)
    .map((file) => `${file.path} (${file.change})`)
    .join(', ')
  return new GembaError({
    code: 'dirty_working_tree',
    message: `The working tree has changes, so Gemba did not touch it: ${list}${changed.length > 20 ? ', …' : ''}.`,
    next: 'Commit, stash or undo those changes in your own tools, then apply again.',
    details: { paths: changed.map((file) => file.path) },
  })
}

/** Lands `files` on a new gemba/ branch from HEAD (see crash-safe-landing.ts for why a kill leaves no half state). */
async function landOnNewBranch(input: ApplyInput, files: ReadonlyMap<string, Uint8Array | null>): Promise<AppliedChange> {
  const head = await headState(input.root)
  const branch = gembaBranchName(input.now, input.request, await withRepository(input.root, listBranchNames))
  const landing = {
    root: input.root,
    branch,
    originalBranch: head.branch,
    base: head.commit,
    files,
    message: input.message,
    author: input.author,
  }
  const commit = await landChange(input.onStep ? { ...landing, onStep: input.onStep } : landing)
  const push = pushHelp(await withRepository(input.root, firstRemote), branch, head.branch ?? head.commit)
  return {
    branch,
    originalBranch: head.branch ?? head.commit,
    baseCommit: head.commit,
    commit,
    files: [...files.keys()],
    push,
    onGembaBranch: true,
    deleted: false,
    restorable: false,
  }
}

/** The agent's change: only on a clean working tree; the staged files must still match the disk. */
export async function applyStaged(input: ApplyInput, staged: StagedCopy): Promise<AppliedChange> {
  if (input.changedInWorkingTree.length > 0) throw dirty(input.changedInWorkingTree)
  if (input.workingTreeUnknown)
    throw new GembaError({
      code: 'dirty_working_tree',
      message: 'Gemba could not tell in time whether the working tree is clean (it has too many folders to read), so it did not touch it.',
      next: 'Run `git status` in the repository; when it shows no changes, apply again.',
    })
  const files = new Map<string, Uint8Array>()
  for (const path of input.accepted) {
    const file = staged.get(path)
    if (!file || file.current === file.original)
      throw new GembaError({
        code: 'invalid_input',
        message: `"${path}" is not part of this change.`,
        next: 'Accept files from the list shown.',
      })
    // In the file's own encoding, byte-order mark and line endings.
    files.set(path, stagedBytes(file))
  }
  await staged.ensureDiskUnchanged(input.accepted)
  return landOnNewBranch(input, files)
}

/** A refusal when an accepted path is something a test run or an install left: never part of a change. */
function refuseLeftovers(input: ApplyInput): void {
  const left = input.accepted.filter((path) => leftByRun(path, input.leftByRuns ?? []))
  if (left.length === 0) return
  throw new GembaError({
    code: 'invalid_input',
    message: `${left.join(', ')} ${left.length === 1 ? 'was' : 'were'} left by a test run or an install, not by you, so Gemba does not commit ${left.length === 1 ? 'it' : 'them'}.`,
    next: 'Accept only your own edits; add the leftovers to .gitignore if the team should never see them.',
  })
}

/** The leader's own edits: a new branch at HEAD keeps them; the accepted paths are committed there. */
export async function applyWorking(input: ApplyInput): Promise<AppliedChange> {
  refuseLeftovers(input)
  const changed = new Set(input.changedInWorkingTree.map((file) => file.path))
  const missing = input.accepted.filter((path) => !changed.has(path))
  if (missing.length > 0)
    throw new GembaError({
      code: 'invalid_input',
      message: `No edits to ${missing.join(', ')} in the working tree.`,
      next: 'Refresh the list of changed files.',
    })
  return landOnNewBranch(input, new Map(input.accepted.map((path) => [path, null])))
}

/** A further commit on the Gemba branch (the leader's part of a hands-on change). */
export async function commitFollowUp(input: ApplyInput, applied: AppliedChange): Promise<AppliedChange> {
  const head = await headState(input.root)
  if (head.branch !== applied.branch) {
    throw new GembaError({
      code: 'conflict',
      message: `The repository is on ${head.branch ?? 'a detached HEAD'}, not ${applied.branch}.`,
      next: `Check out ${applied.branch} to add your part.`,
    })
  }
  refuseLeftovers(input)
  const changed = new Set(input.changedInWorkingTree.map((file) => file.path))
  const paths = input.accepted.filter((path) => changed.has(path))
  if (paths.length === 0)
    throw new GembaError({
      code: 'invalid_input',
      message: 'There are no edits to commit yet.',
      next: 'Write your part in your editor and save the file.',
    })
  const commit = await withRepository(input.root, (repo) => commitOnCurrentBranch(repo, paths, input.message, input.author, input.now))
  return { ...applied, commit, files: [...new Set([...applied.files, ...paths])] }
}
