// Default timeboxes for the four steps of the hour (each session can still change its own).
import { stepMinutesSchema, type SettingsView, type StepMinutes } from '../../../shared/models/settings.ts'
import { NumberField } from '../../components/NumberField.tsx'
import { SectionForm } from './SectionForm.tsx'
import { useSectionDraft } from './use-section-draft.ts'
import { useStores } from '../../stores-context.tsx'

const STEPS: readonly { key: keyof StepMinutes; label: string }[] = [
  { key: 'explore', label: 'Explore' },
  { key: 'diagram', label: 'Diagram' },
  { key: 'change', label: 'Small change' },
  { key: 'reflect', label: 'Reflect' },
]

export function StepsSection(props: { view: SettingsView }) {
  const { useSettings } = useStores()
  const saving = useSettings((state) => state.saving === 'steps')
  const error = useSettings((state) => state.errors.steps)
  const saved = useSettings((state) => state.saved.steps)
  const update = useSettings((state) => state.update)
  const { draft, change, validate, fieldErrors } = useSectionDraft(stepMinutesSchema, props.view.stepMinutes)
  const total = STEPS.reduce((sum, step) => sum + (Number.isFinite(draft[step.key]) ? draft[step.key] : 0), 0)

  return (
    <SectionForm
      title="Step timeboxes"
      description={
        <p className="muted">
          Minutes per step. A gentle notice says when a step’s time is up; nothing moves on by itself. Total: {total} minutes.
        </p>
      }
      saving={saving}
      saved={saved}
      error={error}
      onSubmit={() => {
        const stepMinutes = validate()
        if (stepMinutes) void update('steps', { stepMinutes })
      }}
    >
      <div className="field-row">
        {STEPS.map((step) => (
          <NumberField
            key={step.key}
            label={step.label}
            error={fieldErrors[step.key]}
            min={1}
            max={120}
            value={draft[step.key]}
            onChange={(value) => change(step.key, value)}
          />
        ))}
      </div>
    </SectionForm>
  )
}
