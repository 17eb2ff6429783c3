// What a test run or an install Gemba started left in a working tree that git shows (a cache folder
// the repository does not ignore, a coverage file, a virtualenv): the paths `git status` lists after
// the run and did not list before it. They are never the leader's change: the working tree's view
// lists them apart, and they are never accepted, committed or counted as an edit. Read twice, before
// and after: as `git status` lists them (a new folder once, so a virtualenv is one path, not
// thousands), then file by file outside those folders (a file a run wrote in the leader's new folder).
// While a run goes, whatever is new since it began counts as its own (a leader who applies mid-run
// commits only what was there before). Kept per repository in memory for the service's life; a path
// stops being a leftover once it is gone from the disk. Reads only (through the port it is given);
// never writes a repository.
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import type { LeftByRun } from '../../../../shared/models/change.ts'
import type { ChangedFile } from '../../../../shared/models/repos.ts'

/** The working tree's changes as `git status` lists them, or file by file less the paths named. */
export interface StatusReader {
  asGit(): Promise<readonly ChangedFile[]>
  byFile(leaveOut: readonly string[]): Promise<readonly ChangedFile[]>
}

interface Kept {
  readonly root: string
  readonly paths: Map<string, LeftByRun>
}

export class RunLeftovers {
  readonly #byRepo = new Map<string, Kept>()
  /** Per repository, the runs going now: what each found before it began, file by file. */
  readonly #running = new Map<string, Set<{ readonly by: LeftByRun['by']; readonly before: ReadonlySet<string> }>>()

  /** Runs `work` between two readings of the working tree; what is new after it is remembered as left by it, pass or fail. */
  async around<T>(repo: { id: string; path: string }, by: LeftByRun['by'], status: StatusReader, work: () => Promise<T>): Promise<T> {
    const known = await this.of(repo.id)
    const leaveOut = known.map((left) => left.path)
    const pathsOf = (files: readonly ChangedFile[]) => new Set(files.map((file) => file.path))
    const [asGit, byFile] = await Promise.all([status.asGit(), status.byFile(leaveOut)])
    const beforeAsGit = pathsOf(asGit)
    const beforeByFile = pathsOf(byFile)
    const running = { by, before: beforeByFile }
    const runs = this.#running.get(repo.id) ?? new Set()
    this.#running.set(repo.id, runs.add(running))
    try {
      return await work()
    } finally {
      runs.delete(running)
      if (runs.size === 0) this.#running.delete(repo.id)
      const found: string[] = []
      try {
        for (const path of pathsOf(await status.asGit())) if (!beforeAsGit.has(path)) found.push(path)
        const folders = found.filter((path) => path.endsWith('/'))
        for (const path of pathsOf(await status.byFile([...leaveOut, ...folders])))
          if (!beforeByFile.has(path) && !folders.some((folder) => path.startsWith(folder))) found.push(path)
      } catch {
        // The repository could not be read after the run: nothing more is known to have been left.
      }
      const kept = this.#byRepo.get(repo.id) ?? { root: repo.path, paths: new Map<string, LeftByRun>() }
      for (const path of found) if (!kept.paths.has(path)) kept.paths.set(path, { path, by })
      if (kept.paths.size > 0) this.#byRepo.set(repo.id, kept)
    }
  }

  /** Of `files` (listed file by file), those new since a run still going began: its own, so far. */
  newDuringRuns(repoId: string, files: readonly ChangedFile[]): LeftByRun[] {
    const runs = [...(this.#running.get(repoId) ?? [])]
    if (runs.length === 0) return []
    return files.flatMap((file) => {
      const run = runs.find((candidate) => !candidate.before.has(file.path))
      return run ? [{ path: file.path, by: run.by }] : []
    })
  }

  /** The repository's leftovers still on disk (those gone are forgotten). */
  async of(repoId: string): Promise<LeftByRun[]> {
    const kept = this.#byRepo.get(repoId)
    if (!kept) return []
    for (const path of [...kept.paths.keys()]) {
      const there = await lstat(join(kept.root, ...path.split('/').filter(Boolean))).catch(() => null)
      if (!there) kept.paths.delete(path)
    }
    if (kept.paths.size === 0) this.#byRepo.delete(repoId)
    return [...kept.paths.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }
}

/** Whether `path` is a leftover or lies inside a leftover folder. */
export function leftByRun(path: string, leftovers: readonly LeftByRun[]): boolean {
  return leftovers.some((left) => left.path === path || (left.path.endsWith('/') && path.startsWith(left.path)))
}
