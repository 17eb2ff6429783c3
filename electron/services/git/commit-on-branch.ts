// A further commit on the branch HEAD is on (the leader's part of a hands-on change): files as they
// are on disk, committed on top of HEAD, the branch moved only if it still points where it did, and
// their index entries recorded. Never touches another branch; every other index entry keeps its bytes.
import { lstat, readFile, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { GembaError } from '../../../shared/errors.ts'
import { buildCommit, type CommitAuthor } from './build-commit.ts'
import type { GitRepo } from './repository.ts'
import { gitFs } from './git-fs.ts'
import { branchCommit, readHead } from './head-ref.ts'
import { recordInIndex } from './record-in-index.ts'

/** What is on disk at `path`, as git would commit it; null when the file is gone. */
export async function fileAsCommitted(root: string, path: string): Promise<{ content: Uint8Array; mode: string } | null> {
  const absolute = join(root, ...path.split('/'))
  const info = await lstat(absolute).catch(() => null)
  if (!info) return null
  if (info.isSymbolicLink()) return { content: Buffer.from(await readlink(absolute)), mode: '120000' }
  return { content: await readFile(absolute), mode: info.mode & 0o100 ? '100755' : '100644' }
}

export async function commitOnCurrentBranch(
  repo: GitRepo,
  paths: readonly string[],
  message: string,
  author: CommitAuthor,
  now?: Date,
): Promise<string> {
  const head = await readHead(repo)
  if (head.branch === null || head.commit === null)
    throw new GembaError({
      code: 'conflict',
      message: 'HEAD is not on a branch, so there is nothing to add a commit to.',
      next: 'Check out the Gemba branch first.',
    })
  const files = new Map<string, { content: Uint8Array; mode: string } | null>()
  for (const path of paths) files.set(path, await fileAsCommitted(repo.root, path))
  const built = await buildCommit(repo, { parent: head.commit, files, message, author, ...(now ? { now } : {}) })
  if ((await branchCommit(repo, head.branch)) !== head.commit) {
    throw new GembaError({
      code: 'conflict',
      message: `${head.branch} moved while Gemba was committing; nothing was committed.`,
      next: 'Try again.',
    })
  }
  await git.writeRef({ fs: gitFs, gitdir: repo.commondir, ref: `refs/heads/${head.branch}`, value: built.commit, force: true })
  await recordInIndex(repo, built.blobs)
  return built.commit
}
