// The viewer side of the ai channels: a repository file shown read-only (redacted, inside the root),
// citations checked against the repository, and a file opened in the leader's editor (a link in
// browser mode). Reads only; every path goes through the repository path guard.
import { editorUrl } from '../../../../shared/editor-url.ts'
import type { CitationCheck, EditorKind, RepoFileView } from '../../../../shared/models/ai.ts'
import { resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import type { Redactor } from '../../secrets/index.ts'
import { readForViewer } from './read-for-viewer.ts'
import { verifyCitations, type CitationInput } from './verify-citations.ts'

export interface RepoViewerDeps {
  /** The folder of a repository the leader added; throws when it cannot be shown. */
  readonly repoRoot: (repoId: string) => Promise<string>
  readonly redactor: Redactor
  /** Opens a URL with the operating system (desktop only); browser mode links instead. */
  readonly openExternal?: ((url: string) => Promise<void>) | undefined
}

export class RepoViewer {
  readonly #deps: RepoViewerDeps

  constructor(deps: RepoViewerDeps) {
    this.#deps = deps
  }

  async readFile(input: { repoId: string; path: string }, signal: AbortSignal): Promise<RepoFileView> {
    return readForViewer(await this.#deps.repoRoot(input.repoId), input.path, this.#deps.redactor, signal)
  }

  async verifyCitations(input: {
    repoId: string
    commit?: string | null | undefined
    citations: readonly CitationInput[]
  }): Promise<readonly CitationCheck[]> {
    return verifyCitations(await this.#deps.repoRoot(input.repoId), input.commit ?? null, input.citations, this.#deps.redactor)
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
}
