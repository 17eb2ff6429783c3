// The journal's reader of what became of a past session's code: opens the repository (through the git
// layer), checks it still holds the session's commit, and compares the cited files and re-anchors the
// citations at today's HEAD (code-drift.ts says it in sentences). Read-only; a repository that is gone
// or lacks the commit answers "unknown" with a reason, never throws at the caller.
import type { JournalCitation, JournalCodeDrift } from '../../../shared/models/journal.ts'
import { anchorCitations, fileChangedBetween, hasCommit, openRepository, readHead } from '../git/git-layer.ts'
import { codeDrift } from './code-drift.ts'

export type DriftRead =
  { readonly ok: true; readonly head: string; readonly drift: JournalCodeDrift } | { readonly ok: false; readonly reason: string }

/** The port the journal service gets: the drift of `citations` from `commit` to the HEAD of the repository at `path`. */
export type ReadDrift = (path: string, commit: string, citations: readonly JournalCitation[], signal: AbortSignal) => Promise<DriftRead>

export const readDriftFromGit: ReadDrift = async (path, commit, citations, signal) => {
  const repo = await openRepository(path).catch(() => null)
  if (!repo) return { ok: false, reason: `The repository is no longer at ${path}.` }
  try {
    const head = (await readHead(repo).catch(() => null))?.commit ?? null
    if (head === null || !(await hasCommit(repo, head))) return { ok: false, reason: 'The repository has no commits Gemba can read.' }
    if (!(await hasCommit(repo, commit))) {
      return { ok: false, reason: `The repository no longer has commit ${commit.slice(0, 10)} (a shallow clone, or history rewritten).` }
    }
    const drift = await codeDrift({
      citations,
      fromCommit: commit,
      toCommit: head,
      changed: (file, from, to) => fileChangedBetween(repo, file, from, to),
      anchor: (cited, from, to, anchorSignal) => anchorCitations(repo, from, to, cited, anchorSignal),
      signal,
    })
    return { ok: true, head, drift }
  } finally {
    repo.close()
  }
}
