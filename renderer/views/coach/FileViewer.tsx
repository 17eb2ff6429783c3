// The read-only file viewer a citation opens: the file at that line, syntax highlighted (highlight.js,
// loaded only when a file is shown), secrets redacted or the file withheld, folders as a listing, and
// "open in your editor" (VS Code / JetBrains links; on the desktop through the operating system).
// Shared by the coach and the journal: whoever shows it owns the target and closes it.
import { useEffect, useRef } from 'react'
import { editorUrl } from '../../../shared/editor-url.ts'
import type { EditorKind, RepoFileView } from '../../../shared/models/ai.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import '../../styles/coach.css'
import type { ViewerTarget } from '../../stores/coach-store.ts'
import { useStores } from '../../stores-context.tsx'

const EDITORS: readonly { readonly kind: EditorKind; readonly label: string }[] = [
  { kind: 'vscode', label: 'Open in VS Code' },
  { kind: 'jetbrains', label: 'Open in JetBrains IDE' },
]

export function FileViewer(props: { target: ViewerTarget | null; onOpen: (target: ViewerTarget) => void; onClose: () => void }) {
  const { target, onOpen: openFile, onClose: close } = props
  const { useAppInfo, useFileViewer } = useStores()
  const desktop = useAppInfo((state) => state.info?.mode === 'desktop')
  const shown = useFileViewer((state) => state.shown)
  const show = useFileViewer((state) => state.show)
  const openInEditorWith = useFileViewer((state) => state.openInEditor)
  const loaded = shown && shown.target === target ? shown.loaded : null
  const closeRef = useRef<HTMLButtonElement>(null)
  const lineRef = useRef<HTMLTableRowElement>(null)

  useEffect(() => {
    if (!target) return
    closeRef.current?.focus()
    // Closing the viewer, or opening another file, cancels this read.
    return show(target)
  }, [target, show])
  useEffect(() => {
    lineRef.current?.scrollIntoView({ block: 'center' })
  }, [loaded])

  if (!target) return null
  const file = loaded && 'file' in loaded ? loaded.file : null
  const openInEditor = (kind: EditorKind) => void openInEditorWith(target, kind)

  return (
    <div className="file-viewer__backdrop" onClick={close}>
      <section
        className="file-viewer card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="file-viewer-title"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <header className="file-viewer__header">
          <h2 id="file-viewer-title">
            <code>{target.path}</code>
            {target.line ? <span className="muted"> line {target.line}</span> : null}
          </h2>
          <div className="file-viewer__actions">
            {file?.kind === 'file'
              ? EDITORS.map(({ kind, label }) =>
                  desktop ? (
                    <button key={kind} type="button" className="button button--quiet" onClick={() => openInEditor(kind)}>
                      {label}
                    </button>
                  ) : (
                    <a key={kind} className="button button--quiet" href={editorUrl(kind, file.absolutePath, target.line)}>
                      {label}
                    </a>
                  ),
                )
              : null}
            <button ref={closeRef} type="button" className="button" onClick={close}>
              Close
            </button>
          </div>
        </header>
        <p className="muted file-viewer__note">
          Read-only, {revisionNote(file)}. Values that looked like secrets (passwords, tokens, keys) are redacted; the lines stay.
        </p>
        {loaded === null ? <p role="status">Opening the file…</p> : null}
        {loaded && 'error' in loaded ? <ErrorNotice error={loaded.error} /> : null}
        {file?.kind === 'folder' ? (
          <ul className="file-viewer__folder" aria-label={`Contents of ${file.path || 'the repository'}`}>
            {file.entries.map((entry) => (
              <li key={entry.name}>
                <button
                  type="button"
                  className="coach-link-button"
                  onClick={() => openFile({ ...target, path: file.path ? `${file.path}/${entry.name}` : entry.name, line: null })}
                >
                  {entry.name}
                  {entry.kind === 'folder' ? '/' : ''}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {file?.kind === 'file' && file.withheld ? (
          <div className="notice notice--warning" role="status">
            <p className="notice__message">
              Gemba withholds this file ({file.withheld}): it may hold secrets, so it is never shown or sent.
            </p>
          </div>
        ) : null}
        {file?.kind === 'file' && file.binary ? <p className="muted">This is a binary file.</p> : null}
        {loaded && 'lines' in loaded && loaded.lines.length > 0 ? (
          <div className="file-viewer__code" tabIndex={0} aria-label={`${target.path}, ${loaded.lines.length} lines`}>
            <table className="hljs">
              <tbody>
                {loaded.lines.map((html, index) => {
                  const number = index + 1
                  const current = number === target.line
                  return (
                    <tr
                      key={number}
                      ref={current ? lineRef : undefined}
                      className={current ? 'file-viewer__line--target' : undefined}
                      aria-current={current ? 'true' : undefined}
                    >
                      <td className="file-viewer__number">{number}</td>
                      <td className="file-viewer__text" dangerouslySetInnerHTML={{ __html: html || ' ' }} />
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {file?.kind === 'file' && file.truncated ? <p className="muted">Only the first 2 MB are shown.</p> : null}
      </section>
    </div>
  )
}

/** Which revision the viewer shows: the commit the coach read, or the working tree with the leader's edits. */
function revisionNote(file: RepoFileView | null): string {
  const revision = file?.kind === 'file' ? file.revision : undefined
  if (!revision || revision.commit === null) return 'as it is on disk now'
  const commit = revision.commit.slice(0, 8)
  return revision.workingTree ? `as it is on disk now, with edits not committed since ${commit}` : `at commit ${commit}`
}
