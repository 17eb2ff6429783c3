// The reflection: read as Markdown, editable on request (the only part of a session the review
// edits). Saving writes the session's file; the saved state is said out loud.
import { useId } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { Markdown } from '../../components/Markdown.tsx'
import { useJournalSession } from '../../app-stores.ts'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

export function ReflectionEditor(props: { reflection: string; fileName: string }) {
  const editing = useJournalSession((state) => state.editing)
  const draft = useJournalSession((state) => state.draft)
  const save = useJournalSession((state) => state.save)
  const savedAt = useJournalSession((state) => state.savedAt)
  const saveError = useJournalSession((state) => state.saveError)
  const startEditing = useJournalSession((state) => state.startEditing)
  const setDraft = useJournalSession((state) => state.setDraft)
  const cancelEditing = useJournalSession((state) => state.cancelEditing)
  const saveReflection = useJournalSession((state) => state.saveReflection)
  const id = useId()
  const changed = editing && draft !== props.reflection

  return (
    <section className="card session-section" aria-labelledby={`${id}-title`}>
      <div className="session-section__head">
        <h2 id={`${id}-title`}>Reflection</h2>
        {!editing ? (
          <button type="button" className="button no-print" onClick={startEditing}>
            Edit reflection
          </button>
        ) : null}
      </div>
      {editing ? (
        <form
          className="reflection-editor"
          onSubmit={(event) => {
            event.preventDefault()
            void saveReflection()
          }}
        >
          <label htmlFor={id}>Your reflection (Markdown; private unless you share it)</label>
          <textarea
            id={id}
            rows={10}
            value={draft}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if ((event.ctrlKey || event.metaKey) && event.key === 's') {
                event.preventDefault()
                void saveReflection()
              }
              if (event.key === 'Escape' && !changed) cancelEditing()
            }}
          />
          <div className="reflection-editor__actions">
            <button type="submit" className="button button--primary" disabled={save === 'saving' || !changed}>
              {save === 'saving' ? 'Saving…' : 'Save reflection'}
            </button>
            <button type="button" className="button" onClick={cancelEditing} disabled={save === 'saving'}>
              {changed ? 'Discard changes' : 'Done'}
            </button>
            <span className="muted" role="status">
              {changed ? 'Unsaved changes (Ctrl+S saves)' : 'No changes'}
            </span>
          </div>
          {saveError ? <ErrorNotice error={saveError} /> : null}
        </form>
      ) : (
        <>
          {props.reflection.trim() ? <Markdown source={props.reflection} /> : <p className="muted">No reflection was written for this session.</p>}
          {save === 'saved' && savedAt ? (
            <p className="reflection-saved" role="status">
              Saved to {props.fileName} at {timeFormat.format(new Date(savedAt))}.
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}
