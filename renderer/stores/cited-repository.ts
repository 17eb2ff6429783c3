// Which listed repository a past session's citations open in: the one with the session's id, else
// the one at the path the session recorded. Pure (no bridge), so it is unit tested; it never guesses
// by name, and a repository that is not listed or no longer on disk is reported as gone.
import type { JournalRepositoryRef } from '../../shared/models/journal.ts'
import type { RepoView } from '../../shared/models/repos.ts'

export type CitedRepository = { readonly state: 'available'; readonly repoId: string } | { readonly state: 'gone'; readonly note: string }

const GONE_PROBLEMS = new Set(['missing', 'not_a_repository', 'unreadable'])

const samePath = (a: string, b: string): boolean => a.replace(/[\\/]+$/, '') === b.replace(/[\\/]+$/, '')

export function citedRepository(
  recorded: Pick<JournalRepositoryRef, 'id' | 'path'>,
  repos: readonly Pick<RepoView, 'id' | 'path' | 'problem'>[],
): CitedRepository {
  const repo = repos.find((item) => item.id === recorded.id) ?? repos.find((item) => samePath(item.path, recorded.path))
  if (!repo) {
    return {
      state: 'gone',
      note: `The repository is not in your list (it was at ${recorded.path}). Add it under Repositories to open the cited files.`,
    }
  }
  if (repo.problem && GONE_PROBLEMS.has(repo.problem.code)) {
    return { state: 'gone', note: `The cited files can’t be opened: ${repo.problem.message}` }
  }
  return { state: 'available', repoId: repo.id }
}
