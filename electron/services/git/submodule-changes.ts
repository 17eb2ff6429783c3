// Submodules whose checked-out commit is not the one this repository records for them (what `git
// status` reports as "new commits"): read from each gitlink in the index and the submodule's own HEAD.
// A submodule that is not checked out is not a change. Read-only.
import type { SubmoduleChange } from '../../../shared/models/git.ts'
import { readHead } from './head-ref.ts'
import { MODE_GITLINK, type GitIndexEntry } from './index-file.ts'
import { openRepositoryAt } from './repository.ts'

export function gitlinkPaths(entries: readonly GitIndexEntry[]): string[] {
  return entries.filter((entry) => entry.mode === MODE_GITLINK && entry.stage === 0).map((entry) => entry.path.toString('utf8'))
}

export async function submoduleChanges(root: string, entries: readonly GitIndexEntry[]): Promise<SubmoduleChange[]> {
  const changes: SubmoduleChange[] = []
  for (const entry of entries) {
    if (entry.mode !== MODE_GITLINK || entry.stage !== 0) continue
    const path = entry.path.toString('utf8')
    const submodule = await openRepositoryAt(`${root}/${path}`).catch(() => null)
    if (!submodule) continue
    const head = await readHead(submodule).catch(() => null)
    if (head?.commit !== entry.oid) changes.push({ path, recorded: entry.oid, checkedOut: head?.commit ?? null })
  }
  return changes
}

/** Whether `path` is a submodule or lies inside one. */
export function insideSubmodule(path: string, gitlinks: readonly string[]): string | null {
  return gitlinks.find((link) => path === link || path.startsWith(`${link}/`)) ?? null
}
