// The one control for what the coach remembers of past sessions, in the coach (beside the note it
// changes) and in Settings → AI: with the reflections, without them, or nothing.
import { COACH_MEMORY_CHOICES, type CoachMemory } from '../../../shared/models/settings.ts'

const CHOICE_LABEL: Readonly<Record<CoachMemory, string>> = {
  with_reflections: 'Remember my past sessions, reflections included',
  without_reflections: 'Remember my past sessions, not my reflections',
  off: 'Don’t remember my past sessions',
}

export function MemoryChoiceSelect(props: {
  id?: string
  value: CoachMemory
  onChange: (value: CoachMemory) => void
  disabled?: boolean
  describedBy?: string | undefined
}) {
  return (
    <select
      id={props.id}
      aria-describedby={props.describedBy}
      value={props.value}
      disabled={props.disabled}
      onChange={(event) => props.onChange(event.target.value as CoachMemory)}
    >
      {COACH_MEMORY_CHOICES.map((value) => (
        <option key={value} value={value}>
          {CHOICE_LABEL[value]}
        </option>
      ))}
    </select>
  )
}
