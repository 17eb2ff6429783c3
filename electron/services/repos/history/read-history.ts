// Reads the newest commits (newest first, by commit date, as `git log` does) and the paths each one
// changed. Incremental: commits already in `known` are not read again. Never throws for a missing or
// damaged object: that line of history stops there and the object is listed as skipped. Bounded by a
// number of commits and, when given, a time budget: past it, the commits read so far are the answer.
import type { SkippedItem } from '../../../../shared/models/repos.ts'
import { changedPaths, readCommit, unreadableTrees, type GitRepo, type ParsedCommit } from '../../git/history-reads.ts'
import { redactCommitText } from '../../secrets/index.ts'

export interface CommitRecord {
  readonly oid: string
  readonly tree: string
  readonly parents: readonly string[]
  readonly author: string
  readonly email: string
  /** Author time, seconds since the epoch. */
  readonly time: number
  readonly committed: number
  readonly message: string
  /** Paths changed against the first parent; empty for merges (as `git log --numstat` shows them). */
  readonly paths: readonly string[]
}

export interface ReadHistoryInput {
  readonly repo: GitRepo
  readonly head: string
  readonly limit: number
  readonly known: ReadonlyMap<string, CommitRecord>
  /** Commits recorded in .git/shallow: their parents are absent on purpose. */
  readonly shallow: ReadonlySet<string>
  readonly signal?: AbortSignal
  readonly onProgress?: (done: number, total: number) => void
  /** Milliseconds the walk may take (measured on the thread that walks); past them it stops where it is. */
  readonly budgetMs?: number
}

export interface HistoryRead {
  /** Newest first, at most `limit`. */
  readonly commits: CommitRecord[]
  readonly newlyRead: number
  readonly truncated: boolean
  readonly skipped: SkippedItem[]
  /** True when the time budget ended the walk before `limit` commits (or the end of the history). */
  readonly stopped?: boolean
}

export async function readHistory(input: ReadHistoryInput): Promise<HistoryRead> {
  const objects = new CommitObjects(input)
  const skipped: SkippedItem[] = []
  const commits: CommitRecord[] = []
  const queued = new Set<string>([input.head])
  // A small max-queue by commit time; history queues stay short (one entry per live branch line).
  const queue: CommitRecord[] = []
  let newlyRead = 0
  const load = async (oid: string): Promise<CommitRecord | null> => {
    const known = input.known.get(oid)
    if (known) return known
    const record = await readRecord(oid, input, objects, skipped)
    if (record) newlyRead += 1
    return record
  }
  const stopAt = input.budgetMs === undefined ? Infinity : performance.now() + input.budgetMs
  const first = await load(input.head)
  if (first) queue.push(first)
  let truncated = false
  let stopped = false
  while (queue.length > 0) {
    input.signal?.throwIfAborted()
    if (commits.length >= input.limit) {
      truncated = true
      break
    }
    if (performance.now() >= stopAt) {
      truncated = true
      stopped = true
      break
    }
    queue.sort((a, b) => a.committed - b.committed)
    const next = queue.pop()
    if (!next) break
    commits.push(next)
    if (commits.length % 100 === 0) input.onProgress?.(commits.length, input.limit)
    // Objects are read synchronously; let the event loop breathe (IPC, cancel) every few commits.
    if (commits.length % 25 === 0) await new Promise((resolve) => setImmediate(resolve))
    if (input.shallow.has(next.oid)) continue
    for (const parent of next.parents) {
      if (queued.has(parent)) continue
      queued.add(parent)
      const record = await load(parent)
      if (record) queue.push(record)
    }
  }
  const unreadable = unreadableTrees(input.repo).map((oid) => ({
    path: oid,
    reason: 'missing or damaged tree object (history around it is partial)',
  }))
  return { commits, newlyRead, truncated, skipped: [...skipped, ...unreadable], ...(stopped ? { stopped } : {}) }
}

async function readRecord(
  oid: string,
  input: ReadHistoryInput,
  objects: CommitObjects,
  skipped: SkippedItem[],
): Promise<CommitRecord | null> {
  const commit = await objects.read(oid)
  if (commit === null) {
    skipped.push({ path: oid, reason: 'missing or damaged commit object (history stops there)' })
    return null
  }
  let paths: string[] = []
  if (commit.parents.length <= 1) {
    const parentTree = commit.parents[0] && !input.shallow.has(oid) ? await objects.treeOf(commit.parents[0]) : null
    if (commit.parents.length === 0 || parentTree !== null) paths = await changedPaths(input.repo, parentTree, commit.tree)
  }
  return {
    oid,
    tree: commit.tree,
    parents: commit.parents,
    author: commit.author.name,
    email: commit.author.email,
    time: commit.author.timestamp,
    committed: commit.committer.timestamp,
    // Kept (and cached) redacted: a token pasted into a subject must not reach a view or the AI.
    message: redactCommitText(commit.message.split('\n', 1)[0] ?? ''),
    paths,
  }
}

/** Commit objects read once per history read (each is needed as a child's parent and as itself). */
class CommitObjects {
  private readonly memo = new Map<string, ParsedCommit | null>()
  private readonly input: ReadHistoryInput

  constructor(input: ReadHistoryInput) {
    this.input = input
  }

  async read(oid: string): Promise<ParsedCommit | null> {
    if (this.memo.has(oid)) return this.memo.get(oid) ?? null
    const commit = await readCommit(this.input.repo, oid)
    this.memo.set(oid, commit)
    return commit
  }

  async treeOf(oid: string): Promise<string | null> {
    return this.input.known.get(oid)?.tree ?? (await this.read(oid))?.tree ?? null
  }
}
