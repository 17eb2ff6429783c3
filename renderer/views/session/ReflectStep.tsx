// Reflect: the leader's own words first, in an editor with the guided prompts inline (autosaved),
// previewed exactly as the journal will show it; then estimate against actual, friction tags, and
// questions for the tech lead that carry forward.
import { reflectPromptsFor, tidyReflection } from '../../../shared/curriculum/reflect-prompts.ts'
import type { SessionView } from '../../../shared/models/sessions.ts'
import { MarkdownEditor } from '../../components/MarkdownEditor.tsx'
import { wholeMinutes, type LiveTimer } from '../../stores/session-clock.ts'
import { ReflectionBody } from '../journal/ReflectionBody.tsx'
import { curriculumWeek } from './curriculum-week.ts'
import { EffortFields } from './EffortFields.tsx'
import { FrictionTags } from './FrictionTags.tsx'
import { TechLeadQuestions } from './TechLeadQuestions.tsx'
import { useStores } from '../../stores-context.tsx'

export function ReflectStep(props: { view: SessionView; live: LiveTimer }) {
  const { useSessionRunner } = useStores()
  const { session } = props.view
  const draft = useSessionRunner((state) => state.drafts['reflect.markdown'])
  const type = useSessionRunner((state) => state.type)
  const flush = useSessionRunner((state) => state.flush)
  const week = curriculumWeek(session)
  const prompts = reflectPromptsFor(week)
  const measured = wholeMinutes(props.live.steps.change.elapsedMs)
  const change = session.steps.change.payload
  const changeTimed = change.actualMinutes !== null || change.request.trim() !== '' || change.diff.trim() !== ''
  const effort = { estimateMinutes: change.estimateMinutes, actualMinutes: change.actualMinutes ?? (changeTimed ? measured : null) }
  return (
    <div className="step-panel reflect">
      <section className="card reflect__editor" aria-labelledby="reflection-title">
        <h3 id="reflection-title">Your reflection</h3>
        <p className="muted reflect__brief">{week.steps.reflect.brief}</p>
        <MarkdownEditor
          id="reflection"
          label="Reflection (Markdown)"
          value={draft}
          prompts={prompts}
          onChange={(value) => type('reflect.markdown', value)}
          onBlur={() => void flush('reflect.markdown')}
          preview={(value) => (
            <section className="session-section reflect__preview" aria-label="Reflection as the journal will show it">
              <h2>Reflection</h2>
              <ReflectionBody
                markdown={tidyReflection(value, prompts)}
                effort={effort}
                frictionTags={session.steps.reflect.payload.frictionTags}
              />
            </section>
          )}
          hint="Your own words lead the journal entry. Saved as you type; prompts you leave empty are left out."
        />
      </section>
      <div className="reflect__details">
        <section className="card" aria-labelledby="effort-title">
          <h3 id="effort-title">Effort: estimate against actual</h3>
          <EffortFields session={session} measuredMinutes={measured} show="both" />
        </section>
        <FrictionTags session={session} />
      </div>
      <TechLeadQuestions view={props.view} />
    </div>
  )
}
