// The repos domain: add (saying when a folder was already there, inside one, or another worktree of
// one), list, remove and describe repositories, scan them, give the offline tour, and the browser
// mode's folder picker (folders under the home folder only, and repositories found nearby).
// Serves shared/channels/repos.ts. Plain Node (never imports 'electron'); its store, cache folder,
// clock, ids and the repository work come in through the constructor. Whatever reads a whole repository
// (scan, tour, its git state) is that work's (worker/repo-work.ts): the app's runs in worker threads,
// so no repository, however big, holds up the other calls. Concurrent reads of one repository's state
// are shared (fresh-reads.ts).
import { randomUUID } from 'node:crypto'
import { realpath } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'
import type {
  FolderListing,
  FolderSuggestions,
  RepoAddNotice,
  RepoAdded,
  RepoEntry,
  RepoTour,
  RepoView,
  ScanPhase,
  ScanResult,
} from '../../../shared/models/repos.ts'
import type { Progress } from '../events-port.ts'
import { FreshReads } from './fresh-reads.ts'
import { listFolders } from './folders/list-folders.ts'
import { resolveTypedPath } from '../fs/resolve-typed-path.ts'
import { suggestFolders } from './folders/suggest-folders.ts'
import type { CodeParser } from './parse/code-parser.ts'
import { repositoryIdentity, withRepository } from '../git/git-layer.ts'
import type { ListingOptions } from './describe-repo.ts'
import type { RepoStore } from './repo-store.ts'
import { RepoJobs } from './worker/repo-jobs.ts'
import type { RepoWork } from './worker/repo-work.ts'

export interface RepoServiceDeps {
  readonly store: RepoStore
  readonly cacheFolder: string
  readonly clock?: () => Date
  readonly newId?: () => string
  /**
   * Where repositories are read (scans, tours, git state): the app passes worker threads
   * (WorkerRepoWork); without one, they are read on this thread (RepoJobs, from the options below).
   */
  readonly work?: RepoWork
  /** Creates the code parser once, on first scan; null (or a failure) scans without import edges. */
  readonly createParser?: () => Promise<CodeParser | null>
  readonly historyLimit?: number
  /** The leader's home folder: where `~` and relative paths lead, and all the folder picker shows. */
  readonly home?: string
  /** XDG_CONFIG_HOME, when set: where git's global config and ignore file are looked for first. */
  readonly xdgConfigHome?: string
}

export class RepoService {
  private readonly deps: RepoServiceDeps
  private readonly work: RepoWork
  private readonly views = new FreshReads<RepoView>()

  constructor(deps: RepoServiceDeps) {
    this.deps = deps
    this.work =
      deps.work ??
      new RepoJobs({
        cacheFolder: deps.cacheFolder,
        clock: () => this.now(),
        ...(deps.createParser ? { createParser: deps.createParser } : {}),
        ...(deps.historyLimit ? { historyLimit: deps.historyLimit } : {}),
        ...(deps.home ? { configHome: { home: deps.home, xdgConfigHome: deps.xdgConfigHome } } : {}),
      })
  }

  async list(_input: Record<string, never>, signal: AbortSignal): Promise<RepoView[]> {
    const entries = await this.deps.store.load()
    return Promise.all(entries.map((entry) => this.describe(entry, signal)))
  }

  /**
   * Adds the repository a folder belongs to. `~` and relative paths are read from the home folder.
   * The same repository again, a folder inside one, or another worktree of one says what happened.
   */
  async add(input: { path: string }, signal: AbortSignal): Promise<RepoAdded> {
    const typed = resolveTypedPath(input.path, this.deps.home)
    const { root, identity } = await withRepository(typed, async (repo) => ({ root: repo.root, identity: await repositoryIdentity(repo) }))
    const entries = await this.deps.store.load()
    const realRoot = await realpath(root).catch(() => root)
    const existing = await findAsync(
      entries,
      async (entry) => entry.path === root || (await realpath(entry.path).catch(() => entry.path)) === realRoot,
    )
    const inside = resolve(typed) !== resolve(root) && (await realpath(typed).catch(() => typed)) !== realRoot
    if (existing) {
      const message = inside
        ? `That folder is inside ${existing.name}, which is already in your list. Gemba works on the whole repository, so nothing changed.`
        : `${existing.name} is already in your list (${root}). Nothing changed.`
      return {
        ...(await this.describe(existing, signal)),
        notice: { code: inside ? 'inside_repository' : 'already_added', message },
      }
    }
    const entry: RepoEntry = {
      id: this.deps.newId?.() ?? randomUUID(),
      path: root,
      name: uniqueName(basename(root), entries),
      addedAt: this.now().toISOString(),
    }
    const shared = await this.sameRepository(identity, entries)
    await this.deps.store.save([...entries, entry])
    const notice: RepoAddNotice | null = shared
      ? {
          code: 'worktree',
          message: `This folder is another worktree of ${shared.name}, which is in your list too. It was added as ${entry.name}, with its own branch and working files.`,
        }
      : inside
        ? { code: 'inside_repository', message: `That folder is inside the repository at ${root}; Gemba added the whole repository.` }
        : null
    return { ...(await this.describe(entry, signal)), notice }
  }

