// Where to go in the next hour: the part of the repository the leader has never been to that the team
// changed most lately (weighted by the week's theme), with the reason in a sentence. Quiet when there
// is nothing to suggest; never holds Today up (it is read after Today, from the scan).
import type { NextArea } from '../../../shared/models/sessions.ts'
import { useLoadOnShow } from '../use-load-on-show.ts'
import { useStores } from '../../stores-context.tsx'

export function NextAreaCard(props: { thisWeek: number }) {
  const { useVisits } = useStores()
  const nextArea = useVisits((state) => state.nextArea)
  const load = useVisits((state) => state.loadNextArea)
  useLoadOnShow(load)
  if (!nextArea?.suggestion) return null
  return <NextAreaBody nextArea={nextArea} thisWeek={props.thisWeek} />
}

function NextAreaBody(props: { nextArea: NextArea; thisWeek: number }) {
  const { nextArea } = props
  const suggestion = nextArea.suggestion!
  const when = nextArea.programmeWeek === props.thisWeek ? 'This week' : 'Next week'
  return (
    <section className="card next-area" aria-labelledby="next-area-title">
      <p className="this-week__eyebrow">
        {when} · {nextArea.theme} · in <strong>{suggestion.repoName}</strong>
      </p>
      <h2 id="next-area-title">
        Somewhere new: <code>{suggestion.label}</code>
      </h2>
      <p>{withCode(suggestion.why)}</p>
      {suggestion.alternatives.length > 0 ? (
        <p className="muted">
          Also not visited:{' '}
          {suggestion.alternatives.map((other, index) => (
            <span key={other.path}>
              {index > 0 ? ', ' : ''}
              <code>{other.path}/</code>
              {other.commits > 0 ? ` (${other.commits === 1 ? '1 commit' : `${other.commits} commits`} lately)` : ''}
            </span>
          ))}
          .
        </p>
      ) : null}
    </section>
  )
}

/** The sentence with its `paths` as code. */
function withCode(text: string) {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))
}
