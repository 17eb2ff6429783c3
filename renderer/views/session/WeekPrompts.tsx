// This week's brief and prompts for one step, verbatim from the curriculum (the prompts left out where
// the step shows them itself, as the coach's question buttons).
import type { Session, StepKey } from '../../../shared/models/sessions.ts'
import { curriculumWeek } from './curriculum-week.ts'

export function WeekPrompts(props: {
  session: Pick<Session, 'programmeWeek' | 'repoKind'>
  step: StepKey
  title?: string
  briefOnly?: boolean
}) {
  const prompts = curriculumWeek(props.session).steps[props.step]
  return (
    <section className="week-prompts" aria-label={props.title ?? 'This week’s prompts'}>
      <p className="week-prompts__brief">{prompts.brief}</p>
      {props.briefOnly ? null : (
        <ol className="week-prompts__list">
          {prompts.prompts.map((prompt) => (
            <li key={prompt}>
              <q>{prompt}</q>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