  async folders(input: { path?: string | undefined }, signal: AbortSignal): Promise<FolderListing> {
    return listFolders(this.home(), input.path, signal)
  }

  async suggestions(_input: Record<string, never>, signal: AbortSignal): Promise<FolderSuggestions> {
    return suggestFolders(this.home(), await this.deps.store.load(), signal)
  }

  /** A repository in the list that shares its git directory with this one (another worktree of it). */
  private async sameRepository(identity: string, entries: readonly RepoEntry[]): Promise<RepoEntry | undefined> {
    return findAsync(entries, async (entry) => {
      const other = await withRepository(entry.path, repositoryIdentity).catch(() => null)
      return other === identity
    })
  }

  private home(): string {
    if (this.deps.home) return this.deps.home
    throw new GembaError({
      code: 'unavailable',
      message: 'Gemba does not know your home folder here, so it cannot list folders.',
      next: 'Type the full path of the folder instead.',
    })
  }

  async remove(input: { id: string }): Promise<{ removed: boolean }> {
    const entries = await this.deps.store.load()
    const remaining = entries.filter((entry) => entry.id !== input.id)
    if (remaining.length === entries.length) return { removed: false }
    await this.deps.store.save(remaining)
    await this.work.forget(input.id)
    return { removed: true }
  }

  async info(input: { id: string }, signal: AbortSignal): Promise<RepoView> {
    return this.describe(await this.entry(input.id), signal)
  }

  /**
   * The repository as `info` has it, with each untracked file listed (what a commit of the leader's
   * edits would hold), less the untracked paths `leaveOut` names (what a test run left).
   */
  async workingFiles(input: { id: string; leaveOut?: readonly string[] }, signal: AbortSignal): Promise<RepoView> {
    return this.describe(await this.entry(input.id), signal, { untrackedFiles: 'all', leaveOut: input.leaveOut ?? [] })
  }

  /** Scans a repository of the list, reporting each phase as progress (cached unless `force`). */
  async scan(input: { id: string; force?: boolean | undefined }, signal: AbortSignal, progress: Progress): Promise<ScanResult> {
    const entry = await this.entry(input.id)
    return this.scanEntry(entry, input.force ?? false, signal, progress)
  }

  async tour(input: { id: string }, signal: AbortSignal, progress: Progress): Promise<RepoTour> {
    const entry = await this.entry(input.id)
    return this.work.tour(scanRequest(entry, false), signal, progressOf(entry, progress))
  }

  /** Scans a path that need not be in the list (the CLI uses this). */
  async scanPath(path: string, signal: AbortSignal, progress: Progress, force = false): Promise<ScanResult> {
    const root = await withRepository(path, async (repo) => repo.root)
    const id = `path-${Buffer.from(root).toString('base64url').slice(-40)}`
    return this.scanEntry({ id, path: root, name: basename(root), addedAt: this.now().toISOString() }, force, signal, progress)
  }

  private scanEntry(entry: RepoEntry, force: boolean, signal: AbortSignal, progress: Progress): Promise<ScanResult> {
    return this.work.scan(scanRequest(entry, force), signal, progressOf(entry, progress))
  }

  /** One repository's state, read after this call began; concurrent calls for it share reads. */
  private describe(entry: RepoEntry, signal: AbortSignal, listing: ListingOptions = {}): Promise<RepoView> {
    return this.views.read(
      JSON.stringify([entry.id, entry.path, entry.name, listing.untrackedFiles ?? '', listing.leaveOut ?? []]),
      () => this.work.describe(entry, new AbortController().signal, listing),
      signal,
    )
  }

  /**
   * Waits for the scan cache writes still under way (they are written behind the results; up to
   * `graceMs`), then frees what reads repositories (workers, the code parser); a later scan starts again.
   */
  async dispose(graceMs?: number): Promise<void> {
    await this.work.dispose(graceMs)
  }

  private async entry(id: string): Promise<RepoEntry> {
    const entry = (await this.deps.store.load()).find((candidate) => candidate.id === id)
    if (!entry) {
      throw new GembaError({ code: 'not_found', message: 'That repository is not in your list.', next: 'Add it again by its folder.' })
    }
    return entry
  }

  private now(): Date {
    return this.deps.clock?.() ?? new Date()
  }
}

function scanRequest(entry: RepoEntry, force: boolean) {
  return { repoId: entry.id, path: entry.path, name: entry.name, force }
}

function progressOf(entry: RepoEntry, progress: Progress) {
  return (phase: ScanPhase, done: number, total: number) => progress.report('repos.scanProgress', { repoId: entry.id, phase, done, total })
}

async function findAsync<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<T | undefined> {
  for (const item of items) if (await test(item)) return item
  return undefined
}

function uniqueName(name: string, entries: readonly RepoEntry[]): string {
  const taken = new Set(entries.map((entry) => entry.name))
  if (!taken.has(name)) return name
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`
}
