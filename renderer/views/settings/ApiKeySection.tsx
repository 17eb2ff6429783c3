// The Anthropic API key: write-only. Shows whether one is set, from where, its last four characters,
// and how it is protected on this machine. The field is cleared as soon as the key is saved.
import { useState } from 'react'
import { Field } from '../../components/Field.tsx'
import { SectionForm } from './SectionForm.tsx'
import { useSettings } from '../../app-stores.ts'

export function ApiKeySection() {
  const view = useSettings((state) => state.view)
  const saving = useSettings((state) => state.saving === 'key')
  const error = useSettings((state) => state.errors.key)
  const saved = useSettings((state) => state.saved.key)
  const setApiKey = useSettings((state) => state.setApiKey)
  const clearApiKey = useSettings((state) => state.clearApiKey)
  const [draft, setDraft] = useState('')
  if (!view) return null
  const { apiKey } = view
  const status = !apiKey.set
    ? 'No key yet. Every step still works offline, from the repository itself.'
    : apiKey.source === 'environment'
      ? `Using ANTHROPIC_API_KEY from the environment, ending in ${apiKey.hint ?? ''}.`
      : `A key is saved, ending in ${apiKey.hint ?? ''}.`

  return (
    <SectionForm
      title="Anthropic API key"
      description={
        <>
          <p data-testid="api-key-status">{status}</p>
          <p className={apiKey.storage.secure ? 'muted' : 'warning-text'}>{apiKey.storage.description}</p>
        </>
      }
      saving={saving}
      saved={saved}
      error={error}
      submitLabel="Save key"
      onSubmit={() => {
        void setApiKey(draft).then((ok) => {
          if (ok) setDraft('')
        })
      }}
      extraActions={
        apiKey.source === 'settings' ? (
          <button type="button" className="button button--quiet" onClick={() => void clearApiKey()} disabled={saving}>
            Remove saved key
          </button>
        ) : null
      }
    >
      <Field label={apiKey.source === 'settings' ? 'Replace the key' : 'API key'} hint="It is encrypted before it is stored and is never shown again.">
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            placeholder="sk-ant-…"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => setDraft(event.target.value)}
          />
        )}
      </Field>
    </SectionForm>
  )
}
