// One repository's developer loop over the weeks: how long the tests took to first run and to first
// go green, the setup they needed, the suite's duration and flaky tests, beside the friction tagged
// that week; then, on the leader's press, the note for the tech lead to copy or save as Markdown.
import type { RepoLoopCard as RepoLoopCardData, RepoLoopWeek } from '../../../shared/models/journal.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { Markdown } from '../../components/Markdown.tsx'
import { useStores } from '../../stores-context.tsx'
import { ChartCard } from './ChartCard.tsx'

const minutes = (value: number | null) => (value === null ? '—' : value < 1 ? '< 1 min' : `${Math.round(value)} min`)
const seconds = (value: number | null) => (value === null ? '—' : value < 120 ? `${Math.round(value)} s` : `${Math.round(value / 60)} min`)
const setup = (week: RepoLoopWeek) =>
  week.setupSteps === null ? '—' : `${week.setupSteps}${week.setupFailed ? ` (${week.setupFailed} failed)` : ''}`

export function RepoLoopCard(props: { card: RepoLoopCardData }) {
  const { card } = props
  const { useInsights } = useStores()
  const note = useInsights((state) => (state.note?.repositoryId === card.repositoryId ? state.note : null))
  const openNote = useInsights((state) => state.openNote)
  const closeNote = useInsights((state) => state.closeNote)
  const copyNote = useInsights((state) => state.copyNote)
  return (
    <ChartCard title={`Developer loop · ${card.repositoryName}`} summary={card.summary} wide>
      <table className="repo-loop">
        <caption className="visually-hidden">
          The developer loop in {card.repositoryName}, week by week: a dash where nothing was measured.
        </caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col">Tests first ran</th>
            <th scope="col">First green</th>
            <th scope="col">Setup steps</th>
            <th scope="col">Suite</th>
            <th scope="col">Flaky tests</th>
            <th scope="col">Friction you tagged</th>
          </tr>
        </thead>
        <tbody>
          {card.weeks.map((week) => (
            <tr key={week.isoWeek}>
              <th scope="row">{week.isoWeek}</th>
              <td>{minutes(week.firstTestRunMinutes)}</td>
              <td>{minutes(week.firstGreenMinutes)}</td>
              <td>{setup(week)}</td>
              <td>{seconds(week.suiteSeconds)}</td>
              <td>{week.flaky.length ? week.flaky.map((name) => <code key={name}>{name}</code>) : '—'}</td>
              <td>
                {week.frictionTags.length ? (
                  <span className="repo-loop__tags">
                    {week.frictionTags.map((tag) => (
                      <span key={tag} className="pill">
                        {tag}
                      </span>
                    ))}
                  </span>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="repo-loop__actions">
        <button type="button" className="button" onClick={() => void openNote(card.repositoryId)} aria-expanded={note !== null}>
          Note for the tech lead
        </button>
      </div>
      {note ? (
        <div className="repo-loop__note" role="region" aria-label={`Note for the tech lead of ${card.repositoryName}`}>
          {note.error ? <ErrorNotice error={note.error} /> : null}
          {note.note ? (
            <>
              <p className="muted">Read it before you send it: it is your notes, in your words, with the figures Gemba measured.</p>
              <article className="card repo-loop__preview">
                <Markdown source={note.note.markdown} />
              </article>
              <div className="repo-loop__actions">
                <button type="button" className="button" onClick={() => void copyNote()}>
                  Copy as Markdown
                </button>
                <a
                  className="button"
                  download={note.note.fileName}
                  href={`data:text/markdown;charset=utf-8,${encodeURIComponent(note.note.markdown)}`}
                >
                  Save as {note.note.fileName}
                </a>
                <button type="button" className="button button--quiet" onClick={closeNote}>
                  Close
                </button>
                <span role="status">{note.copied ? 'Copied' : ''}</span>
              </div>
            </>
          ) : !note.error ? (
            <p className="muted" role="status">
              Writing the note…
            </p>
          ) : null}
        </div>
      ) : null}
    </ChartCard>
  )
}
