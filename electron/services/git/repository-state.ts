// What git is in the middle of in a working tree, and what stops Gemba writing to it until the leader
// deals with it: an unfinished operation, a detached HEAD, a held index lock, conflicts, a submodule
// moved, an index Gemba cannot write. Read-only: reading the state never takes a lock or writes a byte.
import { GembaError } from '../../../shared/errors.ts'
import type { GitBlocker, GitRepositoryState } from '../../../shared/models/git.ts'
import { plural } from '../../../shared/plural.ts'
import type { GitRepo } from './repository.ts'
import { readHead } from './head-ref.ts'
import { mandatoryExtensions, type GitIndexFile } from './index-file.ts'
import { isIndexLocked, readIndexFile } from './index-lock.ts'
import { lfsPatterns } from './lfs-files.ts'
import { operationInProgress } from './operation-in-progress.ts'
import { submoduleChanges } from './submodule-changes.ts'

const LIST = 5

export function listPaths(paths: readonly string[]): string {
  return paths.slice(0, LIST).join(', ') + (paths.length > LIST ? ` and ${paths.length - LIST} more` : '')
}

export async function stateOf(repo: GitRepo): Promise<GitRepositoryState> {
  const [operation, head, indexLocked, index, lfs] = await Promise.all([
    operationInProgress(repo),
    readHead(repo).catch(() => null),
    isIndexLocked(repo.gitdir),
    readIndexFile(repo.gitdir).catch((error: unknown) => error as Error),
    lfsPatterns(repo.root),
  ])
  const entries = index instanceof Error ? [] : index.entries
  const unmergedPaths = [...new Set(entries.filter((entry) => entry.stage > 0).map((entry) => entry.path.toString('utf8')))]
  const submodules = await submoduleChanges(repo.root, entries)
  const detached = head !== null && head.branch === null && head.commit !== null
  const blockers: GitBlocker[] = []
  if (operation) {
    blockers.push({
      code: 'operation',
      message: `${operation.summary} Gemba does not land or undo a change while git is in the middle of something.`,
      next: `Finish it with \`${operation.finish}\`${operation.abort ? `, or undo it with \`${operation.abort}\`` : ''}, then come back.`,
    })
  } else if (detached) {
    blockers.push({
      code: 'detached',
      message: `HEAD is detached at ${head.commit!.slice(0, 7)}: the clone is not on a branch, so Gemba would have no branch to bring you back to.`,
      next: 'Check out your branch first (`git switch <branch>`), then come back.',
    })
  }
  if (indexLocked) {
    blockers.push({
      code: 'index_locked',
      message: 'Another git program is changing this repository (.git/index.lock exists).',
      next: 'Wait for it to finish. If no git program is running, one crashed: delete .git/index.lock.',
    })
  }
  if (unmergedPaths.length > 0) {
    blockers.push({
      code: 'unmerged',
      message: `${plural(unmergedPaths.length, 'file')} ${unmergedPaths.length === 1 ? 'has' : 'have'} unresolved conflicts: ${listPaths(unmergedPaths)}.`,
      next: 'Resolve them and commit, or abort what caused them, in git first.',
      paths: unmergedPaths,
    })
  }
  for (const change of submodules) {
    blockers.push({
      code: 'submodule',
      message: `The submodule ${change.path} is checked out at ${change.checkedOut?.slice(0, 7) ?? 'nothing'}, not at the ${change.recorded.slice(0, 7)} this repository records.`,
      next: 'Commit the submodule’s new commit, or run `git submodule update` to go back to the recorded one.',
      paths: [change.path],
    })
  }
  const unsupported = unsupportedIndex(index)
  if (unsupported) blockers.push(unsupported)
  return { operation, detached, indexLocked, unmergedPaths, submodules, lfsPatterns: lfs, blockers }
}

function unsupportedIndex(index: GitIndexFile | Error): GitBlocker | null {
  if (index instanceof Error) {
    return {
      code: 'unsupported_index',
      message: `Gemba cannot read this repository's index: ${index.message}`,
      next: 'Run `git status` in the repository; land the change with git itself.',
    }
  }
  const mandatory = mandatoryExtensions(index)
  if (mandatory.length === 0) return null
  const what = mandatory.includes('link')
    ? 'a split index'
    : mandatory.includes('sdir')
      ? 'a sparse index'
      : `the ${mandatory.join(', ')} index extension`
  return {
    code: 'unsupported_index',
    message: `This repository uses ${what}, which Gemba cannot update safely.`,
    next: 'Land the change with git itself (or turn it off, e.g. `git update-index --no-split-index`).',
  }
}

/** A refusal that names the first blocker and carries them all (details.blockers), for the leader. */
export function blockedError(blockers: readonly GitBlocker[], doing: string): GembaError {
  const first = blockers[0]!
  const more = blockers.length > 1 ? ` (and ${blockers.length - 1} more thing${blockers.length > 2 ? 's' : ''} to sort out)` : ''
  return new GembaError({
    code: 'refused',
    message: `Gemba did not ${doing}, and changed nothing: ${first.message}${more}`,
    next: first.next,
    details: { gitBlockers: blockers, doing },
  })
}
