// The tracked files of a repository, read straight from the git index (fast: one file, no tree walk)
// through the git layer's byte-exact reader: each path also as the bytes git stored, so a name that
// is not UTF-8 (café in Latin-1) is found on disk as it is. Read-only: never writes the index. Falls
// back to HEAD's tree when the index is missing or unreadable.
import { filesAtCommit, resolveHead } from './head-files.ts'
import { readIndexFile } from './index-lock.ts'
import { mapGitError } from './map-git-error.ts'
import type { GitRepo } from './repository.ts'

export interface IndexEntry {
  /** Repository-relative, decoded as UTF-8 for display (a byte that is not UTF-8 shows as �). */
  readonly path: string
  /** The path as git stored it: what the disk is asked for. */
  readonly rawPath: Buffer
  readonly oid: string
  /** git file mode: 0o100644, 0o100755, 0o120000 (symlink), 0o160000 (submodule gitlink). */
  readonly mode: number
  readonly size: number
  readonly mtimeSeconds: number
  readonly mtimeNanoseconds: number
  readonly ino: number
  /** Left out of the working tree by a sparse checkout: not on disk, and not missing either. */
  readonly skipWorktree: boolean
  /** Unresolved: the index holds conflict stages for it (listed once, as ours). */
  readonly unmerged: boolean
}

/**
 * Lists index entries, one per path. Answers source 'tree' when the index could not be read and HEAD's
 * tree was used instead; with `emptyMeansHead`, also when the index lists no file though HEAD has some
 * (a clone whose checkout did not finish): what a reader of the code wants, not what `git status` says.
 */
export async function readIndexEntries(
  repo: GitRepo,
  options: { emptyMeansHead?: boolean } = {},
): Promise<{ entries: IndexEntry[]; source: 'index' | 'tree'; problem: string | null }> {
  let index: Awaited<ReturnType<typeof readIndexFile>>
  try {
    index = await readIndexFile(repo.gitdir)
  } catch (error) {
    return headEntries(repo, `${mapGitError(error, 'read the git index').message} Files were listed from HEAD instead.`)
  }
  if (index.entries.length === 0 && options.emptyMeansHead) {
    const head = await headEntries(repo, '')
    if (head.entries.length > 0)
      return {
        ...head,
        problem: `The git index lists no file though HEAD has ${head.entries.length.toLocaleString('en-US')} (a checkout that did not finish?). Files were listed from HEAD instead.`,
      }
  }
  const entries: IndexEntry[] = []
  for (const raw of index.entries) {
    const previous = entries.at(-1)
    if (raw.stage > 0 && previous && previous.rawPath.equals(raw.path)) {
      // Conflict stages come together, sorted: keep one entry, ours (stage 2) when there is one.
      if (raw.stage === 2) entries[entries.length - 1] = toEntry(raw, true)
      continue
    }
    entries.push(toEntry(raw, raw.stage > 0))
  }
  return { entries, source: 'index', problem: null }
}

/** HEAD's files as index entries (no blob ids, sizes or times: a listing to read, not to compare). */
async function headEntries(repo: GitRepo, problem: string): Promise<{ entries: IndexEntry[]; source: 'tree'; problem: string }> {
  const head = await resolveHead(repo).catch(() => null)
  const files = head ? await filesAtCommit(repo, head.commit).catch(() => [] as string[]) : []
  return {
    entries: files.map((path) => ({
      path,
      rawPath: Buffer.from(path),
      oid: '',
      mode: 0o100644,
      size: -1,
      mtimeSeconds: 0,
      mtimeNanoseconds: 0,
      ino: 0,
      skipWorktree: false,
      unmerged: false,
    })),
    source: 'tree',
    problem,
  }
}

function toEntry(
  raw: {
    path: Buffer
    oid: string
    mode: number
    size: number
    mtimeSeconds: number
    mtimeNanoseconds: number
    ino: number
    skipWorktree: boolean
  },
  unmerged: boolean,
): IndexEntry {
  return {
    path: raw.path.toString('utf8'),
    rawPath: raw.path,
    oid: raw.oid,
    mode: raw.mode,
    size: raw.size,
    mtimeSeconds: raw.mtimeSeconds,
    mtimeNanoseconds: raw.mtimeNanoseconds,
    ino: raw.ino,
    skipWorktree: raw.skipWorktree,
    unmerged,
  }
}
