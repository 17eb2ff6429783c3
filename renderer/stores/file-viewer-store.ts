// The read-only file viewer's reads: the file (or folder) a target names, highlighted, for whoever
// shows the viewer (the coach, the small change's explanation, the journal). A read belongs to the
// viewer that asked for it: the function `show` answers cancels it (the viewer closed or moved on),
// and a late answer for another target never lands on screen.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { EditorKind, RepoFileView } from '../../shared/models/ai.ts'
import { errorData } from '../bridge.ts'
import { highlighterFor } from '../components/highlight-code.ts'
import { escapeHtml, languageOfPath, splitHighlightedLines } from '../components/highlight-lines.ts'
import type { ViewerTarget } from './coach-store.ts'

type LoadedFile = { readonly file: RepoFileView; readonly lines: readonly string[] } | { readonly error: GembaErrorData }

export interface FileViewerState {
  /** What was read for a target (null while it is being read). */
  readonly shown: { readonly target: ViewerTarget; readonly loaded: LoadedFile } | null
  /** Reads the file a target names; answers the function that cancels the read. */
  show(target: ViewerTarget): () => void
  /** Opens the target in the leader's editor (on the desktop, through the operating system). */
  openInEditor(target: ViewerTarget, editor: EditorKind): Promise<void>
}

async function highlighted(file: RepoFileView): Promise<string[]> {
  if (file.kind !== 'file' || !file.text) return []
  const highlight = await highlighterFor(languageOfPath(file.path))
  return splitHighlightedLines(highlight ? highlight(file.text) : escapeHtml(file.text))
}

export function createFileViewerStore(client: GembaApi) {
  return create<FileViewerState>((set) => ({
    shown: null,
    show(target) {
      const controller = new AbortController()
      const { signal } = controller
      void client
        .invoke(
          'ai.readFile',
          {
            repoId: target.repoId,
            path: target.path,
            ...(target.threadId ? { threadId: target.threadId } : {}),
            ...(target.sessionId ? { sessionId: target.sessionId } : {}),
          },
          { signal },
        )
        .then(
          async (file) => {
            const lines = await highlighted(file)
            if (!signal.aborted) set({ shown: { target, loaded: { file, lines } } })
          },
          (error: unknown) => {
            if (!signal.aborted) set({ shown: { target, loaded: { error: errorData(error) } } })
          },
        )
      return () => controller.abort()
    },
    async openInEditor(target, editor) {
      await client.invoke('ai.openInEditor', { repoId: target.repoId, path: target.path, line: target.line, editor }).catch(() => undefined)
    },
  }))
}
