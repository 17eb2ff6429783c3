// Where the AI calls go and how much they may cost: endpoint, model (and what it can do), context size
// (automatic from the model's window, or the leader's), session budget, and what the coach remembers.
import { aiSettingsSchema, type SettingsView } from '../../../shared/models/settings.ts'
import { Field } from '../../components/Field.tsx'
import { NumberField } from '../../components/NumberField.tsx'
import { MemoryChoiceSelect } from '../coach/MemoryChoiceSelect.tsx'
import { ModelDatalist } from '../coach/ModelDatalist.tsx'
import { formatTokens } from '../coach/format-usage.ts'
import { ModelFacts, useModelChoice } from './ModelFacts.tsx'
import { SectionForm } from './SectionForm.tsx'
import { useSectionDraft } from './use-section-draft.ts'
import { useStores } from '../../stores-context.tsx'

const SOURCE_LABEL = { settings: 'set here', environment: 'from ANTHROPIC_BASE_URL', default: 'Anthropic’s default' } as const

export function AiSection(props: { view: SettingsView }) {
  const { useSettings } = useStores()
  const saving = useSettings((state) => state.saving === 'ai')
  const error = useSettings((state) => state.errors.ai)
  const saved = useSettings((state) => state.saved.ai)
  const update = useSettings((state) => state.update)
  const { draft, change, validate, fieldErrors } = useSectionDraft(aiSettingsSchema, props.view.ai)
  const inUse = props.view.endpointInUse
  const automatic = draft.contextTokens === null
  const choice = useModelChoice(draft.model, automatic ? null : (draft.contextTokens ?? null))

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
      <Field
        label="API endpoint"
        error={fieldErrors.endpoint}
        hint="Leave empty for Anthropic’s API (or ANTHROPIC_BASE_URL when set). A company gateway or a local Anthropic-compatible server also works."
      >
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
            <input
              id={id}
              list="ai-model-list"
              spellCheck={false}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={draft.model}
              onChange={(event) => change('model', event.target.value)}
            />
            <ModelDatalist id="ai-model-list" endpoint={inUse.url} keySet={props.view.apiKey.set} />
            <ModelFacts choice={choice} />
          </>
        )}
      </Field>
      <div className="field-row">
        <div className="field">
          <label className="field-check">
            <input
              type="checkbox"
              checked={automatic}
              onChange={(event) => change('contextTokens', event.target.checked ? null : (choice?.contextBudget.tokens ?? 40_000))}
            />{' '}
            Repository context: automatic
          </label>
          <p className="field__hint" data-testid="context-budget">
            {automatic
              ? choice
                ? `${formatTokens(choice.contextBudget.tokens)} tokens${choice.contextBudget.source === 'model' ? ' (a fifth of the model’s context window, at most 40,000: every call carries it)' : ''}.`
                : 'From the model’s context window.'
              : 'How much of the repository each conversation starts with.'}
          </p>
        </div>
        {automatic ? null : (
          <NumberField
            label="Repository context (tokens)"
            hint={
              choice && choice.contextBudget.tokens !== draft.contextTokens
                ? `This model’s window allows ${formatTokens(choice.contextBudget.tokens)}.`
                : undefined
            }
            error={fieldErrors.contextTokens}
            min={4000}
            max={400000}
            step={1000}
            value={draft.contextTokens ?? Number.NaN}
            onChange={(value) => change('contextTokens', value)}
          />
        )}
        <NumberField
          label="Budget per session (US$)"
          hint="The coach stops cleanly when a session reaches it."
          error={fieldErrors.sessionBudgetUsd}
          min={0.05}
          max={100}
          step={0.05}
          value={draft.sessionBudgetUsd}
          onChange={(value) => change('sessionBudgetUsd', value)}
        />
      </div>
      <Field
        label="What the coach remembers"
        hint="A short note from your journal on a repository you visited before, shown in the coach before it is sent."
      >
        {({ id, describedBy }) => (
          <MemoryChoiceSelect
            id={id}
            describedBy={describedBy}
            value={draft.memory ?? 'with_reflections'}
            onChange={(value) => change('memory', value)}
          />
        )}
      </Field>
    </SectionForm>
  )
}
