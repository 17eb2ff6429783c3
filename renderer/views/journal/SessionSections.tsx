// The parts of a session as the review shows them: walkthrough with its citations (opening the file
// viewer where the cited code is now, while the repository is there; whether each moved, changed or
// vanished since), the diagram drawn, the change as a coloured diff with its test run and
// explanation, the questions for tech leads and the transcript.
import { useMemo } from 'react'
import { testOutcomeOf } from '../../../shared/models/change.ts'
import type { CitationAnchor, JournalCitation, JournalDriftView, JournalSessionRecord } from '../../../shared/models/journal.ts'
import { Markdown } from '../../components/Markdown.tsx'
import { DiffView } from '../../components/DiffView.tsx'
import { MermaidDiagram } from '../../components/MermaidDiagram.tsx'
import type { CitedRepository } from '../../stores/cited-repository.ts'
import { citationMarks } from './citation-marks.ts'
import { CitedMarkdown, MARK_TITLE } from './CitedMarkdown.tsx'
import { formatMinutes, shortCommit } from './journal-format.ts'
import { plural } from '../../../shared/plural.ts'

/** One part of the session; a `part` (walkthrough, architecture, change) starts a new printed page. */
function Section(props: { title: string; part?: boolean; children: React.ReactNode }) {
  return (
    <section className={`card session-section ${props.part ? 'session-section--part' : ''}`} aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  )
}

