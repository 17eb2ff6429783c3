// Adding a team's repository: a path field (and, on the desktop, the system folder picker).
import { useState, type FormEvent } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { Field } from '../../components/Field.tsx'
import { useRepos } from '../../app-stores.ts'

export function AddRepoForm(props: { desktop: boolean; autoFocus?: boolean; compact?: boolean }) {
  const adding = useRepos((state) => state.adding)
  const addError = useRepos((state) => state.addError)
  const add = useRepos((state) => state.add)
  const pickFolder = useRepos((state) => state.pickFolder)
  const [path, setPath] = useState('')

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (path.trim()) void add(path.trim()).then((ok) => ok && setPath(''))
  }

  return (
    <form className={`card add-repo ${props.compact ? 'add-repo--compact' : ''}`} onSubmit={submit} aria-label="Add a repository">
      <h2>{props.compact ? 'Add another repository' : 'Add a team’s repository'}</h2>
      {props.compact ? null : (
        <p className="muted">A local clone on this computer. Gemba reads it; nothing is uploaded, and nothing in it changes unless you approve a change on a new branch.</p>
      )}
      <div className="add-repo__row">
        <Field label="Folder" hint={props.compact ? undefined : 'For example /home/you/code/payments-service'}>
          {({ id, describedBy }) => (
            <input id={id} value={path} spellCheck={false} autoFocus={props.autoFocus} aria-describedby={describedBy} placeholder="/path/to/repository" onChange={(event) => setPath(event.target.value)} />
          )}
        </Field>
        {props.desktop ? (
          <button type="button" className="button" onClick={() => void pickFolder().then((picked) => picked && setPath(picked))}>
            Choose…
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={adding || path.trim() === ''}>
          {adding ? 'Checking…' : 'Add'}
        </button>
      </div>
      {addError ? <ErrorNotice error={addError} /> : null}
    </form>
  )
}
