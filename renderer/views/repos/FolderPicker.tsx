// Browser mode's folder picker (the desktop has the system one): repositories found in the usual code
// folders, the folders of repositories already added, and a walk down from the home folder, where
// folders holding a repository can be chosen. The backend lists only what is inside the home folder.
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import type { FolderEntry } from '../../../shared/models/repos.ts'
import { useStores } from '../../stores-context.tsx'

export function FolderPicker(props: { onChoose: (path: string) => void }) {
  const { useRepos } = useStores()
  const picker = useRepos((state) => state.picker)
  const browse = useRepos((state) => state.browse)
  const close = useRepos((state) => state.closePicker)
  if (!picker) return null
  const home = picker.listing?.home ?? picker.suggestions?.home ?? ''
  const tilde = (path: string): string => (home && (path === home || path.startsWith(`${home}/`)) ? `~${path.slice(home.length)}` : path)
  const choose = (folder: FolderEntry) => (
    <button
      type="button"
      className="button folder-picker__choose"
      onClick={() => props.onChoose(folder.path)}
      aria-label={`Add ${folder.name} (${tilde(folder.path)})`}
    >
      Add
    </button>
  )
  const { listing, suggestions } = picker
  return (
    <section className="folder-picker" aria-label="Choose a folder">
      <div className="folder-picker__head">
        <h3>Choose a repository folder</h3>
        <button type="button" className="button button--quiet" onClick={close}>
          Close
        </button>
      </div>
      {suggestions && suggestions.found.length > 0 ? (
        <div className="folder-picker__group">
          <h4>Repositories found in your code folders</h4>
          <ul className="folder-picker__list">
            {suggestions.found.map((folder) => (
              <li key={folder.path}>
                <span className="folder-picker__name">{folder.name}</span>{' '}
                <span className="muted folder-picker__path">{tilde(folder.path)}</span>
                {choose(folder)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {suggestions && suggestions.recent.length > 0 ? (
        <div className="folder-picker__group">
          <h4>Where your repositories are</h4>
          <div className="folder-picker__recent">
            {suggestions.recent.map((folder) => (
              <button key={folder.path} type="button" className="button button--quiet" onClick={() => void browse(folder.path)}>
                {tilde(folder.path)}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <div className="folder-picker__group">
        <h4>
          Browse: <code>{listing ? tilde(listing.path) : '~'}</code>
        </h4>
        {picker.error ? <ErrorNotice error={picker.error} /> : null}
        {picker.loading && !listing ? (
          <p className="muted" role="status">
            Reading the folder…
          </p>
        ) : null}
        {listing ? (
          <ul className="folder-picker__list folder-picker__folders" aria-label={`Folders in ${tilde(listing.path)}`}>
            {listing.parent ? (
              <li>
                <button type="button" className="button button--quiet" onClick={() => void browse(listing.parent ?? undefined)}>
                  ↑ Up to {tilde(listing.parent)}
                </button>
              </li>
            ) : null}
            {listing.folders.map((folder) => (
              <li key={folder.path}>
                <button type="button" className="button button--quiet folder-picker__open" onClick={() => void browse(folder.path)}>
                  {folder.name}/
                </button>
                {folder.repository ? (
                  <>
                    <span className="pill pill--ok">git repository</span>
                    {choose(folder)}
                  </>
                ) : null}
              </li>
            ))}
            {listing.folders.length === 0 ? <li className="muted">No folders here.</li> : null}
          </ul>
        ) : null}
        {listing?.truncated ? (
          <p className="muted">Only the first folders are shown; type the path in the Folder field for the others.</p>
        ) : null}
      </div>
    </section>
  )
}
