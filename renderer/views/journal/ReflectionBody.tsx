// The reflection as the journal shows it: the leader's words, then estimate against actual and the
// friction they tagged. The session's reflect step previews with this same component, so what the
// leader sees while writing is what the journal shows.
import { Markdown } from '../../components/Markdown.tsx'
import { effortSentence } from './journal-format.ts'

export function ReflectionBody(props: {
  markdown: string
  effort: { readonly estimateMinutes: number | null; readonly actualMinutes: number | null }
  frictionTags: readonly string[]
}) {
  const effort = effortSentence(props.effort.estimateMinutes, props.effort.actualMinutes)
  return (
    <div className="reflection-body">
      {props.markdown.trim() ? <Markdown source={props.markdown} /> : <p className="muted">No reflection written yet.</p>}
      {effort || props.frictionTags.length > 0 ? (
        <dl className="reflection-facts">
          {effort ? (
            <div>
              <dt>Estimate against actual</dt>
              <dd>{effort}</dd>
            </div>
          ) : null}
          {props.frictionTags.length > 0 ? (
            <div>
              <dt>Friction</dt>
              <dd className="reflection-facts__tags">
                {props.frictionTags.map((tag) => (
                  <span key={tag} className="pill">
                    {tag}
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </div>
  )
}
