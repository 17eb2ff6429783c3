// Checks out another branch the way `git switch` does, touching only what differs between the two
// commits: each such file must be as HEAD has it (on disk and in the index), else nothing is changed
// and the leader is told which edits are in the way; then the files are written, their index entries
// recorded (every other entry keeps its exact bytes), and HEAD moved last.
import { lstat, readFile, readdir, readlink, rm, rmdir, symlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import git from 'isomorphic-git'
import { GembaError } from '../../../shared/errors.ts'
import { writeFileAtomic } from '../fs/atomic-write.ts'
import type { GitRepo } from './repository.ts'
import { blobContent } from './object-reads.ts'
import { treeOfCommit } from './commit-tree.ts'
import { branchCommit, pointHeadAt, readHead } from './head-ref.ts'
import { readIndexFile } from './index-lock.ts'
import { recordInIndex } from './record-in-index.ts'
import { treeDifferences, type TreeDifference } from './tree-diff.ts'
import type { BlobRef } from './tree-edit.ts'

const isUtf8 = (bytes: Buffer) => Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)
const isLink = (blob: BlobRef | null) => blob?.mode === '120000'
const isGitlink = (blob: BlobRef | null) => blob?.mode === '160000'

/** The blob id of what is on disk at `path` (a link's target for a link), or null when nothing is. */
async function diskBlob(repo: GitRepo, path: string): Promise<string | null> {
  const absolute = join(repo.root, ...path.split('/'))
  const info = await lstat(absolute).catch(() => null)
  if (!info || info.isDirectory()) return null
  const content = info.isSymbolicLink() ? Buffer.from(await readlink(absolute)) : await readFile(absolute)
  return (await git.hashBlob({ object: content })).oid
}

/** The paths whose local state would be lost by the switch (edited, staged, or an untracked file in the way). */
async function inTheWay(repo: GitRepo, differences: readonly TreeDifference[]): Promise<string[]> {
  const index = new Map(
    (await readIndexFile(repo.gitdir)).entries
      .filter((entry) => entry.stage === 0)
      .map((entry) => [entry.path.toString('latin1'), entry.oid]),
  )
  const blocked: string[] = []
  for (const { path: bytes, before, after } of differences) {
    const path = bytes.toString('utf8')
    const staged = index.get(bytes.toString('latin1')) ?? null
    if (staged !== (before?.oid ?? null) && staged !== (after?.oid ?? null)) {
      blocked.push(path)
      continue
    }
    if (isGitlink(before) || isGitlink(after)) continue
    const onDisk = await diskBlob(repo, path)
    if (onDisk !== (before?.oid ?? null) && onDisk !== (after?.oid ?? null)) blocked.push(path)
  }
  return blocked
}

async function writeBlob(repo: GitRepo, path: string, blob: BlobRef): Promise<void> {
  const absolute = join(repo.root, ...path.split('/'))
  const content = Buffer.from(await blobContent(repo, blob.oid))
  const current = await lstat(absolute).catch(() => null)
  if (isLink(blob)) {
    if (current) await rm(absolute, { force: true })
    await symlink(content.toString('utf8'), absolute)
    return
  }
  if (current?.isSymbolicLink()) await rm(absolute, { force: true })
  await writeFileAtomic(absolute, content, { makeFolder: true, mode: blob.mode === '100755' ? 0o755 : 0o644 })
}

async function removeFile(repo: GitRepo, path: string): Promise<void> {
  const absolute = join(repo.root, ...path.split('/'))
  await rm(absolute, { force: true })
  for (let folder = dirname(absolute); folder.startsWith(`${repo.root}/`); folder = dirname(folder)) {
    if ((await readdir(folder).catch(() => ['?'])).length > 0) return
    await rmdir(folder).catch(() => undefined)
  }
}

export async function switchToBranch(repo: GitRepo, branch: string): Promise<void> {
  const target = await branchCommit(repo, branch)
  if (target === null)
    throw new GembaError({
      code: 'not_found',
      message: `There is no branch named ${branch} any more.`,
      next: 'Check out the branch you want in git.',
    })
  const head = await readHead(repo)
  const differences =
    head.commit === null || head.commit === target
      ? []
      : await treeDifferences(repo, await treeOfCommit(repo, head.commit), await treeOfCommit(repo, target))
  const oddNames = differences.filter((difference) => !isUtf8(difference.path)).map((difference) => difference.path.toString('utf8'))
  if (oddNames.length > 0) {
    throw new GembaError({
      code: 'refused',
      message: `Switching to ${branch} would rewrite files whose names are not UTF-8 (${oddNames.join(', ')}), which Gemba does not do. Nothing was changed.`,
      next: `Run \`git switch ${branch}\` yourself.`,
    })
  }
  const blocked = await inTheWay(repo, differences)
  if (blocked.length > 0) {
    throw new GembaError({
      code: 'dirty_working_tree',
      message: `Switching to ${branch} would overwrite your edits to ${blocked.join(', ')}. Nothing was changed.`,
      next: 'Commit, stash or undo those edits in your own tools first.',
      details: { paths: blocked },
    })
  }
  const changes = new Map(differences.map((difference) => [difference.path.toString('utf8'), difference.after] as const))
  // Removals first: a file may give way to a folder of the same name.
  for (const { path, before, after } of differences) if (after === null && !isGitlink(before)) await removeFile(repo, path.toString('utf8'))
  for (const [path, after] of changes) if (after && !isGitlink(after)) await writeBlob(repo, path, after)
  if (changes.size > 0) await recordInIndex(repo, changes)
  await pointHeadAt(repo, branch)
}
