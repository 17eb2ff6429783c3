// The check before Gemba writes to a repository (lands a change, returns to a branch, deletes or
// restores one): nothing may be in the way (repository-state.ts), and none of the files it would
// commit may be under Git LFS, inside a submodule, or named in bytes that are not UTF-8. Throws the
// refusal, naming what to finish first; reads only, so a refusal changes no ref, no index, no file.
import type { GitBlocker } from '../../../shared/models/git.ts'
import { treeOfCommit } from './commit-tree.ts'
import { readHead } from './head-ref.ts'
import { readIndexFile } from './index-lock.ts'
import { lfsPaths } from './lfs-files.ts'
import type { GitRepo } from './repository.ts'
import { withGitErrors } from './map-git-error.ts'
import { blockedError, listPaths, stateOf } from './repository-state.ts'
import { gitlinkPaths, insideSubmodule } from './submodule-changes.ts'

export interface WriteIntent {
  /** What Gemba was about to do, for the message: "land the change", "return to main". */
  readonly doing: string
  /** The files it would commit (repository-relative). */
  readonly paths?: readonly string[]
}

/** Everything that stops the write, the most important first (empty: go ahead). */
export async function writeBlockers(repo: GitRepo, intent: WriteIntent): Promise<GitBlocker[]> {
  const blockers = [...(await stateOf(repo)).blockers]
  const paths = intent.paths ?? []
  if (paths.length === 0) return blockers
  const badNames = paths.filter((path) => path.includes('\uFFFD'))
  if (badNames.length > 0) {
    blockers.push({
      code: 'file_name',
      message: `${listPaths(badNames)}: the name is not valid UTF-8, and Gemba cannot commit it as git stored it.`,
      next: 'Leave it out (reject it), or commit it with git.',
      paths: badNames,
    })
  }
  const gitlinks = gitlinkPaths((await readIndexFile(repo.gitdir).catch(() => null))?.entries ?? [])
  const inSubmodules = paths.filter((path) => insideSubmodule(path, gitlinks))
  if (inSubmodules.length > 0) {
    blockers.push({
      code: 'submodule',
      message: `${listPaths(inSubmodules)} ${inSubmodules.length === 1 ? 'belongs' : 'belong'} to a submodule; Gemba commits only to this repository.`,
      next: 'Leave it out (reject it), or commit it inside the submodule with git.',
      paths: inSubmodules,
    })
  }
  const head = await readHead(repo).catch(() => null)
  const headTree = head?.commit ? await treeOfCommit(repo, head.commit) : null
  const lfs = await lfsPaths(repo, paths, headTree)
  if (lfs.length > 0) {
    blockers.push({
      code: 'lfs',
      message: `Git LFS stores ${listPaths(lfs)}: Gemba cannot commit LFS files (it would commit the content where git commits a pointer).`,
      next: 'Leave those files out (reject them), or commit them with git where git-lfs is installed.',
      paths: lfs,
    })
  }
  return blockers
}

/** Throws the refusal when anything stands in the way. */
export async function checkCanWrite(repo: GitRepo, intent: WriteIntent): Promise<void> {
  return withGitErrors(intent.doing, async () => {
    const blockers = await writeBlockers(repo, intent)
    if (blockers.length > 0) throw blockedError(blockers, intent.doing)
  })
}
