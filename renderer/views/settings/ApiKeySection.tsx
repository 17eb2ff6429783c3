// The Anthropic API key: write-only. Shows whether one is set, from where, its last four characters,
// and how it is protected on this machine; checks a pasted key's format at once, tests a key with one
// Models API call, and links to where keys are made. The field is cleared once the key is saved.
import { useState } from 'react'
import { ANTHROPIC_KEYS_URL, checkApiKeyFormat } from '../../../shared/api-key-format.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { Field } from '../../components/Field.tsx'
import type { SettingsState } from '../../stores/settings-store.ts'
import { SectionForm } from './SectionForm.tsx'
import { useStores } from '../../stores-context.tsx'

export function ApiKeySection() {
  const { useSettings } = useStores()
  const view = useSettings((state) => state.view)
  const saving = useSettings((state) => state.saving === 'key')
  const error = useSettings((state) => state.errors.key)
  const saved = useSettings((state) => state.saved.key)
  const setApiKey = useSettings((state) => state.setApiKey)
  const clearApiKey = useSettings((state) => state.clearApiKey)
  const keyTest = useSettings((state) => state.keyTest)
  const testApiKey = useSettings((state) => state.testApiKey)
  const [draft, setDraft] = useState('')
  if (!view) return null
  const format = draft.trim() ? checkApiKeyFormat(draft) : null
  // Anthropic's own endpoint takes Anthropic keys only; a gateway may take its own, so there it is a warning.
  const gateway = view.endpointInUse.source !== 'default'
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
          <p className="muted">
            No key yet, or a new one?{' '}
            <a href={ANTHROPIC_KEYS_URL} target="_blank" rel="noreferrer">
              Create one in the Anthropic Console
            </a>{' '}
            (it begins with <code>sk-ant-</code>).
          </p>
        </>
      }
      saving={saving}
      saved={saved}
      // The last change either saved a key here or took the saved one away.
      savedLabel={apiKey.source === 'settings' ? 'Saved' : 'Key removed'}
      error={error}
      submitLabel="Save key"
      onSubmit={() => {
        if (format && !format.ok && !gateway) return
        void setApiKey(draft).then((ok) => {
          if (ok) setDraft('')
        })
      }}
      extraActions={
        <>
          <button
            type="button"
            className="button"
            onClick={() => void testApiKey(draft)}
            disabled={keyTest.status === 'testing' || (!draft.trim() && !apiKey.set) || (format !== null && !format.ok && !gateway)}
          >
            {keyTest.status === 'testing' ? 'Testing…' : draft.trim() ? 'Test this key' : 'Test the saved key'}
          </button>
          {apiKey.source === 'settings' ? (
            <button type="button" className="button button--quiet" onClick={() => void clearApiKey()} disabled={saving}>
              Remove saved key
            </button>
          ) : null}
        </>
      }
    >
      <Field
        label={apiKey.source === 'settings' ? 'Replace the key' : 'API key'}
        hint="It is encrypted before it is stored and is never shown again."
        error={format && !format.ok ? (gateway ? `${format.problem} Your endpoint may accept it anyway.` : format.problem) : undefined}
      >
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
      <KeyTestResult test={keyTest} />
    </SectionForm>
  )
}

const TONE = {
  valid: 'key-test--ok',
  invalid: 'key-test--bad',
  no_network: 'key-test--warn',
  unavailable: 'key-test--warn',
  no_key: 'key-test--warn',
} as const

function KeyTestResult(props: { test: SettingsState['keyTest'] }) {
  const { status, result, error } = props.test
  if (status !== 'done') return null
  if (error) return <ErrorNotice error={error} />
  if (!result) return null
  return (
    <p className={`key-test ${TONE[result.status]}`} role="status">
      <span aria-hidden="true">{result.status === 'valid' ? '✓ ' : result.status === 'invalid' ? '✗ ' : '! '}</span>
      {result.message}
      {result.next ? <span className="key-test__next"> {result.next}</span> : null}
    </p>
  )
}