/** Where a citation is now, by content (absent when drift is unknown or was computed without git). */
export function anchorOf(drift: JournalDriftView | null, citation: Pick<JournalCitation, 'path' | 'line'>): CitationAnchor | null {
  if (drift?.state !== 'known') return null
  const path = citation.path.replace(/^\.\//, '')
  return drift.drift.anchors?.find((anchor) => anchor.path === path && anchor.line === (citation.line ?? null)) ?? null
}

function driftMark(drift: JournalDriftView | null, citation: JournalCitation): { text: string; tone: string } | null {
  if (drift?.state !== 'known') return null
  const anchor = anchorOf(drift, citation)
  if (anchor) {
    const now = anchor.now ? `${anchor.now.path}${anchor.now.line ? `:${anchor.now.line}` : ''}` : ''
    switch (anchor.status) {
      case 'moved':
        return { text: `moved to ${now}`, tone: 'moved' }
      case 'changed':
        return {
          text: anchor.now?.path !== anchor.path ? `changed, now ${now}` : `changed, now line ${anchor.now?.line ?? '?'}`,
          tone: 'changed',
        }
      case 'vanished':
        return { text: 'vanished', tone: 'vanished' }
      case 'unknown':
        return { text: 'not checked', tone: 'not' }
      default:
        return { text: 'unchanged', tone: 'unchanged' }
    }
  }
  const file = drift.drift.files.find((item) => item.path === citation.path.replace(/^\.\//, ''))
  if (!file) return null
  return file.changed === null
    ? { text: 'not checked', tone: 'not' }
    : file.changed
      ? { text: 'changed since', tone: 'changed' }
      : { text: 'unchanged', tone: 'unchanged' }
}

const citationText = (citation: JournalCitation): string =>
  `${citation.path}${citation.line ? `:${citation.line}${citation.endLine ? `-${citation.endLine}` : ''}` : ''}`

const SOURCE_NOTE = {
  ai: 'Claude’s, kept as it came in this session.',
  offline: 'Computed by Gemba from the repository alone (no AI).',
  hand: 'Your own.',
} as const

export function WalkthroughSection(props: {
  record: JournalSessionRecord
  drift: JournalDriftView | null
  cited: CitedRepository | null
  onOpen: (path: string, line: number | null) => void
}) {
  const { record, cited } = props
  const walkthrough = record.walkthrough
  const asked = record.questionsAsked ?? []
  const onOpen = cited?.state === 'available' ? props.onOpen : null
  const markOf = useMemo(() => (walkthrough ? citationMarks(walkthrough) : () => null), [walkthrough])
  return (
    <Section title="Walkthrough" part>
      {walkthrough?.source ? <p className="muted session-source">{SOURCE_NOTE[walkthrough.source]}</p> : null}
      {cited?.state === 'gone' ? (
        <p className="muted session-cited-gone" role="note">
          {cited.note}
        </p>
      ) : null}
      {walkthrough?.markdown.trim() ? <CitedMarkdown source={walkthrough.markdown} markOf={markOf} onOpen={onOpen} /> : null}
      {walkthrough && walkthrough.citations.length > 0 ? (
        <>
          <h3 className="session-subhead">Cited code</h3>
          <ul className="citations">
            {walkthrough.citations.map((citation, index) => {
              if (citation.mark)
                return (
                  <li key={`${citation.path}-${index}`}>
                    <span className="cite cite--unverified" title={MARK_TITLE[citation.mark]}>
                      {citationText(citation)}
                      <span className="cite__mark"> ({citation.mark})</span>
                    </span>
                    {citation.label ? <span className="muted"> — {citation.label}</span> : null}
                  </li>
                )
              const mark = driftMark(props.drift, citation)
              const gone = anchorOf(props.drift, citation)?.status === 'vanished'
              return (
                <li key={`${citation.path}-${index}`}>
                  {onOpen && !gone ? (
                    <button
                      type="button"
                      className="cite cite--verified"
                      title={`Open ${citationText(citation)} where the code is today`}
                      onClick={() => onOpen(citation.path.replace(/^\.\//, ''), citation.line ?? null)}
                    >
                      {citationText(citation)}
                    </button>
                  ) : (
                    <code>{citationText(citation)}</code>
                  )}
                  {citation.label ? <span className="muted"> — {citation.label}</span> : null}
                  {mark ? <span className={`pill citation__drift citation__drift--${mark.tone}`}>{mark.text}</span> : null}
                </li>
              )
            })}
          </ul>
        </>
      ) : null}
      {asked.length > 0 && walkthrough?.source !== 'ai' ? (
        <>
          <h3 className="session-subhead">Questions you asked Claude</h3>
          <ul className="questions">
            {asked.map((question, index) => (
              <li key={index}>{question}</li>
            ))}
          </ul>
        </>
      ) : null}
      {record.notes?.explore ? <NotesBlock text={record.notes.explore} /> : null}
    </Section>
  )
}

export function DiagramSection(props: { record: JournalSessionRecord }) {
  const { diagram, notes } = props.record
  return (
    <Section title="Architecture" part>
      {diagram?.source ? <p className="muted session-source">{SOURCE_NOTE[diagram.source]}</p> : null}
      {diagram ? <MermaidDiagram source={diagram.mermaid} label={diagram.caption ?? 'Architecture diagram of this session'} /> : null}
      {diagram?.caption ? <p className="muted session-caption">{diagram.caption}</p> : null}
      {notes?.diagram ? <NotesBlock text={notes.diagram} /> : null}
    </Section>
  )
}

function NotesBlock(props: { text: string }) {
  return (
    <div className="session-notes">
      <h3 className="session-subhead">Your notes</h3>
      <Markdown source={props.text} />
    </div>
  )
}

export function ChangeSection(props: { change: NonNullable<JournalSessionRecord['change']> }) {
  const { change } = props
  const run = change.testRun
  const tests = run ? testOutcomeOf(run) : null
  return (
    <Section title="The change" part>
      <p className="session-request">“{change.request}”</p>
      <p className="muted">
        Branch <code>{change.branch}</code>
        {change.commit ? (
          <>
            {' '}
            at <code>{shortCommit(change.commit)}</code>
          </>
        ) : (
          ' (not committed)'
        )}
        {change.manual ? ' · made by hand' : ''}
        {change.branchDeleted
          ? ' · branch deleted during the session'
          : change.returned && change.originalBranch
            ? ` · the clone went back to ${change.originalBranch}`
            : ''}
      </p>
      {change.authorship ? (
        <p>
          Who wrote it: you, {plural(change.authorship.leaderLines, 'line')}; the agent, {plural(change.authorship.agentLines, 'line')}.
        </p>
      ) : null}
      {change.diff.trim() ? <DiffView diff={change.diff} label={change.branch} /> : <p className="muted">No diff was recorded.</p>}
      <h3 className="session-subhead">Test run</h3>
      {run ? (
        <>
          <p>
            <code>{run.command}</code>{' '}
            <span className={`pill ${tests?.outcome === 'passed' && run.onChange !== false ? 'pill--ok' : 'pill--warn'}`}>
              {tests?.outcome === 'could_not_run'
                ? 'could not run'
                : tests?.outcome === 'passed'
                  ? run.onChange === false
                    ? 'passed, but not on the change as committed'
                    : run.onChange
                      ? 'passed on this change'
                      : 'passed'
                  : `failed (exit ${run.exitCode})`}
            </span>{' '}
            <span className="muted">{formatMinutes(run.durationMs / 60_000)}</span>
          </p>
          {tests?.couldNotRun ? <p>{tests.couldNotRun.sentence} Nothing here says whether the tests pass.</p> : null}
          {tests?.outcome === 'failed' && run.failed?.length ? <p>Failed: {run.failed.join('; ')}</p> : null}
          {tests?.outcome === 'failed' && run.firstError ? (
            <p>
              First error: <code>{run.firstError}</code>
            </p>
          ) : null}
          {run.outputTail.trim() ? (
            <pre className="code-block test-output" aria-label="Test output" tabIndex={0}>
              {run.outputTail}
            </pre>
          ) : null}
        </>
      ) : (
        <p className="muted">The tests were not run, so nothing here says they pass.</p>
      )}
      {change.explanation.trim() ? (
        <>
          <h3 className="session-subhead">Explained</h3>
          <Markdown source={change.explanation} />
        </>
      ) : null}
    </Section>
  )
}

export function QuestionsSection(props: { questions: JournalSessionRecord['questions'] }) {
  return (
    <Section title="Questions for tech leads">
      <ul className="questions">
        {props.questions.map((question) => (
          <li key={question.id}>
            <span className={`pill ${question.status === 'answered' ? 'pill--ok' : 'pill--warn'}`}>{question.status}</span> {question.text}
            {question.answer ? <p className="muted questions__answer">{question.answer}</p> : null}
          </li>
        ))}
      </ul>
    </Section>
  )
}

export function TranscriptSection(props: { transcript: JournalSessionRecord['transcript'] }) {
  return (
    <details className="card session-section transcript no-print">
      <summary>Full transcript ({props.transcript.length} messages)</summary>
      <ol className="transcript__list">
        {props.transcript.map((entry, index) => (
          <li key={index} className={`transcript__entry transcript__entry--${entry.role}`}>
            <span className="transcript__who">
              {entry.role} · {entry.step}
            </span>
            <p>{entry.text}</p>
          </li>
        ))}
      </ol>
    </details>
  )
}
