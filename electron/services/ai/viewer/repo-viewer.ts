// The viewer side of the ai channels: a repository file shown read-only (redacted, inside the root),
// citations checked against the repository, and a file opened in the leader's editor (a link in
// browser mode). Each call reads one snapshot: the coach thread's when it names one that is open (so
// the viewer shows what the coach read and checked), else the repository as it is now (HEAD, or the
// commit the call names, with the files that differ from it read from the working tree). Reads only;
// every path goes through the repository path guard.
import { editorUrl } from '../../../../shared/editor-url.ts'
import type { CitationCheck, EditorKind, RepoFileView } from '../../../../shared/models/ai.ts'
import { snapshotNow, withRepository, type RepoSnapshot } from '../../git/git-layer.ts'
import { normaliseRepoPath, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import type { Redactor } from '../../secrets/index.ts'
import { readForViewer } from './read-for-viewer.ts'
import { verifyCitations, type CitationInput } from './verify-citations.ts'

export interface RepoViewerDeps {
  /** The folder of a repository the leader added; throws when it cannot be shown. */
  readonly repoRoot: (repoId: string) => Promise<string>
  /** The snapshot an open coach thread of that repository reads; undefined when none is open. */
  readonly threadSnapshot?: (threadId: string, repoId: string) => RepoSnapshot | undefined
  readonly redactor: Redactor
  /** Opens a URL with the operating system (desktop only); browser mode links instead. */
  readonly openExternal?: ((url: string) => Promise<void>) | undefined
}

interface SnapshotRequest {
  readonly repoId: string
  readonly threadId?: string | undefined
  readonly commit?: string | null | undefined
}

export class RepoViewer {
  readonly #deps: RepoViewerDeps

  constructor(deps: RepoViewerDeps) {
    this.#deps = deps
  }

  async readFile(input: SnapshotRequest & { path: string }, signal: AbortSignal): Promise<RepoFileView> {
    return readForViewer(await this.#snapshot(input, [input.path]), input.path, this.#deps.redactor, signal)
  }

  async verifyCitations(input: SnapshotRequest & { citations: readonly CitationInput[] }): Promise<readonly CitationCheck[]> {
    const snapshot = await this.#snapshot(
      input,
      input.citations.map((citation) => citation.path),
    )
    return verifyCitations(snapshot, input.citations, this.#deps.redactor)
  }

  async openInEditor(input: {
    repoId: string
    path: string
    line?: number | null | undefined
    editor: EditorKind
  }): Promise<{ readonly url: string; readonly opened: boolean }> {
    const file = await resolveInsideRepo(await this.#deps.repoRoot(input.repoId), input.path)
    const url = editorUrl(input.editor, file.absolute, input.line ?? null)
    if (!this.#deps.openExternal) return { url, opened: false }
    await this.#deps.openExternal(url)
    return { url, opened: true }
  }

  /** The call's one snapshot: the open thread's, else the repository now (for the paths the call reads). */
  async #snapshot(input: SnapshotRequest, paths: readonly string[]): Promise<RepoSnapshot> {
    const root = await this.#deps.repoRoot(input.repoId)
    const kept = input.threadId ? this.#deps.threadSnapshot?.(input.threadId, input.repoId) : undefined
    if (kept && kept.root === root) return kept
    const repoPaths = paths.flatMap((path) => {
      try {
        return [normaliseRepoPath(path)]
      } catch {
        return []
      }
    })
    return withRepository(root, (repo) => snapshotNow(repo, repoPaths, input.commit ?? null))
  }
}
