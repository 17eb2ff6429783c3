// A repository as the list shows it: branch, last commit, clean/dirty, what git is in the middle of
// (the git layer's state) and any problem. Never throws for a repository that went bad after it was
// added: the problem is part of the answer. Reads every tracked file's stat: the app runs it in a worker
// (worker/repo-jobs.ts), never on the backend's event loop.
import type { CommitSummary, RepoEntry, RepoProblem, RepoView } from '../../../shared/models/repos.ts'
import { GembaError } from '../../../shared/errors.ts'
import { CLEAN_GIT_STATE } from '../../../shared/models/git.ts'
import { plural } from '../../../shared/plural.ts'
import {
  mapGitError,
  openRepository,
  readCommit,
  readHead,
  readIndexEntries,
  readTreeFiles,
  readWorkingState,
  resolveHead,
  shallowCommits,
  stateOf,
  type GitConfigHome,
  type GitRepo,
  type TreeFiles,
} from '../git/git-layer.ts'
import { redactCommitText } from '../secrets/index.ts'

/** Reads HEAD's tree flattened, or answers it from what a caller kept (by tree id: content never changes). */
export type TreeFilesMemo = (gitdir: string, tree: string, read: () => Promise<TreeFiles>) => Promise<TreeFiles>

/** How the changed files are listed. */
export interface ListingOptions {
  /** `all` lists every untracked file, as a commit of them would hold; by default as `git status` shows them. */
  readonly untrackedFiles?: 'all'
  /** Untracked paths not to list (a folder with its `/`): what a test run or an install left. */
  readonly leaveOut?: readonly string[]
}

export interface DescribeOptions extends ListingOptions {
  /** Where the leader's global git config and ignore file are (none: only the repository's own are read). */
  readonly configHome?: GitConfigHome | null
}

export async function describeRepo(
  entry: RepoEntry,
  signal?: AbortSignal,
  trees: TreeFilesMemo = (_gitdir, _tree, read) => read(),
  options: DescribeOptions = {},
): Promise<RepoView> {
  const empty = {
    ...entry,
    branch: null,
    detached: false,
    headCommit: null,
    lastCommit: null,
    state: 'unknown' as const,
    changedFiles: [],
    changedFilesTruncated: false,
    shallow: false,
    gitState: CLEAN_GIT_STATE,
  }
  let repo: GitRepo
  try {
    repo = await openRepository(entry.path)
  } catch (error) {
    return { ...empty, problem: problemOf(error) }
  }
  try {
    return await describeOpened(repo, entry, empty, signal, trees, options)
  } finally {
    repo.close()
  }
}

async function describeOpened(
  repo: GitRepo,
  entry: RepoEntry,
  empty: Omit<RepoView, 'problem'>,
  signal: AbortSignal | undefined,
  trees: TreeFilesMemo,
  options: DescribeOptions,
): Promise<RepoView> {
  const branch = (await readHead(repo).catch(() => null))?.branch ?? null
  const shallow = (await shallowCommits(repo)).length > 0
  let head
  try {
    head = await resolveHead(repo)
  } catch (error) {
    return { ...empty, branch, shallow, problem: broken(error) }
  }
  const index = await readIndexEntries(repo)
  const headFiles = head ? await trees(repo.gitdir, head.tree, () => readTreeFiles(repo, head.tree, signal)) : null
  const state = await readWorkingState({
    repo,
    entries: index.entries,
    headFiles: headFiles?.files ?? null,
    ...(signal ? { signal } : {}),
    configHome: options.configHome ?? null,
    ...(options.untrackedFiles ? { untrackedFiles: options.untrackedFiles } : {}),
    ...(options.leaveOut ? { leaveOut: options.leaveOut } : {}),
  })
  const lastCommit = head ? await readSummary(repo, head.commit) : null
  const gitState = await stateOf(repo).catch(() => CLEAN_GIT_STATE)
  const detached = head !== null && branch === null
  let problem: RepoProblem | null = null
  if (head === null) {
    problem = {
      code: 'no_commits',
      message: 'This repository has no commits yet, so there is no history to read.',
      next: 'Make a first commit, then scan again.',
    }
  } else if (headFiles && headFiles.unreadable.length > 0) {
    problem = {
      code: 'broken',
      message: `Some git objects are missing or damaged (${plural(headFiles.unreadable.length, 'folder')} of HEAD cannot be read).`,
      next: 'Run `git fsck` in the repository, or fetch again; Gemba shows what it can read.',
    }
  } else if (shallow) {
    problem = {
      code: 'shallow',
      message: 'This is a shallow clone: history stops at the clone depth.',
      next: 'Run `git fetch --unshallow` for the full history.',
    }
  }
  return {
    ...entry,
    branch: detached ? null : branch,
    detached,
    headCommit: head?.commit ?? null,
    lastCommit,
    // Nothing found by a walk that could not finish is "could not tell", never "clean".
    state: state.changed.length > 0 ? 'dirty' : state.complete ? 'clean' : 'unknown',
    changedFiles: state.changed,
    changedFilesTruncated: state.truncated,
    shallow,
    problem,
    gitState,
  }
}

async function readSummary(repo: GitRepo, oid: string): Promise<CommitSummary> {
  const commit = await readCommit(repo, oid)
  if (commit === null) throw new Error(`the commit ${oid.slice(0, 12)} is missing or damaged`)
  return {
    oid,
    author: commit.author.name,
    email: commit.author.email,
    date: new Date(commit.author.timestamp * 1000).toISOString(),
    message: redactCommitText(commit.message.split('\n', 1)[0] ?? ''),
  }
}

function problemOf(error: unknown): RepoProblem {
  if (error instanceof GembaError) {
    return {
      code: error.code === 'not_found' ? 'missing' : 'not_a_repository',
      message: error.message,
      ...(error.next ? { next: error.next } : {}),
    }
  }
  return broken(error)
}

function broken(error: unknown): RepoProblem {
  const mapped = mapGitError(error, 'read the repository')
  return { code: 'broken', message: mapped.message, next: mapped.next ?? 'Run `git fsck` in the repository, or clone it again.' }
}
