// Where the journal's Markdown files live, and where Gemba keeps everything else.
import { useState } from 'react'
import type { SettingsView } from '../../../shared/models/settings.ts'
import { Field } from '../../components/Field.tsx'
import { SectionForm } from './SectionForm.tsx'
import { useStores } from '../../stores-context.tsx'

export function JournalSection(props: { view: SettingsView }) {
  const { useSettings } = useStores()
  const saving = useSettings((state) => state.saving === 'journal')
  const error = useSettings((state) => state.errors.journal)
  const saved = useSettings((state) => state.saved.journal)
  const update = useSettings((state) => state.update)
  const [folder, setFolder] = useState(props.view.journalFolder ?? '')

  return (
    <SectionForm
      title="Journal and data"
      description={
        <p className="muted">
          Your journal is plain Markdown, one file per session, that you own. Everything else (settings, caches, drafts) lives in the data
          folder: <code>{props.view.dataFolder}</code>.
        </p>
      }
      saving={saving}
      saved={saved}
      error={error}
      onSubmit={() => void update('journal', { journalFolder: folder.trim() === '' ? null : folder.trim() })}
    >
      <Field
        label="Journal folder"
        hint={
          <>
            Leave empty for the default. In use: <code>{props.view.journalFolderInUse}</code>
          </>
        }
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            spellCheck={false}
            aria-describedby={describedBy}
            placeholder={props.view.journalFolderInUse}
            value={folder}
            onChange={(event) => setFolder(event.target.value)}
          />
        )}
      </Field>
    </SectionForm>
  )
}
