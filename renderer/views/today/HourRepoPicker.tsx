// Which repository the hour goes into, named before it starts: the rotation's pick (the team's
// repository the leader has not been in for longest) unless the leader picks another.
import { useId } from 'react'
import type { RepoChoice } from '../../../shared/models/sessions.ts'

export function HourRepoPicker(props: {
  choices: readonly RepoChoice[]
  value: string
  /** The rotation's pick: said why it is first. */
  suggested: string | null
  onChange(repoId: string): void
  /** "This hour goes into", or for an extra hour "An extra hour goes into". */
  label: string
  now?: Date
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const chosen = props.choices.find((choice) => choice.id === props.value)
  const now = props.now ?? new Date()
  return (
    <div className="hour-repo">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} aria-describedby={hintId} onChange={(event) => props.onChange(event.target.value)}>
        {props.choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name} — {visitedText(choice.lastVisitedAt, now)}
          </option>
        ))}
      </select>
      <p id={hintId} className="muted hour-repo__why">
        {chosen && chosen.id === props.suggested
          ? chosen.lastVisitedAt === null
            ? 'Not visited yet; the hours rotate between your teams.'
            : 'The one you have not been in for longest; the hours rotate between your teams.'
          : 'Your pick for this hour.'}
      </p>
    </div>
  )
}

/** "not visited yet", "last hour this week", "last hour 3 weeks ago". */
export function visitedText(lastVisitedAt: string | null, now: Date): string {
  if (lastVisitedAt === null) return 'not visited yet'
  const weeks = Math.floor((now.getTime() - Date.parse(lastVisitedAt)) / (7 * 24 * 60 * 60 * 1000))
  if (weeks <= 0) return 'last hour this week'
  return weeks === 1 ? 'last hour a week ago' : `last hour ${weeks} weeks ago`
}
