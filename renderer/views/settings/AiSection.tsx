// Where the AI calls go and how much they may cost: endpoint, model, context size, session budget.
import { aiSettingsSchema, type SettingsView } from '../../../shared/models/settings.ts'
import { Field } from '../../components/Field.tsx'
import { NumberField } from '../../components/NumberField.tsx'
import { ModelDatalist } from '../coach/ModelDatalist.tsx'
import { SectionForm } from './SectionForm.tsx'
import { useSectionDraft } from './use-section-draft.ts'
import { useSettings } from '../../app-stores.ts'

/** The two numbers of the AI section, with the ranges Settings accept (aiSettingsSchema). */
const NUMBERS = [
  { key: 'contextTokens', label: 'Repository context (tokens)', hint: 'How much of the repository each conversation starts with.', min: 4000, max: 400000, step: 1000 },
  { key: 'sessionBudgetUsd', label: 'Budget per session (US$)', hint: 'The coach stops cleanly when a session reaches it.', min: 0.05, max: 100, step: 0.05 },
] as const

const SOURCE_LABEL = { settings: 'set here', environment: 'from ANTHROPIC_BASE_URL', default: 'Anthropic’s default' } as const

export function AiSection(props: { view: SettingsView }) {
  const saving = useSettings((state) => state.saving === 'ai')
  const error = useSettings((state) => state.errors.ai)
  const saved = useSettings((state) => state.saved.ai)
  const update = useSettings((state) => state.update)
  const { draft, change, validate, fieldErrors } = useSectionDraft(aiSettingsSchema, props.view.ai)
  const inUse = props.view.endpointInUse

  return (
    <SectionForm
      title="AI"
      description={
        <p className="muted">
          Calls go to <code data-testid="endpoint-in-use">{inUse.url}</code> ({SOURCE_LABEL[inUse.source]}). Nothing is sent until you ask.
        </p>
      }
      saving={saving}
      saved={saved}
      error={error}
      onSubmit={() => {
        const ai = validate()
        if (ai) void update('ai', { ai })
      }}
    >
      <Field label="API endpoint" error={fieldErrors.endpoint} hint="Leave empty for Anthropic’s API (or ANTHROPIC_BASE_URL when set). A company gateway or a local Anthropic-compatible server also works.">
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="url"
            spellCheck={false}
            placeholder="https://api.anthropic.com"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={draft.endpoint ?? ''}
            onChange={(event) => change('endpoint', event.target.value.trim() === '' ? null : event.target.value.trim())}
          />
        )}
      </Field>
      <Field label="Model" error={fieldErrors.model}>
        {({ id, describedBy, invalid }) => (
          <>
            <input id={id} list="ai-model-list" spellCheck={false} aria-describedby={describedBy} aria-invalid={invalid} value={draft.model} onChange={(event) => change('model', event.target.value)} />
            <ModelDatalist id="ai-model-list" endpoint={inUse.url} keySet={props.view.apiKey.set} />
          </>
        )}
      </Field>
      <div className="field-row">
        {NUMBERS.map((number) => (
          <NumberField
            key={number.key}
            label={number.label}
            hint={number.hint}
            error={fieldErrors[number.key]}
            min={number.min}
            max={number.max}
            step={number.step}
            value={draft[number.key]}
            onChange={(value) => change(number.key, value)}
          />
        ))}
      </div>
    </SectionForm>
  )
}
