// The reflection: read as the journal shows it (the leader's words, estimate against actual,
// friction), editable on request in the same editor the session uses (the only part of a session the
// review edits). Saving writes the session's file; the saved state is said out loud.
import { useId } from 'react'
import type { JournalSessionRecord } from '../../../shared/models/journal.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { MarkdownEditor } from '../../components/MarkdownEditor.tsx'
import { formatClockTime } from '../../components/format-time.ts'
import { ReflectionBody } from './ReflectionBody.tsx'
import { useStores } from '../../stores-context.tsx'

export function ReflectionEditor(props: { record: JournalSessionRecord; fileName: string }) {
  const { useJournalSession } = useStores()
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
  const { reflection, effort, frictionTags } = props.record
  const changed = editing && draft !== reflection

  return (
    <section className="card session-section session-reflection" aria-labelledby={`${id}-title`}>
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
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !changed) cancelEditing()
          }}
        >
          <MarkdownEditor
            id={`${id}-text`}
            label="Your reflection (Markdown; private unless you share it)"
            value={draft}
            autoFocus
            onChange={setDraft}
            onSave={() => void saveReflection()}
            preview={(value) => <ReflectionBody markdown={value} effort={effort} frictionTags={frictionTags} />}
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
          <ReflectionBody markdown={reflection} effort={effort} frictionTags={frictionTags} />
          {save === 'saved' && savedAt ? (
            <p className="reflection-saved" role="status">
              Saved to {props.fileName} at {formatClockTime(new Date(savedAt))}.
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}
