// Adding a team's repository: a path field (~ and relative paths read from the home folder), the
// system folder picker on the desktop or Gemba's own in the browser, and what adding it did.
import { useState, type FormEvent } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { focusWhenShown } from '../../components/focus-when-shown.ts'
import { Field } from '../../components/Field.tsx'
import { FolderPicker } from './FolderPicker.tsx'
import { useStores } from '../../stores-context.tsx'

export function AddRepoForm(props: {
  desktop: boolean
  autoFocus?: boolean
  compact?: boolean
  /** Where focus goes once a repository is added (the id of what shows it), as the form may be gone by then. */
  focusAfterAdd: (repoId: string) => string
}) {
  const { useRepos } = useStores()
  const adding = useRepos((state) => state.adding)
  const addError = useRepos((state) => state.addError)
  const add = useRepos((state) => state.add)
  const addNotice = useRepos((state) => state.addNotice)
  const pickFolder = useRepos((state) => state.pickFolder)
  const openPicker = useRepos((state) => state.openPicker)
  const pickerOpen = useRepos((state) => state.picker !== null)
  const [path, setPath] = useState('')

  const addPath = (wanted: string): void => {
    if (!wanted.trim()) return
    void add(wanted.trim()).then((ok) => {
      if (!ok) return
      setPath('')
      const added = useRepos.getState().selectedId
      if (added) focusWhenShown(props.focusAfterAdd(added))
    })
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    addPath(path)
  }

  return (
    <form className={`card add-repo ${props.compact ? 'add-repo--compact' : ''}`} onSubmit={submit} aria-label="Add a repository">
      <h2>{props.compact ? 'Add another repository' : 'Add a team’s repository'}</h2>
      {props.compact ? null : (
        <p className="muted">
          A local clone on this computer. Gemba reads it; nothing is uploaded, and nothing in it changes unless you approve a change on a
          new branch.
        </p>
      )}
      <div className="add-repo__row">
        <Field label="Folder" hint={props.compact ? undefined : 'For example ~/code/payments-service'}>
          {({ id, describedBy }) => (
            <input
              id={id}
              value={path}
              spellCheck={false}
              autoFocus={props.autoFocus}
              aria-describedby={describedBy}
              placeholder="/path/to/repository"
              onChange={(event) => setPath(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={adding || path.trim() === ''}>
          {adding ? 'Checking…' : 'Add'}
        </button>
        {props.desktop ? (
          <button type="button" className="button" onClick={() => void pickFolder().then((picked) => picked && setPath(picked))}>
            Choose…
          </button>
        ) : (
          <button type="button" className="button" aria-expanded={pickerOpen} onClick={() => void openPicker()}>
            Browse…
          </button>
        )}
      </div>
      {!props.desktop ? <FolderPicker onChoose={addPath} /> : null}
      {addError ? <ErrorNotice error={addError} /> : null}
      {addNotice ? (
        <p className="notice notice--quiet add-repo__notice" role="status">
          {addNotice.message}
        </p>
      ) : null}
    </form>
  )
}
