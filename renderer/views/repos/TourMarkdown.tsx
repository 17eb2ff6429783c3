// The offline tour's Markdown with every file and folder it names that the repository has as a link
// to the read-only file viewer (the one Claude's citations open): code can be read in the app without
// an API key. What the repository does not have stays plain code.
import { useCallback, useState } from 'react'
import { CitationMarkdown } from '../../components/CitationMarkdown.tsx'
import type { ViewerTarget } from '../../stores/coach-store.ts'
import { opensFromTour, tourPathOf } from '../../stores/tour-paths.ts'
import { useStores } from '../../stores-context.tsx'
import { FileViewer } from '../coach/FileViewer.tsx'
import '../../styles/coach.css'

const NO_FILES: Readonly<Record<string, 'file' | 'folder'>> = {}

function linkPaths(root: HTMLElement, files: Readonly<Record<string, 'file' | 'folder'>>): void {
  for (const code of root.querySelectorAll('code')) {
    if (code.closest('pre, a')) continue
    const written = code.textContent ?? ''
    const path = tourPathOf(written)
    const kind = path === null ? undefined : files[path]
    if (path === null || !kind || !opensFromTour(written, kind)) continue
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'cite cite--verified'
    button.dataset.path = path
    button.title = `Open ${kind === 'folder' ? `the folder ${path}` : path} in the file viewer`
    button.textContent = code.textContent
    code.replaceChildren(button)
  }
}

export function TourMarkdown(props: { repoId: string; source: string; className?: string }) {
  const { repoId } = props
  const { useRepos } = useStores()
  const files = useRepos((state) => state.tours[repoId]?.files ?? NO_FILES)
  const [target, setTarget] = useState<ViewerTarget | null>(null)
  const decorate = useCallback((root: HTMLElement) => linkPaths(root, files), [files])
  return (
    <div className={props.className}>
      <CitationMarkdown source={props.source} decorate={decorate} onOpen={(path) => setTarget({ repoId, path, line: null })} />
      <FileViewer target={target} onOpen={setTarget} onClose={() => setTarget(null)} />
    </div>
  )
}
