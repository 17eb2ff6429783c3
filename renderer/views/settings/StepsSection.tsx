// Default timeboxes for the four steps of the hour (each session can still change its own).
import { stepMinutesSchema, type SettingsView, type StepMinutes } from '../../../shared/models/settings.ts'
import { Field } from '../../components/Field.tsx'
import { useSettings } from '../../stores/settings-store.ts'
import { SectionForm } from './SectionForm.tsx'
import { useSectionDraft } from './use-section-draft.ts'

const STEPS: readonly { key: keyof StepMinutes; label: string }[] = [
  { key: 'explore', label: 'Explore' },
  { key: 'diagram', label: 'Diagram' },
  { key: 'change', label: 'Small change' },
  { key: 'reflect', label: 'Reflect' },
]

export function StepsSection(props: { view: SettingsView }) {
  const saving = useSettings((state) => state.saving === 'steps')
  const error = useSettings((state) => state.errors.steps)
  const saved = useSettings((state) => state.saved.steps)
  const update = useSettings((state) => state.update)
  const { draft, change, validate, fieldErrors } = useSectionDraft(stepMinutesSchema, props.view.stepMinutes)
  const total = STEPS.reduce((sum, step) => sum + (Number.isFinite(draft[step.key]) ? draft[step.key] : 0), 0)

  return (
    <SectionForm
      title="Step timeboxes"
      description={<p className="muted">Minutes per step. A gentle notice says when a step’s time is up; nothing moves on by itself. Total: {total} minutes.</p>}
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
          <Field key={step.key} label={step.label} error={fieldErrors[step.key]}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="number"
                min={1}
                max={120}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={Number.isFinite(draft[step.key]) ? draft[step.key] : ''}
                onChange={(event) => change(step.key, event.target.valueAsNumber)}
              />
            )}
          </Field>
        ))}
      </div>
    </SectionForm>
  )
}
